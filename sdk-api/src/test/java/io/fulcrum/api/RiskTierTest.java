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
    void maxLeverageIsTheInverseOfTheInitialRateRoundedDown() {
        assertEquals(20, RiskTier.flat(50_000, 30_000).maxLeverage());
        assertEquals(40, RiskTier.flat(25_000, 12_500).maxLeverage());
        // 3x rounded up to 333,334 ppm allows 2.99999... = 2x whole leverage.
        assertEquals(2, RiskTier.flat(333_334, 166_667).maxLeverage());
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
