package io.fulcrum.bench;

import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.oracle.AggregatedPriceSource;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.oracle.HyperliquidMark;
import io.fulcrum.oracle.PriceAggregator;
import io.fulcrum.oracle.PushedPriceSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The fixed inputs of {@link OracleBenchmark}'s index and mark benchmarks: the price sources
 * and mark rules under test, and the feed observations they read, as a precomputed map lookup
 * (what the venue hands a source is the same: a lookup in its map of latest observations).
 *
 * <p><b>Index.</b> Hyperliquid's oracle for BTC (MECHANISMS.md §1.2): eight spot feeds weighted
 * 3, 2, 2, 1, 1, 1, 1, 1, each stale after 60 s, at least 5 fresh, a 2 % divergence limit that
 * keeps the aggregate ({@link DivergenceRule#USE_AGGREGATE}). Every feed is fresh and within 2 %,
 * so each read takes the full path to an {@code OK} reading without flags: weighted median
 * 50,000.0 (see {@link #SPOT_PRICES}); Pyth's confidence vote (§8.2) over the same feeds and
 * {@link #SPOT_CONFIDENCES} gives 50,001.0 ± 4.0. The peer reads one pushed feed.
 *
 * <p><b>Mark.</b> Hyperliquid's mark (§1.2) with its five external perp feeds (Binance 3, OKX 2,
 * Bybit 2, Gate 1, MEXC 1), against {@link MarkPriceRule#INDEX}. The index is 50,000.0 and the
 * book shows bid 49,995.0, ask 50,005.0, last trade 50,000.0, so the basis samples are 0 and the
 * mark is median(50,000.0, 50,000.0, 50,002.0) = 50,000.0 at every call. The perp feeds never
 * go stale (their maximum age is {@code Long.MAX_VALUE}), because the benchmark's clock runs on
 * by 1 s per call for as long as JMH keeps calling.
 *
 * <p>Prices at one decimal, as {@link OrderStream#MARKET}: 50,000.0 is 500,000.
 */
public final class OracleInputs {
    /** The time the index is read at and the mark benchmark's clock starts from, epoch ms. */
    public static final long READ_TIME = 1_700_000_000_000L;
    /** Every observation was published this long before {@link #READ_TIME}: 1 s. */
    public static final long SPOT_AGE_MS = 1_000;
    /** The spot feeds, Hyperliquid's eight sources (MECHANISMS.md §1.2). */
    public static final String[] SPOT_FEEDS = {"binance", "okx", "bybit", "kraken", "kucoin", "gate", "mexc",
        "hyperliquid"};
    /** Hyperliquid's weights for {@link #SPOT_FEEDS}, in the same order. */
    public static final long[] SPOT_WEIGHTS = {3, 2, 2, 1, 1, 1, 1, 1};
    /**
     * The spot prices, in the same order. Sorted with cumulative weights (total 12): 49,990.0 (1),
     * 49,995.0 (2), 49,998.0 (4), 50,000.0 (7, and 2 · 7 ≥ 12), so the weighted median is
     * 50,000.0; the furthest, 50,020.0, lies 0.04 % away, well inside the 2 % limit.
     */
    public static final long[] SPOT_PRICES = {500_000, 499_980, 500_050, 499_950, 500_200, 499_900, 500_100, 500_010};
    /** The spot confidences (half-widths): every one positive, so the confidence vote keeps all eight. */
    public static final long[] SPOT_CONFIDENCES = {20, 30, 30, 50, 50, 60, 60, 40};
    /** The one feed the peer source reads; it published 50,000.0. */
    public static final String SINGLE_FEED = "BTC-USD";

    /** The external perp feeds of the mark, Hyperliquid's five (MECHANISMS.md §1.2). */
    public static final String[] PERP_FEEDS = {"binance-perp", "okx-perp", "bybit-perp", "gate-perp", "mexc-perp"};
    /** Their weights, 3, 2, 2, 1, 1. */
    public static final long[] PERP_WEIGHTS = {3, 2, 2, 1, 1};
    /** Their mids: weighted median 50,002.0 (sorted 49,990.0 (1), 49,999.0 (3), 50,002.0 (6; 2 · 6 ≥ 9)). */
    public static final long[] PERP_PRICES = {500_020, 499_990, 500_030, 499_900, 500_100};
    /** The index the mark benchmark marks from. */
    public static final long MARK_INDEX = 500_000;
    /** The book top the mark benchmark shows. */
    public static final long BEST_BID = 499_950;
    /** The book top the mark benchmark shows. */
    public static final long BEST_ASK = 500_050;
    /** The last trade the mark benchmark shows. */
    public static final long LAST_TRADE = 500_000;

    private OracleInputs() {}

    /** The latest observation of every spot feed, the single feed and every perp feed, as a map lookup. */
    public static FeedObservations observations() {
        Map<String, PriceObservation> latest = new HashMap<>();
        for (int i = 0; i < SPOT_FEEDS.length; i++) {
            latest.put(SPOT_FEEDS[i], new PriceObservation(SPOT_FEEDS[i], SPOT_PRICES[i], SPOT_CONFIDENCES[i],
                    READ_TIME - SPOT_AGE_MS));
        }
        latest.put(SINGLE_FEED, new PriceObservation(SINGLE_FEED, 500_000, 0, READ_TIME - SPOT_AGE_MS));
        for (int i = 0; i < PERP_FEEDS.length; i++) {
            latest.put(PERP_FEEDS[i], new PriceObservation(PERP_FEEDS[i], PERP_PRICES[i], 0, READ_TIME - SPOT_AGE_MS));
        }
        return latest::get;
    }

    /** Hyperliquid's index over the eight spot feeds with {@code aggregator}. */
    public static AggregatedPriceSource aggregated8(PriceAggregator aggregator) {
        AggregatedPriceSource.Builder builder = AggregatedPriceSource.builder("BTC index").aggregator(aggregator);
        for (int i = 0; i < SPOT_FEEDS.length; i++) {
            builder.source(SPOT_FEEDS[i], SPOT_WEIGHTS[i], 60_000);
        }
        return builder.minFreshSources(5).divergence(20_000, DivergenceRule.USE_AGGREGATE).build();
    }

    /** The peer: one pushed feed, stale after 60 s. */
    public static PriceSource single() {
        return PushedPriceSource.of(SINGLE_FEED, 60_000);
    }

    /** Hyperliquid's mark with the five external perp feeds, never stale. */
    public static HyperliquidMark hyperliquidMark() {
        HyperliquidMark.Builder builder = HyperliquidMark.builder();
        for (int i = 0; i < PERP_FEEDS.length; i++) {
            builder.externalPerpFeed(PERP_FEEDS[i], PERP_WEIGHTS[i], Long.MAX_VALUE);
        }
        return builder.build();
    }

    /** The mark inputs at {@code time}: {@link #MARK_INDEX}, the fixed book top, {@code observations}. */
    public static MarkInputs markInputs(long time, FeedObservations observations) {
        return new MarkInputs(OrderStream.MARKET, time, MARK_INDEX, BEST_BID, BEST_ASK, LAST_TRADE, observations,
                BookDepth.EMPTY);
    }
}
