package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The liquidation penalty, capped by the surplus above bankruptcy, and its split (MECHANISMS.md §2.3, §9). */
class LiquidationPenaltyTest {
    private static final LiquidationPenalty DYDX = LiquidationPenalty.dydx();
    private static final LiquidationPenalty SPLIT_50_30_20 = new LiquidationPenalty(15_000, 500_000, 300_000, 200_000);

    @Test
    void theDydxFeeOfTheWorkedExampleIs84Point15() {
        // §2.3: min(1.5 % × 5,610 = 84.15, 510) = 84.15.
        assertEquals(84_150_000, DYDX.penalty(5_610 * USD, 510 * USD));
    }

    @Test
    void thePenaltyNeverExceedsTheSurplusAboveBankruptcy() {
        // 1.5 % × 5,000 = 75 > 10.
        assertEquals(10 * USD, DYDX.penalty(5_000 * USD, 10 * USD));
    }

    @Test
    void aCloseBelowBankruptcyPaysNoPenalty() {
        assertEquals(0, DYDX.penalty(5_000 * USD, -100 * USD));
        assertEquals(0, DYDX.penalty(5_000 * USD, 0));
    }

    @Test
    void thePenaltyRoundsUpAgainstTheAccount() {
        // 1,000,001 × 1.5 % = 15,000.015 → 15,001.
        assertEquals(15_001, DYDX.penalty(1_000_001, 1_000_000));
    }

    @Test
    void aZeroRateChargesNothing() {
        // Hyperliquid (§1.4): no clearance fee.
        assertEquals(0, LiquidationPenalty.toInsuranceFund(0).penalty(500_000 * USD, 10_000 * USD));
    }

    @Test
    void theDydxPenaltyGoesWhollyToTheInsuranceFund() {
        assertEquals(new LiquidationPenalty.Split(84_150_000, 0, 0), DYDX.split(84_150_000));
    }

    @Test
    void thePenaltyIsSplitByTheShares() {
        // 84.15: liquidator 30 % = 25.245, vault 20 % = 16.83, fund 84.15 − 42.075 = 42.075.
        LiquidationPenalty.Split split = SPLIT_50_30_20.split(84_150_000);
        assertEquals(new LiquidationPenalty.Split(42_075_000, 25_245_000, 16_830_000), split);
        assertEquals(84_150_000, split.total());
    }

    @Test
    void theRoundingRemainderGoesToTheInsuranceFund() {
        // 7 units at 333,334 / 333,333 / 333,333: liquidator floor(2.333331) = 2, vault 2, fund 7 − 4 = 3.
        LiquidationPenalty thirds = new LiquidationPenalty(10_000, 333_334, 333_333, 333_333);
        assertEquals(new LiquidationPenalty.Split(3, 2, 2), thirds.split(7));
    }

    @Test
    void sharesMustSumToOneMillion() {
        assertThrows(IllegalArgumentException.class, () -> new LiquidationPenalty(15_000, 500_000, 300_000, 199_999));
        assertThrows(IllegalArgumentException.class, () -> new LiquidationPenalty(15_000, 500_000, 300_000, 200_001));
        assertThrows(IllegalArgumentException.class,
                () -> new LiquidationPenalty(15_000, Long.MAX_VALUE, Long.MAX_VALUE, 2));
        assertThrows(IllegalArgumentException.class, () -> new LiquidationPenalty(15_000, 1_200_000, -200_000, 0));
    }

    @Test
    void invalidAmountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LiquidationPenalty(-1, 1_000_000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new LiquidationPenalty(1_000_001, 1_000_000, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DYDX.penalty(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> DYDX.split(-1));
    }
}
