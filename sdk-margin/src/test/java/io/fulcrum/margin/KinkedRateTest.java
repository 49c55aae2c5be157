package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Kinked utilisation borrow rates (MECHANISMS.md §3.3). Rates are ppb per year. */
class KinkedRateTest {
    /** GMX's ETH kink: optimal 85 %, base 45 %/yr, above-optimal 90 %/yr. */
    private static final KinkedRate GMX_ETH = KinkedRate.gmx(850_000_000, 450_000_000, 900_000_000);

    @Test
    void gmxKinkIsTheThreePointCurve() {
        // rateAtOptimal = 45 % x 85 % = 38.25 %.
        assertEquals(new KinkedRate(850_000_000, 0, 382_500_000, 900_000_000), GMX_ETH);
    }

    @Test
    void halfUsedCostsTwentyTwoAndAHalfPercent() {
        // 0.45 x 0.50 = 22.5 %.
        assertEquals(225_000_000, GMX_ETH.ratePpb(500_000_000));
    }

    @Test
    void ninetyFivePercentUsedCostsSeventyTwoPointSevenFivePercent() {
        // 0.45 x 0.95 + 0.45 x 0.10 / 0.15 = 0.4275 + 0.30 = 72.75 %.
        assertEquals(727_500_000, GMX_ETH.ratePpb(950_000_000));
    }

    @Test
    void fullyUsedCostsTheAboveOptimalRate() {
        assertEquals(900_000_000, GMX_ETH.ratePpb(1_000_000_000));
    }

    @Test
    void theKinkAndZeroAreOnTheCurve() {
        assertEquals(382_500_000, GMX_ETH.ratePpb(850_000_000));
        assertEquals(0, GMX_ETH.ratePpb(0));
    }

    @Test
    void beyondFullUseTheUpperLineContinues() {
        // GMX's formula at 115 %: 0.45 x 1.15 + 0.45 x 0.30 / 0.15 = 0.5175 + 0.90 = 141.75 %.
        assertEquals(1_417_500_000, GMX_ETH.ratePpb(1_150_000_000));
    }

    @Test
    void twoSlopeFormAddsItsSlopesPerUnitOfUtilisation() {
        // Optimal 80 %, base 2 %, slope1 5 %, slope2 100 %: kink 2 + 5 x 0.8 = 6 %, full 6 + 100 x 0.2 = 26 %;
        // at 40 %: 2 + 5 x 0.4 = 4 %; at 90 %: 6 + 100 x 0.1 = 16 %.
        KinkedRate jump = KinkedRate.twoSlope(800_000_000, 20_000_000, 50_000_000, 1_000_000_000);
        assertEquals(new KinkedRate(800_000_000, 20_000_000, 60_000_000, 260_000_000), jump);
        assertEquals(40_000_000, jump.ratePpb(400_000_000));
        assertEquals(160_000_000, jump.ratePpb(900_000_000));
    }

    @Test
    void rateRoundsDown() {
        // Rates 0 / 1 / 1 with the kink at 30 %: at 10 %, 1 x 0.1 / 0.3 = 0.33 -> 0; at 20 %: 0.67 -> 0.
        KinkedRate tiny = new KinkedRate(300_000_000, 0, 1, 1);
        assertEquals(0, tiny.ratePpb(100_000_000));
        assertEquals(0, tiny.ratePpb(200_000_000));
        assertEquals(1, tiny.ratePpb(300_000_000));
    }

    @Test
    void utilisationIsUsedOverAvailableRoundedDown() {
        // 80 / 160 = 50 %; 1 / 3 = 33.33...% -> 333,333,333; nothing used of nothing is 0.
        assertEquals(500_000_000, KinkedRate.utilisationPpb(80, 160));
        assertEquals(333_333_333, KinkedRate.utilisationPpb(1, 3));
        assertEquals(0, KinkedRate.utilisationPpb(0, 0));
    }

    @Test
    void interestForADayAtTenPercentIsRoundedUp() {
        // 100,000 USDC x 10 % / 365 = 27.39726027... USDC -> 27,397,261 units.
        assertEquals(27_397_261, KinkedRate.interest(100_000_000_000L, 100_000_000, 86_400_000));
        assertEquals(0, KinkedRate.interest(100_000_000_000L, 100_000_000, 0));
    }

    @Test
    void rejectsInvalidCurves() {
        assertEquals("optimalUtilisationPpb must be in (0, 1,000,000,000): 1000000000", assertThrows(
                IllegalArgumentException.class, () -> new KinkedRate(1_000_000_000, 0, 1, 2)).getMessage());
        assertEquals("rates must not fall as utilisation rises: 0, 5, 4", assertThrows(IllegalArgumentException.class,
                () -> new KinkedRate(500_000_000, 0, 5, 4)).getMessage());
        assertEquals("rateAtZeroPpb must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> new KinkedRate(500_000_000, -1, 5, 6)).getMessage());
        assertEquals("need 0 <= baseRatePpb <= aboveOptimalRatePpb: 5, 4", assertThrows(IllegalArgumentException.class,
                () -> KinkedRate.gmx(500_000_000, 5, 4)).getMessage());
        assertEquals("slopes must be non-negative: -1, 0", assertThrows(IllegalArgumentException.class,
                () -> KinkedRate.twoSlope(500_000_000, 0, -1, 0)).getMessage());
        assertEquals("utilisationPpb must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> GMX_ETH.ratePpb(-1)).getMessage());
        assertEquals("nothing available but 1 used", assertThrows(IllegalArgumentException.class,
                () -> KinkedRate.utilisationPpb(1, 0)).getMessage());
    }
}
