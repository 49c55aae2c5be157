package io.fulcrum.margin;

import static io.fulcrum.margin.InsuranceDraw.NO_CAP;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an insurance fund pays towards a shortfall (MECHANISMS.md §2.3, §2.4, §9); money in USDC units. */
class InsuranceDrawTest {
    private static final long DYDX_CAP = InsuranceDraw.dydxBlockCap(USDC);

    @Test
    void dydxsBlockCapIsOneMillionUsdc() {
        assertEquals(1_000_000 * USD, DYDX_CAP);
    }

    @Test
    void aSmallShortfallIsPaidInFull() {
        assertEquals(100 * USD, InsuranceDraw.amount(100 * USD, 10_000_000 * USD, NO_CAP, DYDX_CAP));
    }

    @Test
    void theFundPaysAtMostItsBalance() {
        assertEquals(40 * USD, InsuranceDraw.amount(100 * USD, 40 * USD, NO_CAP, DYDX_CAP));
    }

    @Test
    void dydxsPerBlockCapLimitsALargeShortfall() {
        // min(1,500,000, 10,000,000, none, 1,000,000) = 1,000,000.
        assertEquals(1_000_000 * USD, InsuranceDraw.amount(1_500_000 * USD, 10_000_000 * USD, NO_CAP, DYDX_CAP));
    }

    @Test
    void whatTheAccountAlreadyDrewThisBlockCountsAgainstTheCap() {
        // 1,000,000 − 700,000 = 300,000 left.
        long left = InsuranceDraw.remainingCap(DYDX_CAP, 700_000 * USD);
        assertEquals(300_000 * USD, left);
        assertEquals(300_000 * USD, InsuranceDraw.amount(1_500_000 * USD, 10_000_000 * USD, NO_CAP, left));
        // Over-drawn (1,200,000): nothing left, not −200,000.
        assertEquals(0, InsuranceDraw.remainingCap(DYDX_CAP, 1_200_000 * USD));
    }

    @Test
    void aPerAccountCapLimitsTheDraw() {
        // min(1,500,000, 10,000,000, 250,000, none) = 250,000.
        assertEquals(250_000 * USD, InsuranceDraw.amount(1_500_000 * USD, 10_000_000 * USD, 250_000 * USD, NO_CAP));
    }

    @Test
    void aDeltaIsValidOnlyIfTheFundStaysNonNegative() {
        // §2.4: balance + d ≥ 0. Balance 500: −500 → 0 (valid), −501 → −1 (invalid), +84 valid.
        assertTrue(InsuranceDraw.validDelta(500, -500));
        assertFalse(InsuranceDraw.validDelta(500, -501));
        assertTrue(InsuranceDraw.validDelta(500, 84));
        // No overflow at the extremes.
        assertTrue(InsuranceDraw.validDelta(Long.MAX_VALUE, Long.MAX_VALUE));
        assertFalse(InsuranceDraw.validDelta(0, Long.MIN_VALUE));
    }

    @Test
    void negativeInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.amount(-1, 10, NO_CAP, NO_CAP));
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.amount(1, -10, NO_CAP, NO_CAP));
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.amount(1, 10, -1, NO_CAP));
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.amount(1, 10, NO_CAP, -1));
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.validDelta(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> InsuranceDraw.remainingCap(1, -1));
    }
}
