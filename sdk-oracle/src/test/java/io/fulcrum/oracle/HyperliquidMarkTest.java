package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.PriceObservation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperliquidMarkTest {
    static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4).priceDecimals(0).tickSize(1).lotSize(1)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();
    private static final long NONE = 0;   // MatchingEngine.NO_PRICE
    private static final long MAX_AGE = 10_000;

    /** Hyperliquid's external perp weights (MECHANISMS.md §1.2). */
    private static final HyperliquidMark RULE = HyperliquidMark.builder()
            .externalPerpFeed("binance", 3, MAX_AGE)
            .externalPerpFeed("okx", 2, MAX_AGE)
            .externalPerpFeed("bybit", 2, MAX_AGE)
            .externalPerpFeed("gate", 1, MAX_AGE)
            .externalPerpFeed("mexc", 1, MAX_AGE)
            .build();

    private final Map<String, PriceObservation> feeds = new HashMap<>();
    private final long[] state = new long[RULE.stateSize()];

    private void publish(String feed, long price, long time) {
        feeds.put(feed, new PriceObservation(feed, price, 0, time));
    }

    private long mark(long time, long index, long bid, long ask, long last) {
        MarkInputs inputs = new MarkInputs(MARKET, time, index, bid, ask, last, feeds::get, BookDepth.EMPTY);
        return RULE.markPrice(inputs, state);
    }

    @Test
    void theWorkedExampleOfMechanismsSection1_2() {
        // t = 1 s: a book with mid 10,020 over index 10,000 → the basis EMA's first sample is +20.
        mark(1_000, 10_000, 10_015, 10_025, 10_020);
        // Same millisecond, book changed: the basis sample −10 comes with t = 0, weight 0, so the
        // EMA stays +20 → input1 = 10,020.
        // input2 = median(10,005, 10,015, 10,030) = 10,015.
        // input3: sorted 9,990 (w1, cum 1), 10,008 (w2, cum 3), 10,010 (w3, cum 6); total 9,
        //         2·6 ≥ 9 → 10,010.
        // mark = median(10,020, 10,015, 10,010) = 10,015.
        publish("binance", 10_010, 1_000);
        publish("okx", 10_008, 1_000);
        publish("bybit", 10_012, 1_000);
        publish("gate", 10_020, 1_000);
        publish("mexc", 9_990, 1_000);
        assertEquals(10_015, mark(1_000, 10_000, 10_005, 10_015, 10_030));
    }

    @Test
    void withNoBookAndNoFeedsTheMarkIsTheIndex() {
        assertEquals(10_000, mark(0, 10_000, NONE, NONE, NONE));
    }

    @Test
    void theBasisSampleKeepsTheHalfUnitOfTheMidAndRoundsHalfToEven() {
        // Only input1 exists (no last trade, no feeds). Mid 10,020.5 → basis 20.5 → 20 → 10,020.
        assertEquals(10_020, mark(0, 10_000, 10_010, 10_031, NONE));
        // A fresh rule: mid 10,021.5 → basis 21.5 → 22 → 10,022.
        Arrays.fill(state, 0);
        assertEquals(10_022, mark(0, 10_000, 10_010, 10_033, NONE));
    }

    @Test
    void theBasisFollowsTheIndexWhenTheBookIsGone() {
        // Basis +20 from the book at t = 0; at t = 1 s the book is empty and the index is
        // 10,500: input1 = 10,500 + 20 = 10,520, the only input.
        mark(0, 10_000, 10_015, 10_025, NONE);
        assertEquals(10_520, mark(1_000, 10_500, NONE, NONE, NONE));
    }

    @Test
    void twoInputsGiveTheirMeanRoundedHalfToEven() {
        // No book: input1 = index 10,000. input3 = 10,011 → (10,000 + 10,011) / 2 = 10,005.5 → 10,006.
        publish("binance", 10_011, 0);
        assertEquals(10_006, mark(0, 10_000, NONE, NONE, NONE));
        // input3 = 10,013 → 10,006.5 → 10,006.
        publish("binance", 10_013, 0);
        assertEquals(10_006, mark(0, 10_000, NONE, NONE, NONE));
    }

    @Test
    void theBookEmaJoinsAsAThirdInputWhenTheBookMedianIsMissing() {
        // t = 0: bid 10,010, ask 10,030, last 10,040, index 10,000 → basis +20, book median
        // 10,030 (first sample of the book EMA). External 10,000.
        publish("binance", 10_000, 0);
        mark(0, 10_000, 10_010, 10_030, 10_040);
        // t = 1 s, the asks are gone: input1 = 10,020, input2 absent, input3 = 10,000, and the
        // book EMA (10,030) joins: median(10,020, 10,000, 10,030) = 10,020 — not the 10,010 mean.
        assertEquals(10_020, mark(1_000, 10_000, 10_010, NONE, 10_040));
    }

    @Test
    void theBookEmaJoinsAsAThirdInputWhenNoExternalFeedIsFresh() {
        // bid 10,010, ask 10,030, last 10,040 over index 10,000: input1 = 10,020, input2 = 10,030,
        // book EMA = 10,030 (its first sample) → median(10,020, 10,030, 10,030) = 10,030.
        assertEquals(10_030, mark(0, 10_000, 10_010, 10_030, 10_040));
    }

    @Test
    void aFeedExactlyMaxAgeOldCountsAndOneMillisecondOlderDoesNot() {
        // Index 10,000 alone with binance 10,100 published at 0: mean 10,050 while fresh.
        publish("binance", 10_100, 0);
        assertEquals(10_050, mark(MAX_AGE, 10_000, NONE, NONE, NONE));
        assertEquals(10_000, mark(MAX_AGE + 1, 10_000, NONE, NONE, NONE));
    }

    @Test
    void aNonPositiveExternalPriceIsIgnored() {
        publish("binance", 0, 0);
        publish("okx", 10_100, 0);
        // Only okx counts: (10,000 + 10,100) / 2 = 10,050.
        assertEquals(10_050, mark(0, 10_000, NONE, NONE, NONE));
    }

    @Test
    void theWeightsDecideTheExternalMedian() {
        // binance (w3) 10,100; gate (w1) 9,900; mexc (w1) 9,800. An unweighted median would be
        // 9,900; weighted: 9,800 (cum 1), 9,900 (cum 2), 10,100 (cum 5), total 5: 2·2 < 5,
        // 2·5 ≥ 5 → 10,100. Beside the index alone: (10,000 + 10,100) / 2 = 10,050.
        publish("binance", 10_100, 0);
        publish("gate", 9_900, 0);
        publish("mexc", 9_800, 0);
        assertEquals(10_050, mark(0, 10_000, NONE, NONE, NONE));
    }

    @Test
    void aBasisMoreNegativeThanTheIndexIsDropped() {
        // Basis 100 − 10,000 = −9,900; the index then falls to 5,000: 5,000 − 9,900 < 0, so
        // input1 is dropped and, with no other input, the mark is the index.
        mark(0, 10_000, 95, 105, NONE);
        assertEquals(5_000, mark(0, 5_000, NONE, NONE, NONE));
    }

    @Test
    void theStateHoldsTwoEmas() {
        assertEquals(2 * TimeDecayEma.STATE_SLOTS, RULE.stateSize());
    }

    @Test
    void aCommandTimeBeforeThePreviousCallIsRejected() {
        mark(5_000, 10_000, 10_010, 10_030, 10_020);
        assertThrows(IllegalArgumentException.class, () -> mark(4_999, 10_000, 10_010, 10_030, 10_020));
    }

    @Test
    void aNonPositiveIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mark(0, 0, NONE, NONE, NONE));
        assertEquals("BTC-PERP: the index price must be positive: 0", e.getMessage());
    }

    @Test
    void theBuilderRejectsBadFeeds() {
        assertEquals("external perp feed okx: the weight must be positive: 0",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperliquidMark.builder().externalPerpFeed("okx", 0, 1_000)).getMessage());
        assertEquals("external perp feed okx: the maximum age must be positive: 0 ms",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperliquidMark.builder().externalPerpFeed("okx", 2, 0)).getMessage());
        assertEquals("external perp feed okx was already added",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperliquidMark.builder().externalPerpFeed("okx", 2, 1_000).externalPerpFeed("okx", 1, 1_000))
                        .getMessage());
        assertEquals("an external perp feed name must not be blank",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperliquidMark.builder().externalPerpFeed(" ", 2, 1_000)).getMessage());
    }

    @Test
    void theBuilderRejectsNonPositiveEmaTimeConstants() {
        assertEquals("basisEmaMs must be positive: 0 ms",
                assertThrows(IllegalArgumentException.class, () -> HyperliquidMark.builder().basisEmaMs(0)).getMessage());
        assertEquals("bookEmaMs must be positive: -5 ms",
                assertThrows(IllegalArgumentException.class, () -> HyperliquidMark.builder().bookEmaMs(-5)).getMessage());
    }
}
