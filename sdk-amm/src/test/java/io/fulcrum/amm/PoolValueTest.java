package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** GMX v2 pool value, GM price, PnL caps, reserve, ADL and liquidation (MECHANISMS.md §3.4). */
class PoolValueTest {
    /** One USD and one GM token at 6 decimals. */
    private static final long ONE = 1_000_000L;

    /** baseMarketConfig: traders 90 %, deposits 90 %, withdrawals 70 %, ADL 85 %, after 77 %; ETH reserves 275 / 270 %. */
    private static final PoolValue GMX = new PoolValue(900_000, 900_000, 700_000, 850_000, 770_000, 2_750_000,
            2_700_000, 0);

    /** The §3.4 example in micro-USD: tokens 200,000 / 300,000, PnL +150,000 / -20,000, no fees, no impact pool. */
    private static final PoolValue.Snapshot EXAMPLE = new PoolValue.Snapshot(200_000 * ONE, 300_000 * ONE,
            150_000 * ONE, -20_000 * ONE, 0, 0);

    @Test
    void withdrawalsCapLongProfitAtSeventyPercentAndPriceGmAt95Cents() {
        // 500,000 - (min(150,000, 0.7 x 200,000) - 20,000) = 500,000 - 120,000 = 380,000; / 400,000 GM = 0.95.
        long value = GMX.valueUsd(EXAMPLE, PoolValue.PnlFactorType.WITHDRAWALS);
        assertEquals(380_000 * ONE, value);
        assertEquals(950_000, PoolValue.marketTokenPrice(value, 400_000 * ONE, ONE, ONE, RoundingMode.FLOOR));
    }

    @Test
    void depositsUseTheNinetyPercentCapAndPriceGmAt92Point5Cents() {
        // Cap 180,000 does not bind: 500,000 - (150,000 - 20,000) = 370,000; / 400,000 = 0.925.
        long value = GMX.valueUsd(EXAMPLE, PoolValue.PnlFactorType.DEPOSITS);
        assertEquals(370_000 * ONE, value);
        assertEquals(925_000, PoolValue.marketTokenPrice(value, 400_000 * ONE, ONE, ONE, RoundingMode.CEILING));
    }

    @Test
    void lossesAreNeverCapped() {
        assertEquals(-20_000, GMX.cappedPnlUsd(-20_000, 1, PoolValue.PnlFactorType.WITHDRAWALS));
    }

    @Test
    void pendingBorrowingFeesCountNetOfTheReceiverShareAndTheImpactPoolIsSubtracted() {
        // 500 + floor(1,000 x (1 - 0.37)) - (100 - 50) - 30 = 500 + 630 - 50 - 30 = 1,050.
        PoolValue withReceiver = new PoolValue(900_000, 900_000, 700_000, 850_000, 770_000, 950_000, 900_000, 370_000);
        PoolValue.Snapshot pool = new PoolValue.Snapshot(200, 300, 100, -50, 1_000, 30);
        assertEquals(1_050, withReceiver.valueUsd(pool, PoolValue.PnlFactorType.TRADERS));
    }

    @Test
    void emptySupplyPricesGmAtOneUsd() {
        assertEquals(ONE, PoolValue.marketTokenPrice(0, 0, ONE, ONE, RoundingMode.FLOOR));
    }

    @Test
    void gmPriceRoundsAsAsked() {
        // 1 / 3 USD per GM at 6 decimals: 333,333.33 -> 333,333 down, 333,334 up.
        assertEquals(333_333, PoolValue.marketTokenPrice(ONE, 3 * ONE, ONE, ONE, RoundingMode.FLOOR));
        assertEquals(333_334, PoolValue.marketTokenPrice(ONE, 3 * ONE, ONE, ONE, RoundingMode.CEILING));
    }

    @Test
    void adlIsOffAtSeventyFivePercentAndOnAtNinety() {
        // 150,000 / 200,000 = 0.75 < 0.85; 180,000 / 200,000 = 0.90 > 0.85; exactly 0.85 (170,000) is not above.
        assertFalse(GMX.isAdlEnabled(150_000, 200_000));
        assertTrue(GMX.isAdlEnabled(180_000, 200_000));
        assertFalse(GMX.isAdlEnabled(170_000, 200_000));
        assertTrue(GMX.isAdlEnabled(170_001, 200_000));
    }

    @Test
    void adlReducesProfitToSeventySevenPercentOfThePool() {
        // 0.77 x 200,000 = 154,000; going below it overcorrects.
        assertEquals(154_000, GMX.adlTargetPnlUsd(200_000));
        assertFalse(GMX.isAdlOvercorrected(154_000, 200_000));
        assertTrue(GMX.isAdlOvercorrected(153_999, 200_000));
    }

    @Test
    void reserveLimitsAreThePoolTimesTheFactors() {
        // 200,000 x 2.75 = 550,000; x 2.70 = 540,000.
        assertEquals(550_000, GMX.maxReservedUsd(200_000));
        assertTrue(GMX.isWithinReserve(550_000, 200_000));
        assertFalse(GMX.isWithinReserve(550_001, 200_000));
        assertTrue(GMX.isWithinOpenInterestReserve(540_000, 200_000));
        assertFalse(GMX.isWithinOpenInterestReserve(540_001, 200_000));
    }

    @Test
    void traderProfitIsScaledDownWhenTheSideProfitIsCapped() {
        // Side PnL 200,000 on a 200,000 pool, cap 90 % = 180,000: a 50,000 profit is paid 50,000 x 0.9 = 45,000.
        assertEquals(45_000, GMX.traderPnlUsd(50_000, 200_000, 200_000));
        assertEquals(50_000, GMX.traderPnlUsd(50_000, 150_000, 200_000));
        assertEquals(-5_000, GMX.traderPnlUsd(-5_000, 200_000, 200_000));
    }

    @Test
    void workedPositionIsLiquidatableWith540Left() {
        // 1,500 - 900 + 0 - 60 = 540 < max(1, 1 % x 100,000 = 1,000).
        PoolValue.LiquidationRule rule = new PoolValue.LiquidationRule(1, 10_000, 0);
        assertEquals(540, rule.remainingCollateralUsd(100_000, 1_500, -900, -400, 60));
        assertEquals(1_000, rule.minCollateralRequiredUsd(100_000));
        assertTrue(rule.isLiquidatable(100_000, 1_500, -900, -400, 60));
        // With 2,000 of collateral 1,040 remains: safe.
        assertFalse(rule.isLiquidatable(100_000, 2_000, -900, 0, 60));
    }

    @Test
    void liquidationCountsNegativeImpactUpToItsCapAndIgnoresPositiveImpact() {
        // Cap 0.1 % x 100,000 = 100: impact -300 counts as -100 (1,500 - 900 - 100 - 60 = 440), -40 counts in full
        // (1,500 - 900 - 40 - 60 = 500), +500 counts as 0 (540).
        PoolValue.LiquidationRule rule = new PoolValue.LiquidationRule(1, 10_000, 1_000);
        assertEquals(440, rule.remainingCollateralUsd(100_000, 1_500, -900, -300, 60));
        assertEquals(500, rule.remainingCollateralUsd(100_000, 1_500, -900, -40, 60));
        assertEquals(540, rule.remainingCollateralUsd(100_000, 1_500, -900, 500, 60));
    }

    @Test
    void absoluteMinimumCollateralAppliesToSmallPositions() {
        // 1 % of 50 = 0.5 -> 1; the absolute floor of 5 is larger.
        PoolValue.LiquidationRule rule = new PoolValue.LiquidationRule(5, 10_000, 0);
        assertEquals(5, rule.minCollateralRequiredUsd(50));
    }

    @Test
    void invalidConfigurationFailsNamingTheValue() {
        IllegalArgumentException adl = assertThrows(IllegalArgumentException.class,
                () -> new PoolValue(900_000, 900_000, 700_000, 700_000, 770_000, 950_000, 900_000, 0));
        assertTrue(adl.getMessage().contains("minPnlFactorAfterAdlPpm"), adl.getMessage());
        IllegalArgumentException reserve = assertThrows(IllegalArgumentException.class,
                () -> new PoolValue(900_000, 900_000, 700_000, 850_000, 770_000, 0, 900_000, 0));
        assertTrue(reserve.getMessage().contains("reserveFactorPpm"), reserve.getMessage());
        IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class,
                () -> new PoolValue.Snapshot(-1, 0, 0, 0, 0, 0));
        assertTrue(tokens.getMessage().contains("longTokenUsd"), tokens.getMessage());
    }
}
