package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GMX v2 static and adaptive funding (MECHANISMS.md §3.2). Rates in wad (1e-18); USD in whole dollars. */
class GmxFundingTest {
    /** README: factor 1/50,000 = 0.00002 = 2e13 wad, exponent 1, no effective max (1.0 per second). */
    private static final GmxFunding README_STATIC = GmxFunding.staticFunding(20_000_000_000_000L, 1,
            1_000_000_000_000_000_000L, 0);

    /**
     * README adaptive: increase 0.0001 % = 1e-6 (1e12 wad), decrease 0.000002 % = 2e-8 (2e10 wad), stable threshold
     * 5 %, decrease threshold 3 %, min 0, max 0.1 % per second (1e15 wad).
     */
    private static final GmxFunding README_ADAPTIVE = GmxFunding.adaptiveFunding(1, 1_000_000_000_000L,
            20_000_000_000L, 50_000, 30_000, 0, 1_000_000_000_000_000L, 0);

    /** A saved rate of 0.01 % per second, longs paying. */
    private static final long SAVED = 100_000_000_000_000L;

    @Test
    void staticReadmeExampleLongsPayOneHundredThousandthPerSecond() {
        // (1 / 50,000) x (150,000 - 50,000) / 200,000 = 0.00001 = 1e13 wad.
        GmxFunding.Rate rate = README_STATIC.next(150_000, 50_000, 0, 0);
        assertEquals(10_000_000_000_000L, rate.factorPerSecondWad());
        assertTrue(rate.longsPay());
    }

    @Test
    void staticReadmeExampleShortsReceiveThreeTimesThePayingRate() {
        // 0.00001 x 150,000 / 50,000 = 0.00003 = 3e13 wad.
        assertEquals(30_000_000_000_000L, GmxFunding.receivingFactorPerSecondWad(10_000_000_000_000L, 150_000, 50_000));
    }

    @Test
    void bothSidesExchangeTheSameUsd() {
        // Over 600 s: longs 150,000 x 0.00001 x 600 = 900; shorts 50,000 x 0.00003 x 600 = 900.
        assertEquals(900, GmxFunding.fundingUsd(150_000, 10_000_000_000_000L, 600));
        assertEquals(900, GmxFunding.fundingUsd(50_000, 30_000_000_000_000L, 600));
    }

    @Test
    void paidFundingRoundsUpAndReceivedRateRoundsDown() {
        // 1 x 1e13 x 1 / 1e18 = 1e-5 -> 1 paid. 1e13 x 2 / 3 = 6,666,666,666,666.67 -> ...666 received.
        assertEquals(1, GmxFunding.fundingUsd(1, 10_000_000_000_000L, 1));
        assertEquals(6_666_666_666_666L, GmxFunding.receivingFactorPerSecondWad(10_000_000_000_000L, 2, 3));
    }

    @Test
    void staticRateIsCappedAtTheMaximum() {
        GmxFunding capped = GmxFunding.staticFunding(20_000_000_000_000L, 1, 5_000_000_000_000L, 0);
        assertEquals(5_000_000_000_000L, capped.next(150_000, 50_000, 0, 0).factorPerSecondWad());
    }

    @Test
    void staticShortHeavyBookMakesShortsPay() {
        GmxFunding.Rate rate = README_STATIC.next(50_000, 150_000, 0, 0);
        assertEquals(10_000_000_000_000L, rate.factorPerSecondWad());
        assertFalse(rate.longsPay());
    }

    @Test
    void nobodyPaysWhileOneSideIsEmpty() {
        assertEquals(0, README_STATIC.next(150_000, 0, 0, 0).factorPerSecondWad());
        GmxFunding.Rate adaptive = README_ADAPTIVE.next(150_000, 0, SAVED, 600);
        assertEquals(0, adaptive.factorPerSecondWad());
        assertEquals(SAVED, adaptive.nextSavedFactorPerSecondWad());
    }

    @Test
    void imbalanceAppliesTheExponentToUsdValues() {
        // Exponent 2 at cents: (100,000 USD)^2 / 200,000 USD = 50,000 "USD" whatever the decimals; times 1e-12 is
        // 5e-8 per second = 5e10 wad.
        GmxFunding squared = GmxFunding.staticFunding(1_000_000L, 2, 1_000_000_000_000_000_000L, 2);
        assertEquals(50_000_000_000L, squared.next(15_000_000, 5_000_000, 0, 0).factorPerSecondWad());
        assertEquals(500_000_000_000_000_000L, README_STATIC.imbalanceWad(150_000, 50_000));
    }

    @Test
    void adaptiveRateGrowsAboveTheStableThreshold() {
        // 6 % imbalance (530 / 470): +1e-6 x 0.06 x 600 = +0.0036 % = 3.6e13 wad.
        GmxFunding.Rate rate = README_ADAPTIVE.next(530, 470, SAVED, 600);
        assertEquals(SAVED + 36_000_000_000_000L, rate.nextSavedFactorPerSecondWad());
        assertEquals(SAVED + 36_000_000_000_000L, rate.factorPerSecondWad());
        assertTrue(rate.longsPay());
    }

    @Test
    void adaptiveRateHoldsBetweenTheThresholds() {
        // 4 % imbalance (520 / 480): between 3 % and 5 %.
        assertEquals(SAVED, README_ADAPTIVE.next(520, 480, SAVED, 600).nextSavedFactorPerSecondWad());
    }

    @Test
    void adaptiveRateDecaysBelowTheDecreaseThreshold() {
        // 2 % imbalance (510 / 490): -2e-8 x 600 = -0.0012 % = -1.2e13 wad.
        assertEquals(SAVED - 12_000_000_000_000L, README_ADAPTIVE.next(510, 490, SAVED, 600)
                .nextSavedFactorPerSecondWad());
    }

    @Test
    void adaptiveRateMovesTowardTheNewHeavySideWhenTheSkewFlips() {
        // Shorts now heavier by 1 % (495 / 505): 1e-6 x 0.01 x 600 = 0.0006 % = 6e12 wad toward shorts.
        GmxFunding.Rate rate = README_ADAPTIVE.next(495, 505, SAVED, 600);
        assertEquals(SAVED - 6_000_000_000_000L, rate.nextSavedFactorPerSecondWad());
        assertTrue(rate.longsPay());
    }

    @Test
    void adaptiveRateFromZeroStartsOnTheHeavySide() {
        // Shorts heavier by 6 % (470 / 530): r = -3.6e13, shorts pay 0.0036 %.
        GmxFunding.Rate rate = README_ADAPTIVE.next(470, 530, 0, 600);
        assertEquals(-36_000_000_000_000L, rate.nextSavedFactorPerSecondWad());
        assertFalse(rate.longsPay());
    }

    @Test
    void decayStopsAtOneWadUnitWithoutChangingSign() {
        // |r| = 1e12 <= 1.2e13 of decay: r becomes +1, then -1 for a negative r.
        assertEquals(1, README_ADAPTIVE.next(510, 490, 1_000_000_000_000L, 600).nextSavedFactorPerSecondWad());
        assertEquals(-1, README_ADAPTIVE.next(490, 510, -1_000_000_000_000L, 600).nextSavedFactorPerSecondWad());
    }

    @Test
    void savedRateIsBoundedByTheMaximum() {
        // 9.9e14 + 3.6e13 = 1.026e15 > max 1e15.
        GmxFunding.Rate rate = README_ADAPTIVE.next(530, 470, 990_000_000_000_000L, 600);
        assertEquals(1_000_000_000_000_000L, rate.nextSavedFactorPerSecondWad());
        assertEquals(1_000_000_000_000_000L, rate.factorPerSecondWad());
    }

    @Test
    void chargedRateIsRaisedToTheMinimumButTheSavedRateIsNot() {
        GmxFunding withMin = GmxFunding.adaptiveFunding(1, 1_000_000_000_000L, 20_000_000_000L, 50_000, 30_000,
                50_000_000_000_000L, 1_000_000_000_000_000L, 0);
        GmxFunding.Rate rate = withMin.next(520, 480, 1, 600);
        assertEquals(1, rate.nextSavedFactorPerSecondWad());
        assertEquals(50_000_000_000_000L, rate.factorPerSecondWad());
    }

    @Test
    void ethConfigReachesTheMaximumAfterFifteenHoursAtTwentyPercentImbalance() {
        // max = 75 %/yr, taken as 23,782,334,400 wad/s (= 10,800 x 2,202,068, 75 %/yr = 23,782,343,987.8 rounded down
        // to a multiple of 3 h); increase = max / 10,800 s = 2,202,068. At 20 % (600 / 400):
        // 0.2 x 2,202,068 x 54,000 s (15 h) = 23,782,334,400 = max; one second earlier it is 440,413.6 short.
        GmxFunding eth = GmxFunding.adaptiveFunding(1, 2_202_068L, 0, 40_000, 0, 0, 23_782_334_400L, 0);
        assertEquals(23_782_334_400L, eth.next(600, 400, 0, 54_000).factorPerSecondWad());
        assertEquals(23_781_893_986L, eth.next(600, 400, 0, 53_999).factorPerSecondWad());
    }

    @Test
    void ethConfigReachesTheMaximumAfterThreeHoursAtFullImbalance() {
        // Full imbalance needs an empty side, where GMX skips funding, so take 999,999 / 1 (99.9998 %):
        // 0.999998 x 2,202,068 x 10,800 = 23,782,286,835.3 -> just below max; at 10,801 s it exceeds max and is capped.
        GmxFunding eth = GmxFunding.adaptiveFunding(1, 2_202_068L, 0, 40_000, 0, 0, 23_782_334_400L, 0);
        assertEquals(23_782_286_835L, eth.next(999_999, 1, 0, 10_800).factorPerSecondWad());
        assertEquals(23_782_334_400L, eth.next(999_999, 1, 0, 10_801).factorPerSecondWad());
    }

    @Test
    void invalidConfigurationFailsNamingTheValue() {
        IllegalArgumentException min = assertThrows(IllegalArgumentException.class,
                () -> GmxFunding.adaptiveFunding(1, 1, 1, 50_000, 30_000, 10, 5, 0));
        assertTrue(min.getMessage().contains("minFactorPerSecondWad"), min.getMessage());
        IllegalArgumentException thresholds = assertThrows(IllegalArgumentException.class,
                () -> GmxFunding.adaptiveFunding(1, 1, 1, 30_000, 50_000, 0, 5, 0));
        assertTrue(thresholds.getMessage().contains("thresholdForDecreaseFundingPpm"), thresholds.getMessage());
        IllegalArgumentException increase = assertThrows(IllegalArgumentException.class,
                () -> GmxFunding.adaptiveFunding(1, 0, 1, 50_000, 30_000, 0, 5, 0));
        assertTrue(increase.getMessage().contains("increaseFactorPerSecondWad"), increase.getMessage());
    }
}
