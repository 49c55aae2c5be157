package io.fulcrum.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RiskTierTest {
    @Test
    void flatTierStartsAtZero() {
        assertEquals(new RiskTier(0, 50_000, 30_000), RiskTier.flat(50_000, 30_000));
    }

    @Test
    void maxLeverageIsTheLargestWholeLeverageWhoseRateCoversTheTier() {
        assertEquals(20, RiskTier.flat(50_000, 30_000).maxLeverage());
        assertEquals(40, RiskTier.flat(25_000, 12_500).maxLeverage());
        // 15 %: 6x asks 166,667 ppm (enough), 7x only 142,858.
        assertEquals(6, RiskTier.flat(150_000, 75_000).maxLeverage());
        // A third cannot be written in ppm; rounded up to 333,334 it is still the 3x tier.
        assertEquals(3, RiskTier.flat(333_334, 166_667).maxLeverage());
        // 2 ppm: 500,000x asks exactly 2 ppm; 500,001x rounds up to 2 ppm as well, 1,000,000x to 1.
        assertEquals(999_999, RiskTier.flat(2, 1).maxLeverage());
        assertEquals(1_000_000, RiskTier.flat(1, 1).maxLeverage());
    }

    @Test
    void aTierForAMaximumLeverageHalvesTheInitialRateForMaintenance() {
        // Hyperliquid (MECHANISMS.md §1.3): 40x → 2.5 % / 1.25 %; testnet 3x → 333,334 / 166,667 ppm.
        assertEquals(new RiskTier(0, 25_000, 12_500), RiskTier.forMaxLeverage(0, 40));
        assertEquals(new RiskTier(300_000, 333_334, 166_667), RiskTier.forMaxLeverage(300_000, 3));
        assertEquals(3, RiskTier.forMaxLeverage(0, 3).maxLeverage());
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertEquals("notional floor must be non-negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new RiskTier(-1, 50_000, 30_000)).getMessage());
    }

    @Test
    void initialRateMustBeAPositiveFractionOfOne() {
        assertEquals("initial margin must be in (0, 1,000,000] ppm: 0",
                assertThrows(IllegalArgumentException.class, () -> RiskTier.flat(0, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RiskTier.flat(1_000_001, 30_000));
        assertEquals(1, RiskTier.flat(1_000_000, 1_000_000).maxLeverage());
    }

    @Test
    void maintenanceRateMustBePositiveAndAtMostTheInitialRate() {
        assertEquals("maintenance margin must be in (0, initial margin 50000] ppm: 50001",
                assertThrows(IllegalArgumentException.class, () -> RiskTier.flat(50_000, 50_001)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RiskTier.flat(50_000, 0));
    }
}
