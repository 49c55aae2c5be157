package io.fulcrum.oracle;

import io.fulcrum.oracle.internal.AggregationResult;
import io.fulcrum.oracle.internal.ConfidenceVote;
import io.fulcrum.oracle.internal.Medians;
import io.fulcrum.oracle.internal.TrimmedMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Combines the quotes of several sources for one asset into one price and its confidence: the
 * rule inside an {@link AggregatedPriceSource}. Every rule is a pure function of its quotes, on
 * exact integers.
 *
 * <ul>
 *   <li>{@link #median()}: Chainlink OCR's upper median; [101, 99, 100, 103, 102] → 101.
 *   <li>{@link #weightedMedian()}: Hyperliquid's weighted median of exchange prices.
 *   <li>{@link #confidenceVote()}: Pyth's vote over {@code p − c, p, p + c}; (100 ± 1), (101 ± 1),
 *       (110 ± 10) → 101 ± 1.
 *   <li>{@link #trimmedMean(long, long)}: reject outliers far from the median, cut the extremes,
 *       average the rest.
 * </ul>
 *
 * <p>A rule may leave quotes out before aggregating (the trimmed mean's outliers, the confidence
 * vote's publishers without a confidence); it names them in {@link Aggregate#outliers()}.
 *
 * <p>Example: {@code PriceAggregator.median().aggregate(List.of(new Quote("binance", 101, 0, 1),
 * new Quote("okx", 99, 0, 1), new Quote("bybit", 100, 0, 1)))} is {@code Aggregate(100, 0, [])}.
 */
public interface PriceAggregator {

    /** The aggregate of {@code quotes} (at least one; not null). */
    Aggregate aggregate(List<Quote> quotes);

    /**
     * One source's price for the asset.
     *
     * <p>Example: {@code new Quote("binance", 1_000_000, 500, 3)}: 1.000000 ± 0.000500 from Binance,
     * weight 3.
     *
     * @param feed the source's feed name, not blank
     * @param price the quoted price, positive
     * @param confidence the source's half-width of uncertainty; 0 if unknown; {@code price + confidence}
     *     must fit in a long
     * @param weight the source's weight for weighted rules, positive (rules without weights ignore it)
     */
    record Quote(String feed, long price, long confidence, long weight) {
        public Quote {
            Objects.requireNonNull(feed, "feed");
            if (feed.isBlank()) {
                throw new IllegalArgumentException("a quote's feed name must not be blank");
            }
            if (price <= 0) {
                throw new IllegalArgumentException(feed + ": a quoted price must be positive: " + price);
            }
            if (confidence < 0) {
                throw new IllegalArgumentException(feed + ": a confidence must not be negative: " + confidence);
            }
            if (confidence > Long.MAX_VALUE - price) {
                throw new IllegalArgumentException(feed + ": price + confidence must fit in a long: " + price + " + "
                        + confidence);
            }
            if (weight <= 0) {
                throw new IllegalArgumentException(feed + ": a weight must be positive: " + weight);
            }
        }
    }

    /**
     * What an aggregator makes of its quotes.
     *
     * <p>Example: {@code Aggregate(101, 1, [])} is 101 ± 1 with every quote used;
     * {@code Aggregate(0, 0, ["okx"])} says the only quote, okx's, could not be used.
     *
     * @param price the aggregate price, positive; 0 only when every quote was left out
     * @param confidence the aggregate's half-width of uncertainty, never negative (0 if unknown)
     * @param outliers the feeds of the quotes left out before aggregating, in quote order; usually empty
     */
    record Aggregate(long price, long confidence, List<String> outliers) {
        public Aggregate {
            if (price < 0) {
                throw new IllegalArgumentException("an aggregate price must not be negative: " + price);
            }
            if (confidence < 0) {
                throw new IllegalArgumentException("an aggregate confidence must not be negative: " + confidence);
            }
            outliers = List.copyOf(outliers);
        }

        /** False when every quote was left out, so there is no price. */
        public boolean hasPrice() {
            return price > 0;
        }
    }

    /**
     * Chainlink OCR's median (MECHANISMS.md §8.1, {@code OffchainAggregator.sol}): the quote at sorted
     * index {@code n / 2}, so an even count takes the upper of the two middle prices. Weights are
     * ignored. The confidence is the same upper median taken over the quotes' confidences (0 when
     * none is known): a typical source's uncertainty, which one careless source cannot widen.
     *
     * <p>Examples (§8.1): [101, 99, 100, 103, 102] → sorted [99, 100, 101, 102, 103], index 2 → 101;
     * [99, 100, 101, 102] → index 2 → 101.
     */
    static PriceAggregator median() {
        return named("median", quotes -> new Aggregate(
                Medians.upperMedian(prices(quotes), quotes.size()),
                Medians.upperMedian(confidences(quotes), quotes.size()),
                List.of()));
    }

    /**
     * Hyperliquid's oracle rule (MECHANISMS.md §1.2): the weighted median of the sources' prices,
     * taken as the smallest price whose cumulative weight, in ascending price order, reaches half of
     * the total weight (Hyperliquid publishes no tie rule; this is the SDK's). The confidence is the
     * weighted median of the confidences with the same weights. The total weight must fit in a long.
     *
     * <p>Example (§1.2, prices × 10): (1000, w3), (1002, w2), (999, w2), (1005, w1), (1001, w1),
     * (998, w1), (1030, w1). Sorted with cumulative weights: 998 (1), 999 (3), 1000 (6); total 11 and
     * 2 · 6 ≥ 11, so 1000 (100.0). The outlier 1030 has no effect.
     */
    static PriceAggregator weightedMedian() {
        return named("weighted median", quotes -> {
            long[] weights = weights(quotes);
            return new Aggregate(
                    Medians.weightedMedian(prices(quotes), weights, quotes.size()),
                    Medians.weightedMedian(confidences(quotes), weights, quotes.size()),
                    List.of());
        });
    }

    /**
     * Pyth's aggregation (MECHANISMS.md §8.2, {@code pyth-client upd_aggregate.h}): each quote votes
     * {@code p − c}, {@code p} and {@code p + c}; with the {@code n} sorted votes,
     * {@code p25 = votes[n >> 2]}, {@code p75 = votes[n − 1 − (n >> 2)]}, {@code p50 = votes[n >> 1]}
     * for odd {@code n}, else {@code floor((votes[n/2 − 1] + votes[n/2]) / 2)}; the price is {@code p50}
     * and the confidence {@code max(p50 − p25, p75 − p50)}. A tight quote puts its three votes close
     * together and so pulls harder. Weights are ignored.
     *
     * <p>A quote with confidence 0 is not valid for Pyth ({@code conf_i > 0}), and to Fulcrum 0 means
     * "unknown": it is left out and named in the outliers. If every quote is left out, the aggregate
     * has no price ({@link Aggregate#hasPrice()} is false).
     *
     * <p>Examples (§8.2): (100 ± 1), (101 ± 1), (110 ± 10) → votes [99, 100, 100, 100, 101, 101, 102,
     * 110, 120], p25 = 100, p50 = 101, p75 = 102 → 101 ± 1. (100 ± 1), (101 ± 1), (102 ± 2), (80 ± 1)
     * → 12 votes, p25 = v[3] = 99, p50 = floor((100 + 100) / 2) = 100, p75 = v[8] = 101 → 100 ± 1.
     */
    static PriceAggregator confidenceVote() {
        return named("confidence vote", quotes -> {
            AggregationResult vote = ConfidenceVote.vote(prices(quotes), confidences(quotes));
            return new Aggregate(vote.price(), vote.confidence(), feedsAt(quotes, vote.rejected()));
        });
    }

    /**
     * A trimmed mean: first every quote whose distance from the upper median exceeds
     * {@code outlierPpm} of the median is left out and named as an outlier ({@code outlierPpm = 0}
     * keeps all); then {@code floor(m · trimPpm / 10^6)} of the {@code m} remaining quotes are cut from
     * each end; the price is the exact mean of the rest, rounded half to even, and the confidence half
     * the range of the rest, rounded up. Weights are ignored.
     *
     * <p>Example: [100, 101, 102, 103, 150] with {@code trimmedMean(250_000, 100_000)}: median 102;
     * 150 lies 48 away and 48 · 10^6 > 100,000 · 102, so it is an outlier; of [100, 101, 102, 103]
     * floor(4 · 0.25) = 1 is cut from each end, leaving [101, 102]: mean 101.5 → 102 (half to even),
     * confidence ceil(1 / 2) = 1.
     *
     * @param trimPpm the share cut from each end, in [0, 500,000)
     * @param outlierPpm the largest distance from the median kept, in ppm of the median; 0 for none
     * @throws IllegalArgumentException if {@code trimPpm} is outside [0, 500,000) or {@code outlierPpm} is negative
     */
    static PriceAggregator trimmedMean(long trimPpm, long outlierPpm) {
        TrimmedMean rule = new TrimmedMean(trimPpm, outlierPpm);
        return named(rule.toString(), quotes -> {
            AggregationResult mean = rule.aggregate(prices(quotes));
            return new Aggregate(mean.price(), mean.confidence(), feedsAt(quotes, mean.rejected()));
        });
    }

    /** An aggregator that checks its input, applies {@code rule} and is called {@code name}. */
    private static PriceAggregator named(String name, Function<List<Quote>, Aggregate> rule) {
        return new PriceAggregator() {
            @Override
            public Aggregate aggregate(List<Quote> quotes) {
                List<Quote> checked = List.copyOf(Objects.requireNonNull(quotes, "quotes"));
                if (checked.isEmpty()) {
                    throw new IllegalArgumentException(name + ": no quotes to aggregate");
                }
                return rule.apply(checked);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    private static long[] prices(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::price).toArray();
    }

    private static long[] confidences(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::confidence).toArray();
    }

    private static long[] weights(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::weight).toArray();
    }

    private static List<String> feedsAt(List<Quote> quotes, List<Integer> positions) {
        List<String> feeds = new ArrayList<>(positions.size());
        for (int i : positions) {
            feeds.add(quotes.get(i).feed());
        }
        return feeds;
    }
}
