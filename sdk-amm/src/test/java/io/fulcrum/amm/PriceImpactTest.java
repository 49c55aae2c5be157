package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GMX v2 position price impact (MECHANISMS.md §3.1). Amounts in cents (usdDecimals 2) unless said. */
class PriceImpactTest {
    /** ETH factors f⁻ 9e-11, f⁺ 3e-11 (wad 90,000,000 and 30,000,000), exponent 2 on both sides, caps not binding. */
    private static final PriceImpact ETH = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 1_000_000, 1_000_000, 2);

    private static long usd(long dollars) {
        return dollars * 100;
    }

    @Test
    void openingOnTheHeavierSidePaysTheWorkedMinus810() {
        // 9e-11 x (400,000^2 - 500,000^2) = 9e-11 x (-9e10) = -8.10 USD = -810 cents.
        assertEquals(-810, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(100_000), true));
    }

    @Test
    void openingOnTheLighterSideWithoutCrossingEarnsTheWorkedPlus450() {
        // 3e-11 x (400,000^2 - 100,000^2) = 3e-11 x 1.5e11 = +4.50 USD.
        assertEquals(450, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(300_000), false));
    }

    @Test
    void crossingOverChargesTheNewGapAtTheNegativeFactor() {
        // Short 600,000: shorts 1,200,000 vs longs 1,000,000. 3e-11 x 400,000^2 - 9e-11 x 200,000^2 = 4.8 - 3.6 = +1.20.
        assertEquals(120, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(600_000), false));
    }

    @Test
    void crossingOverFarPaysWhenTheNewGapOutweighsTheOldOne() {
        // Short 1,000,000: gap 600,000 short-heavy. 4.8 - 9e-11 x 3.6e11 = 4.8 - 32.4 = -27.60.
        assertEquals(-2_760, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(1_000_000), false));
    }

    @Test
    void swapReadmeDepositIntoABalancedPoolPays500() {
        // Whole dollars; f = 0.01 / 50,000 = 2e-7 (wad 200,000,000,000). 0^2 f - 50,000^2 f = -2.5e9 x 2e-7 = -500.
        PriceImpact swap = new PriceImpact(200_000_000_000L, 200_000_000_000L, 2, 2, 1_000_000, 1_000_000, 0);
        assertEquals(-500, swap.impactUsd(50_000, 50_000, 50_000, true));
    }

    @Test
    void swapReadmeWithdrawingHalfEarns375() {
        // Pool 100,000 / 50,000, take 25,000 out of the long side: 50,000^2 f - 25,000^2 f = 1.875e9 x 2e-7 = 375.
        PriceImpact swap = new PriceImpact(200_000_000_000L, 200_000_000_000L, 2, 2, 1_000_000, 1_000_000, 0);
        assertEquals(375, swap.impactUsd(100_000, 50_000, -25_000, true));
    }

    @Test
    void positiveImpactIsCappedAtTheSizeTimesThePositiveMaxFactor() {
        // Cap 10 ppm of 300,000 USD = 3.00 USD, below the +4.50 of the uncapped trade.
        PriceImpact capped = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 1_000_000, 10, 2);
        assertEquals(300, capped.impactUsd(usd(1_000_000), usd(600_000), usd(300_000), false));
    }

    @Test
    void positiveFactorAboveTheNegativeOneIsAppliedAsTheNegativeOne() {
        // f+ 2e-10 > f- 9e-11, so 9e-11 is used: 9e-11 x 1.5e11 = 13.50 USD (2e-10 would give 30.00).
        PriceImpact generous = new PriceImpact(90_000_000L, 200_000_000L, 2, 2, 1_000_000, 1_000_000, 2);
        assertEquals(90_000_000L, generous.effectivePositiveFactorWad());
        assertEquals(1_350, generous.impactUsd(usd(1_000_000), usd(600_000), usd(300_000), false));
    }

    @Test
    void negativeImpactOfADecreaseIsCappedAtTheNegativeMaxFactor() {
        // Closing 100,000 of longs on a short-heavy book, longs 600,000 -> 500,000: gap 400,000 -> 500,000, -8.10.
        // Cap 50 ppm of 100,000 USD = 5.00 USD.
        PriceImpact capped = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 50, 1_000_000, 2);
        long impact = capped.impactUsd(usd(600_000), usd(1_000_000), -usd(100_000), true);
        assertEquals(-810, impact);
        assertEquals(-500, capped.capNegativeImpactForDecrease(impact, -usd(100_000)));
        assertEquals(-400, capped.capNegativeImpactForDecrease(-400, -usd(100_000)));
    }

    @Test
    void theNegativeCapRoundsItsMagnitudeUp() {
        // 10,000,001 cents x 50 / 1e6 = 500.00005 -> the trader may lose 501.
        PriceImpact capped = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 50, 1_000_000, 2);
        assertEquals(-501, capped.capNegativeImpactForDecrease(-810, -10_000_001));
    }

    @Test
    void roundingGoesAgainstTheTraderOnBothSides() {
        // Whole dollars. Long +1: 9e-11 x (400,000^2 - 400,001^2) = -7.2e-5 -> -1.
        // Short +1: 3e-11 x (400,000^2 - 399,999^2) = +2.4e-5 -> 0.
        PriceImpact dollars = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 1_000_000, 1_000_000, 0);
        assertEquals(-1, dollars.impactUsd(1_000_000, 600_000, 1, true));
        assertEquals(0, dollars.impactUsd(1_000_000, 600_000, 1, false));
    }

    @Test
    void virtualInventoryMakesANegativeImpactMoreNegative() {
        // Virtual 2,000,000 / 1,000,000: gap 1,000,000 -> 1,100,000: 9e-11 x (1e12 - 1.21e12) = -18.90 < -8.10.
        assertEquals(-1_890, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(100_000), true,
                usd(2_000_000), usd(1_000_000)));
    }

    @Test
    void virtualInventoryThatIsMilderLeavesTheRealImpact() {
        // Virtual 5,000,000 / 5,000,000: gap 0 -> 100,000: -9e-11 x 1e10 = -0.90, milder than -8.10.
        assertEquals(-810, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(100_000), true,
                usd(5_000_000), usd(5_000_000)));
    }

    @Test
    void virtualInventoryIsIgnoredWhenTheRealImpactIsPositive() {
        // Virtually the short would worsen a short-heavy book, but the real +4.50 stands.
        assertEquals(450, ETH.impactUsd(usd(1_000_000), usd(600_000), usd(300_000), false, 0, usd(2_000_000)));
    }

    @Test
    void mixedExponentsUseEachSidesOwnExponent() {
        // GMX defaults shape: e- 2, e+ 1, f- 1e-7, f+ 5e-8, whole dollars. Crossover from 1,000 long-heavy to 500
        // short-heavy: 5e-8 x 1,000 - 1e-7 x 500^2 = 0.00005 - 0.025 = -0.02495 -> -1.
        PriceImpact defaults = new PriceImpact(100_000_000_000L, 50_000_000_000L, 2, 1, 1_000_000, 1_000_000, 0);
        assertEquals(-1, defaults.impactUsd(2_000, 1_000, 1_500, false));
        // Closing a 1,000,000 USD gap exactly counts as a crossover (a tie is short-heavy): 5e-8 x 1,000,000 - 0
        // = +0.05 USD, which is 5 at cents and 0 at whole dollars (a gain rounds down).
        PriceImpact cents = new PriceImpact(100_000_000_000L, 50_000_000_000L, 2, 1, 1_000_000, 1_000_000, 2);
        assertEquals(5, cents.impactUsd(200_000_000, 100_000_000, 100_000_000, false));
        assertEquals(0, defaults.impactUsd(2_000_000, 1_000_000, 1_000_000, false));
    }

    @Test
    void increaseExecutionPriceMatchesTheGmxCodeComment() {
        // Price 2,000, size 5,000, impact -1,000: 2.5 base tokens, -0.5 impact, 5,000 / 2 tokens = 2,500.
        assertEquals(2_500, PriceImpact.executionPrice(2_000, 5_000, -1_000, true));
    }

    @Test
    void increaseExecutionPriceRoundsAgainstTheTrader() {
        // Long, +1,000: 2,000 x 5,000 / 6,000 = 1,666.67 -> 1,667. Short, -1,000: 2,000 x 5,000 / 6,000 -> 1,666.
        assertEquals(1_667, PriceImpact.executionPrice(2_000, 5_000, 1_000, true));
        assertEquals(1_666, PriceImpact.executionPrice(2_000, 5_000, -1_000, false));
        // Short, +1,000: it sells as if 2,000 x 5,000 / 4,000 = 2,500.
        assertEquals(2_500, PriceImpact.executionPrice(2_000, 5_000, 1_000, false));
    }

    @Test
    void decreaseExecutionPriceScalesThePriceByTheImpactShare() {
        // Long closes, -50: 2,000 x 4,950 / 5,000 = 1,980. Short closes, -50: 2,000 x 5,050 / 5,000 = 2,020.
        assertEquals(1_980, PriceImpact.executionPriceForDecrease(2_000, 5_000, -50, true));
        assertEquals(2_020, PriceImpact.executionPriceForDecrease(2_000, 5_000, -50, false));
    }

    @Test
    void impactPoolCapsOnlyPositiveImpact() {
        assertEquals(300, PriceImpact.capPositiveImpactByImpactPool(450, 300));
        assertEquals(-810, PriceImpact.capPositiveImpactByImpactPool(-810, 0));
    }

    @Test
    void invalidConfigurationAndInputsFailNamingTheValue() {
        IllegalArgumentException factor = assertThrows(IllegalArgumentException.class,
                () -> new PriceImpact(-1, 0, 2, 2, 0, 0, 6));
        assertTrue(factor.getMessage().contains("negativeFactorWad"), factor.getMessage());
        IllegalArgumentException exponent = assertThrows(IllegalArgumentException.class,
                () -> new PriceImpact(1, 0, 2, 0, 0, 0, 6));
        assertTrue(exponent.getMessage().contains("positiveExponent"), exponent.getMessage());
        IllegalArgumentException decrease = assertThrows(IllegalArgumentException.class,
                () -> ETH.impactUsd(100, 50, -101, true));
        assertTrue(decrease.getMessage().contains("sizeDeltaUsd"), decrease.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceImpact.executionPrice(2_000, 5_000, -5_000, true));
    }
}
