package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Drift v2's mark-vs-oracle TWAP funding (MECHANISMS.md §7). Prices in cents. */
class DriftFundingTest {
    private static final DriftFunding TIER_B = DriftFunding.tierBOrBetter();

    @Test
    void markThirtyCentsAboveTheOracleGivesPointZeroOneThreeThreePercentAnHour() {
        // (0.30 + 100 / 5,000) / 24 = 0.32 / 24 = 0.013333 per unit; / 100 = 0.013333 % -> 133,333 ppb.
        assertEquals(133_333, TIER_B.hourlyRatePpb(10_030, 10_000));
    }

    @Test
    void markTenPercentAboveIsCappedAtOneThirtyThirdADay() {
        // 10.02 > 100 / 33 = 3.0303; 3.0303 / 24 / 100 = 0.126262 % -> 1,262,626 ppb.
        assertEquals(1_262_626, TIER_B.hourlyRatePpb(11_000, 10_000));
    }

    @Test
    void markTenPercentBelowIsCappedTheOtherWay() {
        // -10 + 0.02 = -9.98 < -3.0303 -> -1,262,626 ppb (toward zero).
        assertEquals(-1_262_626, TIER_B.hourlyRatePpb(9_000, 10_000));
    }

    @Test
    void aFlatBookStillPaysTheOffset() {
        // (0 + 100 / 5,000) / 24 / 100 = 1 / 120,000 = 0.00083333 % -> 8,333 ppb: longs pay about 7.3 % a year.
        assertEquals(8_333, TIER_B.hourlyRatePpb(10_000, 10_000));
    }

    @Test
    void lowerTiersHaveWiderCaps() {
        // 1/20/24 = 0.2083 % -> 2,083,333 ppb; 1/10/24 = 0.4167 % -> 4,166,666 ppb.
        assertEquals(2_083_333, DriftFunding.tierC().hourlyRatePpb(20_000, 10_000));
        assertEquals(4_166_666, DriftFunding.lowerTiers().hourlyRatePpb(20_000, 10_000));
        // Inside every cap the tier does not matter: 0.30 above -> 133,333.
        assertEquals(133_333, DriftFunding.lowerTiers().hourlyRatePpb(10_030, 10_000));
    }

    @Test
    void rejectsInvalidInput() {
        assertEquals("capDivisor must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> new DriftFunding(0)).getMessage());
        assertEquals("TWAPs must be positive: mark 0, oracle 100", assertThrows(IllegalArgumentException.class,
                () -> TIER_B.hourlyRatePpb(0, 100)).getMessage());
    }
}
