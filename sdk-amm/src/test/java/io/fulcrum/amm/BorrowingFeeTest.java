package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GMX v2 borrowing fee, curve and kink models (MECHANISMS.md §3.3). Rates in wad (1e-18). */
class BorrowingFeeTest {
    private static final long SECONDS_PER_YEAR = 31_536_000L;

    /** GMX default curve: 6.25e-9 per second (6,250,000,000 wad), exponent 1, whole dollars. */
    private static final BorrowingFee CURVE = new BorrowingFee.Curve(6_250_000_000L, 1, 0, false);

    /** ETH kink with per-year rates (linear, so per-year in gives per-year out): optimal 85 %, base 45 %, above 90 %. */
    private static final BorrowingFee.Kink KINK = new BorrowingFee.Kink(850_000, 450_000_000_000_000_000L,
            900_000_000_000_000_000L, 1_000_000, false);

    @Test
    void defaultCurveAtEightyPercentReservedCosts15Point768PercentAYear() {
        // 6.25e-9 x 0.8 = 5e-9 per second; x 31,536,000 = 0.15768 = 157,680,000,000,000,000 wad.
        long perSecond = CURVE.factorPerSecondWad(80_000, 100_000);
        assertEquals(5_000_000_000L, perSecond);
        assertEquals(157_680_000_000_000_000L, BorrowingFee.accruedFactorWad(perSecond, SECONDS_PER_YEAR));
        // A 100,000 USD position owes 15,768 USD for the year.
        assertEquals(15_768, BorrowingFee.feeUsd(100_000, 157_680_000_000_000_000L));
    }

    @Test
    void curveExponentAppliesToTheUsdValue() {
        // Exponent 2 at cents: 1e-13 x (80,000 USD)^2 / 100,000 USD = 1e-13 x 64,000 = 6.4e-9 per second.
        BorrowingFee squared = new BorrowingFee.Curve(100_000L, 2, 2, false);
        assertEquals(6_400_000_000L, squared.factorPerSecondWad(8_000_000, 10_000_000));
    }

    @Test
    void nothingReservedCostsNothingEvenWithAnEmptyPool() {
        assertEquals(0, CURVE.factorPerSecondWad(0, 0));
        assertEquals(0, KINK.factorPerSecondWad(0, 0));
    }

    @Test
    void kinkBelowOptimalIsTheBaseLine() {
        // 0.45 x 0.50 = 22.5 %.
        assertEquals(225_000_000_000_000_000L, KINK.factorPerSecondWad(50, 100));
    }

    @Test
    void kinkAboveOptimalAddsTheSteepSlope() {
        // 0.45 x 0.95 + (0.90 - 0.45) x 0.10 / 0.15 = 0.4275 + 0.30 = 72.75 %.
        assertEquals(727_500_000_000_000_000L, KINK.factorPerSecondWad(95, 100));
    }

    @Test
    void kinkAtFullUsageIsTheAboveOptimalRate() {
        // 0.45 + 0.45 x 0.15 / 0.15 = 90 %.
        assertEquals(900_000_000_000_000_000L, KINK.factorPerSecondWad(100, 100));
    }

    @Test
    void usageDividesByThePoolTimesTheOpenInterestReserveFactor() {
        // ETH factor 270 %: 270,000 / (200,000 x 2.7) = 50 % usage -> 22.5 %.
        BorrowingFee.Kink eth = new BorrowingFee.Kink(850_000, 450_000_000_000_000_000L, 900_000_000_000_000_000L,
                2_700_000, false);
        assertEquals(500_000_000_000_000_000L, eth.usageWad(270_000, 200_000));
        assertEquals(225_000_000_000_000_000L, eth.factorPerSecondWad(270_000, 200_000));
    }

    @Test
    void smallerSidePaysNothingWhenConfiguredAndTiesPay() {
        BorrowingFee skip = new BorrowingFee.Curve(6_250_000_000L, 1, 0, true);
        assertEquals(0, skip.factorPerSecondWad(true, 100, 200, 80_000, 100_000));
        assertEquals(5_000_000_000L, skip.factorPerSecondWad(false, 100, 200, 80_000, 100_000));
        assertEquals(5_000_000_000L, skip.factorPerSecondWad(true, 200, 200, 80_000, 100_000));
        assertEquals(5_000_000_000L, CURVE.factorPerSecondWad(true, 100, 200, 80_000, 100_000));
    }

    @Test
    void feeRoundsUp() {
        // 1 USD x 5e9 wad = 5e-9 USD -> 1.
        assertEquals(1, BorrowingFee.feeUsd(1, 5_000_000_000L));
    }

    @Test
    void invalidConfigurationAndInputsFailNamingTheValue() {
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
                () -> new BorrowingFee.Kink(850_000, 2, 1, 1_000_000, false));
        assertTrue(above.getMessage().contains("aboveOptimalFactorPerSecondWad"), above.getMessage());
        IllegalArgumentException optimal = assertThrows(IllegalArgumentException.class,
                () -> new BorrowingFee.Kink(1_000_000, 1, 2, 1_000_000, false));
        assertTrue(optimal.getMessage().contains("optimalUsagePpm"), optimal.getMessage());
        IllegalArgumentException pool = assertThrows(IllegalArgumentException.class,
                () -> CURVE.factorPerSecondWad(1, 0));
        assertTrue(pool.getMessage().contains("poolUsd"), pool.getMessage());
    }
}
