package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Drift's loss waterfall and socialised loss (MECHANISMS.md §9). Money in USDC units. */
class SocialisedLossTest {
    @Test
    void insuranceThenFeePoolThenEveryPosition() {
        // §9: loss 1,000, fund 600, fee pool 100 -> 600 / 100 / 300; 300 over 600 + 400 = 1,000 units
        // = 0.3 USDC per unit = 300,000 units = 300,000,000,000,000 index units.
        SocialisedLoss split = SocialisedLoss.resolve(1_000 * USD, 600 * USD, 100 * USD, 600, -400);
        assertEquals(new SocialisedLoss(600 * USD, 100 * USD, 300 * USD, 300_000_000_000_000L), split);
    }

    @Test
    void longsAndShortsAreChargedByTheirSize() {
        // 0.3 x 600 = 180 USDC for the longs, 0.3 x 400 = 120 for the shorts: 300 in all.
        SocialisedLoss split = SocialisedLoss.resolve(1_000 * USD, 600 * USD, 100 * USD, 600, 400);
        assertEquals(180 * USD, split.charge(600));
        assertEquals(120 * USD, split.charge(-400));
    }

    @Test
    void aLossTheInsuranceFundCoversIsNotSocialised() {
        SocialisedLoss split = SocialisedLoss.resolve(500 * USD, 600 * USD, 100 * USD, 600, 400);
        assertEquals(new SocialisedLoss(500 * USD, 0, 0, 0), split);
        // Fund 300, pool 100: 300 / 100 / 100 socialised.
        assertEquals(new SocialisedLoss(300 * USD, 100 * USD, 100 * USD, 100_000_000_000_000L),
                SocialisedLoss.resolve(500 * USD, 300 * USD, 100 * USD, 600, 400));
    }

    @Test
    void perUnitRoundsUpSoThePositionsCoverTheLoss() {
        // 10 units over 3 size units: 3.333... -> 3,333,333,334 index units each;
        // each charge ceil(3.333333334) = 4: 12 >= 10.
        SocialisedLoss split = SocialisedLoss.resolve(10, 0, 0, 2, 1);
        assertEquals(3_333_333_334L, split.perUnit());
        assertEquals(4, split.charge(1));
        assertTrue(split.charge(2) + split.charge(1) >= split.socialised());
        assertEquals(7, split.charge(2));
    }

    @Test
    void withNoOpenInterestNothingIsSpread() {
        assertEquals(new SocialisedLoss(0, 0, 10, 0), SocialisedLoss.resolve(10, 0, 0, 0, 0));
    }

    @Test
    void rejectsNegativeAmounts() {
        assertEquals("loss and available funds must be non-negative: loss -1, insurance 0, fee pool 0", assertThrows(
                IllegalArgumentException.class, () -> SocialisedLoss.resolve(-1, 0, 0, 1, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SocialisedLoss(0, 0, -1, 0));
    }
}
