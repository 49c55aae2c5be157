package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.DeleveragingCandidate;
import io.fulcrum.api.spi.DeleveragingRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-deleveraging orders (MECHANISMS.md §1.5 Hyperliquid, §5.3 BitMEX and Binance, §2.4 dYdX).
 * Hyperliquid and BitMEX amounts are whole USDC (the scores are ratios, so the scale does not
 * matter); Binance amounts are USDC units at 6 decimals, since its "1" is one whole USDC.
 */
class AdlRankingsTest {
    private static final MarketId BTC = MarketId.of("BTC-PERP");
    private static final long USD = 1_000_000L;

    /** §1.5 A: 2 BTC entered at 100,000, mark 110,000, account value 20,000: 1.1 × 11 = 12.1. */
    private static final DeleveragingCandidate HL_A = longPosition(1, 2, 100_000, 110_000, 20_000);
    /** §1.5 B: 1 BTC entered at 90,000, mark 110,000, account value 50,000: 1.2222 × 2.2 = 2.6889. */
    private static final DeleveragingCandidate HL_B = longPosition(2, 1, 90_000, 110_000, 50_000);

    /** §5.3 BitMEX: long 1 BTC entered at 50,000, mark 55,000, bankrupt at 45,000 (distance 10,000). */
    private static final DeleveragingCandidate BITMEX_EXAMPLE = longPosition(3, 1, 50_000, 55_000, 10_000);

    /** §5.3 Binance: uPnL 40.2, WB 4.27, MM 0.1342 × 44.47 = 5.967874 (margin ratio 13.42 % exactly). */
    private static final DeleveragingCandidate BINANCE_EXAMPLE = binance(4, 40_200_000, 4_270_000, 5_967_874);

    // ---- Hyperliquid (§1.5) ----

    @Test
    void hyperliquidDeleveragesTheWorkedExampleAFirst() {
        assertEquals(List.of(HL_A, HL_B), AdlRankings.hyperliquid().order(List.of(HL_B, HL_A), 0));
    }

    @Test
    void hyperliquidScoresTheWorkedExampleInPpm() {
        // A: 220,000² / (200,000 × 20,000) = 48.4e9 / 4e9 = 12.1.
        assertEquals(12_100_000, AdlRankings.hyperliquidScorePpm(HL_A));
        // B: 110,000² / (90,000 × 50,000) = 12.1e9 / 4.5e9 = 2.688888… -> 2,688,888.9 ppm rounds to 2,688,889.
        assertEquals(2_688_889, AdlRankings.hyperliquidScorePpm(HL_B));
    }

    @Test
    void hyperliquidRanksAProfitableShortByEntryOverMark() {
        // Both short 1 BTC at mark 100,000.
        // S1 entered at 110,000 (profit 10,000), account value 20,000: (110/100) × (100,000/20,000) = 1.1 × 5 = 5.5.
        // S2 entered at 90,000 (loss 10,000), account value 19,000: 0.9 × 100/19 = 90/19 = 4.7368...
        // With mark / entry instead, S1 = (100/110) × 5 = 4.545 and S2 = (100/90) × 100/19 = 5.848: S2 would lead.
        DeleveragingCandidate s1 = shortPosition(5, 1, 110_000, 100_000, 20_000);
        DeleveragingCandidate s2 = shortPosition(6, 1, 90_000, 100_000, 19_000);
        assertEquals(List.of(s1, s2), AdlRankings.hyperliquid().order(List.of(s2, s1), 0));
        assertEquals(5_500_000, AdlRankings.hyperliquidScorePpm(s1));
        assertEquals(4_736_842, AdlRankings.hyperliquidScorePpm(s2)); // 4,736,842.105
    }

    @Test
    void hyperliquidPutsNonPositiveAccountValuesLastInTheirGivenOrder() {
        // Z0 and Zneg would score far above A (and Zneg negative) if their account values were used.
        DeleveragingCandidate z0 = longPosition(7, 10, 50_000, 110_000, 0);
        DeleveragingCandidate zNeg = longPosition(8, 10, 50_000, 110_000, -5);
        assertEquals(List.of(HL_A, HL_B, z0, zNeg),
                AdlRankings.hyperliquid().order(List.of(z0, HL_B, zNeg, HL_A), 0));
    }

    @Test
    void hyperliquidScorePpmRejectsANonPositiveAccountValue() {
        DeleveragingCandidate z0 = longPosition(7, 10, 50_000, 110_000, 0);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AdlRankings.hyperliquidScorePpm(z0));
        assertEquals("account 7/0 in BTC-PERP has no score: its account value 0 is not positive (it ranks last)",
                e.getMessage());
    }

    @Test
    void equalScoresKeepTheirGivenOrder() {
        // X: 1 BTC 100,000 -> 110,000, account value 10,000: 1.1 × 11 = 12.1, equal to A by different numbers.
        DeleveragingCandidate x = longPosition(9, 1, 100_000, 110_000, 10_000);
        assertEquals(List.of(x, HL_A, HL_B), AdlRankings.hyperliquid().order(List.of(x, HL_B, HL_A), 0));
        assertEquals(List.of(HL_A, x, HL_B), AdlRankings.hyperliquid().order(List.of(HL_A, HL_B, x), 0));
    }

    @Test
    void scoresAreComparedExactlyWhereDoublesTie() {
        // Shorts score entryNotional / accountValue: (2^56 + 1) / 2^56 against exactly 1. A double has a 53-bit
        // mantissa, so 2^56 + 1 (and any product of it with a power of two) rounds to 2^56: in doubles both
        // would be 1.0 and the stable sort would keep B first.
        long big = 1L << 56;
        DeleveragingCandidate a = new DeleveragingCandidate(AccountId.main(10), BTC, -1, big + 1, big, big, 1, big,
                big, 0);
        DeleveragingCandidate b = new DeleveragingCandidate(AccountId.main(11), BTC, -1, big, big, big, 0, big, big,
                0);
        assertEquals((double) (big + 1) / big, (double) big / big); // the premise: doubles cannot tell them apart
        assertEquals(List.of(a, b), AdlRankings.hyperliquid().order(List.of(b, a), 0));
    }

    @Test
    void scorePpmRoundsHalfToEven() {
        // A short of notional 1 scores entryNotional / accountValue: 1, 3, 5 over 2,000,000 are 0.5, 1.5, 2.5 ppm.
        assertEquals(0, AdlRankings.hyperliquidScorePpm(shortOfScore(1, 2_000_000)));
        assertEquals(2, AdlRankings.hyperliquidScorePpm(shortOfScore(3, 2_000_000)));
        assertEquals(2, AdlRankings.hyperliquidScorePpm(shortOfScore(5, 2_000_000)));
    }

    // ---- BitMEX (§5.3) ----

    @Test
    void bitmexScoresTheWorkedExampleAtPointFiveFive() {
        // PnL% = 5,000 / 50,000 = 0.1; EffLev = 55,000 / (55,000 - 45,000) = 5.5; 0.1 × 5.5 = 0.55.
        assertEquals(550_000, AdlRankings.bitmexScorePpm(BITMEX_EXAMPLE));
    }

    @Test
    void bitmexDeleveragesTheHigherScoreFirst() {
        // 1 BTC 54,000 -> 55,000, account value 11,000: (1,000 / 54,000) × 5 = 0.0925925... -> 92,593 ppm.
        DeleveragingCandidate lower = longPosition(12, 1, 54_000, 55_000, 11_000);
        assertEquals(92_593, AdlRankings.bitmexScorePpm(lower));
        assertEquals(List.of(BITMEX_EXAMPLE, lower), AdlRankings.bitmex().order(List.of(lower, BITMEX_EXAMPLE), 0));
    }

    @Test
    void bitmexDividesALossByTheLeverage() {
        // L1: 50,000 -> 45,000, account value 4,500: PnL% -0.1, EffLev 10 -> -0.1 / 10 = -0.01.
        // L2: 50,000 -> 47,500, account value 23,750: PnL% -0.05, EffLev 2 -> -0.05 / 2 = -0.025.
        // Multiplying instead would give -1 and -0.1 and put L2 first.
        DeleveragingCandidate l1 = longPosition(13, 1, 50_000, 45_000, 4_500);
        DeleveragingCandidate l2 = longPosition(14, 1, 50_000, 47_500, 23_750);
        assertEquals(-10_000, AdlRankings.bitmexScorePpm(l1));
        assertEquals(-25_000, AdlRankings.bitmexScorePpm(l2));
        assertEquals(List.of(l1, l2), AdlRankings.bitmex().order(List.of(l2, l1), 0));
    }

    @Test
    void bitmexPutsNonPositiveAccountValuesLast() {
        // A loss still ranks above a candidate without a positive account value.
        DeleveragingCandidate l1 = longPosition(13, 1, 50_000, 45_000, 4_500);
        DeleveragingCandidate z0 = longPosition(15, 1, 50_000, 55_000, 0);
        assertEquals(List.of(BITMEX_EXAMPLE, l1, z0), AdlRankings.bitmex().order(List.of(z0, l1, BITMEX_EXAMPLE), 0));
        assertThrows(IllegalArgumentException.class, () -> AdlRankings.bitmexScorePpm(z0));
    }

    @Test
    void negativeScoresRoundHalfToEvenOnTheirMagnitude() {
        // Long 1 BTC 4,000,000 -> 2,000,000 (PnL -2,000,000): score = -0.5 / (2,000,000 / av) = -av / 4,000,000,
        // i.e. -av / 4 ppm: av 10 -> -2.5 -> -2; av 6 -> -1.5 -> -2 (floor would give -3, ceiling -1).
        assertEquals(-2, AdlRankings.bitmexScorePpm(longPosition(16, 1, 4_000_000, 2_000_000, 10)));
        assertEquals(-2, AdlRankings.bitmexScorePpm(longPosition(16, 1, 4_000_000, 2_000_000, 6)));
    }

    // ---- Binance (§5.3) ----

    @Test
    void binanceScoresTheWorkedExample() {
        // (40.2 / 4.27) × (5.967874 / 44.47) = 9.41452 × 0.1342 = 5.39484 / 4.27 = 1.263 + 3/7000 = 1.2634285714...
        // -> 1,263,428.57 ppm -> 1,263,429 (§5.3 rounds it to 1.2634).
        assertEquals(1_263_429, AdlRankings.binanceScorePpm(BINANCE_EXAMPLE, 6));
    }

    @Test
    void binanceDeleveragesTheHigherScoreFirst() {
        // uPnL 100, WB 1,000, MM 50: 0.1 × 50 / 1,100 = 0.0045454... -> 4,545 ppm.
        DeleveragingCandidate lower = binance(17, 100 * USD, 1_000 * USD, 50 * USD);
        assertEquals(4_545, AdlRankings.binanceScorePpm(lower, 6));
        assertEquals(List.of(BINANCE_EXAMPLE, lower),
                AdlRankings.binance(6).order(List.of(lower, BINANCE_EXAMPLE), 0));
    }

    @Test
    void binanceFloorsTheWalletAtOneWholeSettlementUnit() {
        // P: uPnL 2, WB 0.5, MM 0.25: margin ratio 0.25 / 2.5 = 0.1; PnlPercent 2 / max(1, 0.5) = 2 -> 0.2.
        // Q: uPnL 3, WB 1, MM 0.4: margin ratio 0.4 / 4 = 0.1; PnlPercent 3 / 1 = 3 -> 0.3.
        DeleveragingCandidate p = binance(18, 2 * USD, USD / 2, USD / 4);
        DeleveragingCandidate q = binance(19, 3 * USD, USD, 400_000);
        assertEquals(200_000, AdlRankings.binanceScorePpm(p, 6));
        assertEquals(300_000, AdlRankings.binanceScorePpm(q, 6));
        assertEquals(List.of(q, p), AdlRankings.binance(6).order(List.of(p, q), 0));
        // Were "1" one smallest unit (decimals 0), P's PnlPercent would be 2,000,000 / 500,000 = 4 -> 0.4 > Q.
        assertEquals(400_000, AdlRankings.binanceScorePpm(p, 0));
        assertEquals(List.of(p, q), AdlRankings.binance(0).order(List.of(p, q), 0));
    }

    @Test
    void binanceMarginRatioIsZeroWithoutPositiveEquity() {
        // WB -5, uPnL 3, MM 1: WB + uPnL = -2 <= 0 -> margin ratio 0 -> score 0 (not 3 / 1 × 1 / -2 = -1.5).
        DeleveragingCandidate broke = binance(20, 3 * USD, -5 * USD, USD);
        assertEquals(0, AdlRankings.binanceScorePpm(broke, 6));
        // uPnL 1, WB 1, MM 1: PnlPercent 1 / 1 = 1, margin ratio 1 / 2 -> 0.5 > 0.
        DeleveragingCandidate healthy = binance(21, USD, USD, USD);
        assertEquals(500_000, AdlRankings.binanceScorePpm(healthy, 6));
        assertEquals(List.of(healthy, broke), AdlRankings.binance(6).order(List.of(broke, healthy), 0));
    }

    @Test
    void binanceRejectsSettlementDecimalsOutsideZeroToEighteen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdlRankings.binance(19));
        assertEquals("settlement decimals must be in [0, 18]: 19", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdlRankings.binance(-1));
        assertThrows(IllegalArgumentException.class, () -> AdlRankings.binanceScorePpm(BINANCE_EXAMPLE, 19));
    }

    // ---- dYdX (§2.4) ----

    @Test
    void dydxStartsAtTheSeedModuloTheCountAndWraps() {
        List<DeleveragingCandidate> c = fiveCandidates();
        // floorMod(7, 5) = 2.
        assertEquals(List.of(c.get(2), c.get(3), c.get(4), c.get(0), c.get(1)), AdlRankings.dydx().order(c, 7));
    }

    @Test
    void dydxTakesANegativeSeedModuloTheCount() {
        List<DeleveragingCandidate> c = fiveCandidates();
        List<DeleveragingCandidate> fromTwo = List.of(c.get(2), c.get(3), c.get(4), c.get(0), c.get(1));
        // floorMod(-3, 5) = 2 (-3 % 5 would be -3); Long.MIN_VALUE = -2^63 and 2^63 = 8 × 16^15 ≡ 8 ≡ 3 (mod 5), so 2.
        assertEquals(fromTwo, AdlRankings.dydx().order(c, -3));
        assertEquals(fromTwo, AdlRankings.dydx().order(c, Long.MIN_VALUE));
    }

    @Test
    void dydxOrdersAnEmptyListAsEmpty() {
        assertEquals(List.of(), AdlRankings.dydx().order(List.of(), 7));
    }

    // ---- every ranking ----

    @Test
    void everyRankingReturnsANewUnmodifiableListAndLeavesItsInputAlone() {
        for (DeleveragingRanking ranking : allRankings()) {
            List<DeleveragingCandidate> input = new ArrayList<>(List.of(HL_B, HL_A, BINANCE_EXAMPLE));
            List<DeleveragingCandidate> before = List.copyOf(input);
            List<DeleveragingCandidate> out = ranking.order(input, 0);
            assertEquals(before, input, ranking + " changed its input");
            assertNotSame(input, out, ranking.toString());
            assertThrows(UnsupportedOperationException.class, () -> out.add(HL_A), ranking.toString());
            assertThrows(UnsupportedOperationException.class, () -> out.set(0, HL_A), ranking.toString());
        }
    }

    @Test
    void everyRankingRejectsANullListOrElementNamingIt() {
        for (DeleveragingRanking ranking : allRankings()) {
            NullPointerException list = assertThrows(NullPointerException.class, () -> ranking.order(null, 0));
            assertEquals("candidates", list.getMessage(), ranking.toString());
            NullPointerException element = assertThrows(NullPointerException.class,
                    () -> ranking.order(Arrays.asList(HL_A, null, HL_B), 0));
            assertEquals("candidates[1] is null", element.getMessage(), ranking.toString());
        }
    }

    @Test
    void scorePpmRejectsANullCandidate() {
        assertThrows(NullPointerException.class, () -> AdlRankings.hyperliquidScorePpm(null));
        assertThrows(NullPointerException.class, () -> AdlRankings.bitmexScorePpm(null));
        assertThrows(NullPointerException.class, () -> AdlRankings.binanceScorePpm(null, 6));
    }

    // ---- helpers ----

    private static List<DeleveragingRanking> allRankings() {
        return List.of(AdlRankings.hyperliquid(), AdlRankings.bitmex(), AdlRankings.binance(6), AdlRankings.dydx());
    }

    /** A long of {@code size} BTC: notionals are size × price, PnL their difference, wallet = account value. */
    private static DeleveragingCandidate longPosition(long owner, long size, long entry, long mark,
            long accountValue) {
        return new DeleveragingCandidate(AccountId.main(owner), BTC, size, size * entry, mark, size * mark,
                size * (mark - entry), accountValue, accountValue, 0);
    }

    /** A short of {@code size} BTC (a positive count). */
    private static DeleveragingCandidate shortPosition(long owner, long size, long entry, long mark,
            long accountValue) {
        return new DeleveragingCandidate(AccountId.main(owner), BTC, -size, size * entry, mark, size * mark,
                size * (entry - mark), accountValue, accountValue, 0);
    }

    /** A short of notional 1 whose Hyperliquid score is {@code entryNotional / accountValue}. */
    private static DeleveragingCandidate shortOfScore(long entryNotional, long accountValue) {
        return new DeleveragingCandidate(AccountId.main(22), BTC, -1, entryNotional, 1, 1, entryNotional - 1,
                accountValue, accountValue, 0);
    }

    /**
     * A Binance candidate in USDC units; only uPnL, WB and MM enter its score (notionals are placeholders:
     * 1 BTC at 50,000 USDC).
     */
    private static DeleveragingCandidate binance(long owner, long unrealizedPnl, long walletBalance,
            long maintenance) {
        return new DeleveragingCandidate(AccountId.main(owner), BTC, 1, 50_000 * USD, 50_000 * USD, 50_000 * USD,
                unrealizedPnl, walletBalance + unrealizedPnl, walletBalance, maintenance);
    }

    private static List<DeleveragingCandidate> fiveCandidates() {
        List<DeleveragingCandidate> c = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            c.add(longPosition(30 + i, 1, 50_000, 55_000, 10_000));
        }
        return List.copyOf(c);
    }
}
