package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The size that restores an account to maintenance × (1 + buffer). The standard account: equity
 * 4,000, maintenance 5,000, 1 BTC (10,000 size units) of notional 100,000 at 5 %.
 */
class PartialLiquidationSizeTest {
    private static final PartialLiquidationSize TEN_PERCENT_BUFFER = new PartialLiquidationSize(100_000, 0);
    private static final long N = 100_000 * USD;
    private static final long MMR = 50_000;

    @Test
    void withoutPenaltyThreeEleventhsOfThePositionCloses() {
        // f = (1.1 × 5,000 − 4,000) / (1.1 × 5 % × 100,000) = 1,500 / 5,500 = 3/11; × 10,000 = 2,727.27 → 2,728.
        // Check: 27,280 closed → M' = 5,000 − 1,364 = 3,636, × 1.1 = 3,999.6 ≤ 4,000; 2,727 would give 4,000.15.
        assertEquals(2_728, TEN_PERCENT_BUFFER.sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void aShortClosesTheSameSize() {
        assertEquals(2_728, TEN_PERCENT_BUFFER.sizeToClose(4_000 * USD, 5_000 * USD, -ONE_BTC, N, MMR, 1));
    }

    @Test
    void theSizeRoundsUpToTheLot() {
        // 2,727.27 with lots of 100 → 2,800.
        assertEquals(2_800, TEN_PERCENT_BUFFER.sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 100));
    }

    @Test
    void withoutBufferAFifthRestoresMaintenanceExactly() {
        // b = 0: f = (5,000 − 4,000) / 5,000 = 0.2 → 2,000, no rounding; M' = 4,000 = E.
        assertEquals(2_000, new PartialLiquidationSize(0, 0)
                .sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void aPenaltyMakesMoreClose() {
        // p = 1 %: f = 1,500 / (5,500 − 1,000) = 1/3 → 3,333.33 → 3,334.
        // Check: 33,340 closed: E' = 4,000 − 333.4 = 3,666.6, M' = 3,333, × 1.1 = 3,666.3 ≤ 3,666.6.
        assertEquals(3_334, new PartialLiquidationSize(100_000, 10_000)
                .sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void otherPositionsMaintenanceMakesMoreOfThisOneClose() {
        // M 8,000 (3,000 from other positions): f = (8,800 − 4,000) / 5,500 = 48/55 → 8,727.27 → 8,728.
        // Check: 87,280 closed → M' = 8,000 − 4,364 = 3,636 → 3,999.6 ≤ 4,000.
        assertEquals(8_728, TEN_PERCENT_BUFFER.sizeToClose(4_000 * USD, 8_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void anAccountAlreadyAboveTheBufferedLineClosesNothing() {
        // 1.1 × 5,000 = 5,500: equity 5,500 or 6,000 needs nothing.
        assertEquals(0, TEN_PERCENT_BUFFER.sizeToClose(5_500 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
        assertEquals(0, TEN_PERCENT_BUFFER.sizeToClose(6_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void aPenaltyAtLeastTheBufferedRateClosesEverything() {
        // p = 5.5 % = 1.1 × 5 %: each unit closed frees no buffer; 6 % costs more than it frees.
        assertEquals(ONE_BTC, new PartialLiquidationSize(100_000, 55_000)
                .sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
        assertEquals(ONE_BTC, new PartialLiquidationSize(100_000, 60_000)
                .sizeToClose(4_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void aBankruptAccountNeedsMoreThanTheWholePositionAndClosesIt() {
        // Equity −1,000: f = (5,500 + 1,000) / 5,500 = 13/11 > 1 → the whole 10,000.
        assertEquals(ONE_BTC, TEN_PERCENT_BUFFER.sizeToClose(-1_000 * USD, 5_000 * USD, ONE_BTC, N, MMR, 1));
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PartialLiquidationSize(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PartialLiquidationSize(0, 1_000_001));
        assertThrows(IllegalArgumentException.class,
                () -> TEN_PERCENT_BUFFER.sizeToClose(4_000, 5_000, 0, N, MMR, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TEN_PERCENT_BUFFER.sizeToClose(4_000, 5_000, ONE_BTC, 0, MMR, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TEN_PERCENT_BUFFER.sizeToClose(4_000, -1, ONE_BTC, N, MMR, 1));
        assertThrows(IllegalArgumentException.class,
                () -> TEN_PERCENT_BUFFER.sizeToClose(4_000, 5_000, ONE_BTC, N, MMR, 0));
        assertThrows(IllegalArgumentException.class,
                () -> TEN_PERCENT_BUFFER.sizeToClose(4_000, 5_000, ONE_BTC, N, 1_000_001, 1));
    }

    /**
     * Checked by substitution rather than by the solved formula: closing the returned size restores
     * E' ≥ (1 + b)·M', and one lot less (or the largest whole-lot size below the position, when the
     * whole position is returned) does not.
     */
    @Test
    void theSizeIsTheSmallestWholeLotSizeThatRestoresTheBufferedLine() {
        long[] equities = {-2_000 * USD, 0, 3_999 * USD, 4_000 * USD, 5_000 * USD};
        long[] maintenances = {1, 5_000 * USD, 8_000 * USD};
        long[] sizes = {1, 7, ONE_BTC, -12_345};
        long[] notionals = {1, N, 123_456_789};
        long[] rates = {0, 5_000, 50_000, 1_000_000};
        long[] penalties = {0, 10_000, 60_000};
        long[] buffers = {0, 100_000};
        long[] lots = {1, 3, 100};
        int checked = 0;
        for (long e : equities) {
            for (long m : maintenances) {
                for (long s : sizes) {
                    for (long n : notionals) {
                        for (long rate : rates) {
                            for (long p : penalties) {
                                for (long b : buffers) {
                                    for (long lot : lots) {
                                        long size = new PartialLiquidationSize(b, p).sizeToClose(e, m, s, n, rate, lot);
                                        long whole = Math.abs(s);
                                        String at = "E " + e + " M " + m + " S " + s + " N " + n + " m " + rate
                                                + " p " + p + " b " + b + " lot " + lot + " -> " + size;
                                        if (size == whole) {
                                            long below = (whole - 1) / lot * lot;
                                            assertFalse(restores(e, m, whole, n, rate, p, b, below), at);
                                        } else {
                                            assertTrue(size >= 0 && size % lot == 0, at);
                                            assertTrue(restores(e, m, whole, n, rate, p, b, size), at);
                                            if (size > 0) {
                                                assertFalse(restores(e, m, whole, n, rate, p, b, size - lot), at);
                                            }
                                        }
                                        checked++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(5 * 3 * 4 * 3 * 4 * 3 * 2 * 3, checked);
    }

    /**
     * E − p·c ≥ (1 + b)(M − m·c) with closed notional c = N·closed/whole, all multiplied by
     * 1e12·whole to stay in integers.
     */
    private static boolean restores(long e, long m, long whole, long n, long rate, long p, long b, long closed) {
        BigInteger million = BigInteger.valueOf(1_000_000);
        BigInteger w = BigInteger.valueOf(whole);
        BigInteger closedNotional = BigInteger.valueOf(n).multiply(BigInteger.valueOf(closed)); // × whole
        BigInteger left = BigInteger.valueOf(e).multiply(million).multiply(million).multiply(w)
                .subtract(BigInteger.valueOf(p).multiply(million).multiply(closedNotional));
        BigInteger right = million.add(BigInteger.valueOf(b)).multiply(
                BigInteger.valueOf(m).multiply(million).multiply(w)
                        .subtract(BigInteger.valueOf(rate).multiply(closedNotional)));
        return left.compareTo(right) >= 0;
    }
}
