package io.fulcrum.oracle;

import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.oracle.PriceAggregator.Aggregate;
import io.fulcrum.oracle.PriceAggregator.Quote;
import io.fulcrum.oracle.internal.AggregationMath;
import io.fulcrum.oracle.internal.FeedAge;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A market's index aggregated from several feeds (exchanges, oracle networks), each with its own
 * staleness limit, with guards on how many are fresh, how wide the confidence is and how far the
 * sources stray from the aggregate. This is the shape of Hyperliquid's oracle (a weighted median of
 * exchange prices, MECHANISMS.md §1.2, §8.3), of a Chainlink OCR median (§8.1) and of Pyth's
 * confidence vote (§8.2), with the consumer-side checks those networks ask for (§8.1: a per-feed
 * staleness limit, heartbeat plus grace).
 *
 * <p>A reading at {@code now}:
 * <ol>
 *   <li>A source is <b>fresh</b> if its latest observation has a positive price, a confidence in
 *       {@code [0, Long.MAX_VALUE − price]}, and {@code now − time ≤ maxAge} (an age of exactly
 *       {@code maxAge} is fresh; an observation stamped after {@code now} is fresh). Other sources are
 *       left out and the reading is flagged {@link PriceFlag#SOURCE_STALE}, naming each one and why.
 *   <li>If no source has a usable observation at all: {@code MISSING}. If fewer than
 *       {@code minFreshSources} are fresh: {@code STALE}, carrying the aggregate of every usable
 *       observation, fresh or not (0 if the aggregator accepts none), with a detail such as
 *       {@code "2 of 5 sources fresh, need 3: okx stale (age 90000 ms > 60000 ms), ..."}.
 *   <li>The fresh quotes (weights from the builder, confidences from the observations) are
 *       aggregated; quotes the aggregator left out flag {@link PriceFlag#OUTLIER_REJECTED}. If it left
 *       out every quote: {@code UNRELIABLE}.
 *   <li>Confidence guard, if set: {@code confidence · 10^6 > maxConfidencePpm · price} reads
 *       {@code UNRELIABLE}, flagged {@link PriceFlag#CONFIDENCE_TOO_WIDE}. An unknown confidence (0)
 *       passes.
 *   <li>Divergence guard, if set: every fresh source (outliers included) with
 *       {@code |p − aggregate| · 10^6 > maxDivergencePpm · aggregate} flags
 *       {@link PriceFlag#SOURCE_DIVERGED}, and the {@link DivergenceRule} decides the reading.
 *   <li>Otherwise {@code OK} at the aggregate, flagged if anything above was odd.
 * </ol>
 * The minimum counts fresh sources, before the aggregator drops any outliers.
 *
 * <p>Example, USDe/USD at 6 decimals: five exchanges, each stale after 60 s, at least three fresh,
 * weighted median, 2 % divergence limit:
 * <pre>{@code
 * AggregatedPriceSource usde = AggregatedPriceSource.builder("USDe-USD")
 *         .source("binance", 3, 60_000).source("okx", 2, 60_000).source("bybit", 2, 60_000)
 *         .source("kraken", 1, 60_000).source("coinbase", 1, 60_000)
 *         .minFreshSources(3)
 *         .divergence(20_000, DivergenceRule.USE_AGGREGATE)
 *         .build();
 * }</pre>
 * Binance at 650,000 and the others at 1,000,000: sorted 650,000 (cumulative weight 3 of 9, 2 · 3 < 9)
 * then 1,000,000 (cumulative 5, 2 · 5 ≥ 9), so the weighted median is 1,000,000; Binance lies 350,000
 * away, beyond 2 %, so the reading is OK 1,000,000 flagged {@code SOURCE_DIVERGED}.
 *
 * <p>Pure, deterministic and immutable, so safe to share between threads.
 */
public final class AggregatedPriceSource implements PriceSource {
    private final String name;
    private final List<Source> sources;
    private final List<String> feeds;
    private final PriceAggregator aggregator;
    private final int minFreshSources;
    private final long maxConfidencePpm;   // 0: no confidence guard
    private final long maxDivergencePpm;   // 0: no divergence guard
    private final DivergenceRule divergenceRule;

    /** One configured feed. */
    private record Source(String feed, long weight, long maxAgeMs) {}

    private AggregatedPriceSource(Builder builder) {
        this.name = builder.name;
        this.sources = List.copyOf(builder.sources);
        this.feeds = sources.stream().map(Source::feed).toList();
        this.aggregator = builder.aggregator == null ? PriceAggregator.weightedMedian() : builder.aggregator;
        this.minFreshSources = builder.minFreshSources == 0 ? 1 : builder.minFreshSources;
        this.maxConfidencePpm = builder.maxConfidencePpm;
        this.maxDivergencePpm = builder.maxDivergencePpm;
        this.divergenceRule = builder.divergenceRule;
    }

    /** A builder for the source called {@code name} (used in messages). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The Chainlink-style median of {@code feeds} (all weight 1, each stale after {@code maxAgeMs}),
     * usable while at least {@code minFreshSources} are fresh; no confidence or divergence guard.
     * Example: {@code median("BTC-USD", 60_000, 2, "binance", "okx", "bybit")}.
     */
    public static AggregatedPriceSource median(String name, long maxAgeMs, int minFreshSources, String... feeds) {
        Builder builder = builder(name).aggregator(PriceAggregator.median()).minFreshSources(minFreshSources);
        for (String feed : Objects.requireNonNull(feeds, "feeds")) {
            builder.source(feed, 1, maxAgeMs);
        }
        return builder.build();
    }

    /** The name given to the builder. */
    public String name() {
        return name;
    }

    /** The feeds, in the order they were added. */
    @Override
    public List<String> feeds() {
        return feeds;
    }

    @Override
    public PriceReading read(FeedObservations observations, long now) {
        List<Quote> fresh = new ArrayList<>();
        List<Quote> usable = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Source source : sources) {
            PriceObservation latest = observations.latest(source.feed());
            String unusable = whyUnusable(source.feed(), latest);
            if (unusable != null) {
                leftOut.add(unusable);
                continue;
            }
            Quote quote = new Quote(source.feed(), latest.price(), latest.confidence(), source.weight());
            usable.add(quote);
            if (FeedAge.isOlderThan(now, latest.time(), source.maxAgeMs())) {
                leftOut.add(source.feed() + " stale (age " + FeedAge.describe(now, latest.time()) + " > "
                        + source.maxAgeMs() + " ms)");
            } else {
                fresh.add(quote);
            }
        }
        if (usable.isEmpty()) {
            return PriceReading.missing("no source has a usable price: " + String.join(", ", leftOut));
        }
        if (fresh.size() < minFreshSources) {
            Aggregate lastKnown = aggregator.aggregate(usable);
            return PriceReading.stale(lastKnown.price(), fresh.size() + " of " + sources.size()
                    + " sources fresh, need " + minFreshSources + ": " + String.join(", ", leftOut));
        }
        return readFresh(fresh, leftOut);
    }

    /** The reading once enough sources are fresh: aggregate, then the guards. */
    private PriceReading readFresh(List<Quote> fresh, List<String> leftOut) {
        Set<PriceFlag> flags = EnumSet.noneOf(PriceFlag.class);
        List<String> notes = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            flags.add(PriceFlag.SOURCE_STALE);
            notes.add(fresh.size() + " of " + sources.size() + " sources fresh: " + String.join(", ", leftOut));
        }
        Aggregate aggregate = aggregator.aggregate(fresh);
        if (!aggregate.outliers().isEmpty()) {
            flags.add(PriceFlag.OUTLIER_REJECTED);
            notes.add(aggregator + " left out " + describe(fresh, aggregate.outliers()));
        }
        if (!aggregate.hasPrice()) {
            return PriceReading.unreliable(0, 0, flags, String.join("; ", notes));
        }
        long price = aggregate.price();
        long confidence = aggregate.confidence();
        boolean tooWide = maxConfidencePpm > 0 && AggregationMath.exceedsPpm(confidence, price, maxConfidencePpm);
        if (tooWide) {
            flags.add(PriceFlag.CONFIDENCE_TOO_WIDE);
            notes.add("confidence " + confidence + " is wider than " + maxConfidencePpm + " ppm of the price " + price);
        }
        List<Quote> diverged = diverged(fresh, price);
        if (!diverged.isEmpty()) {
            flags.add(PriceFlag.SOURCE_DIVERGED);
            notes.add(describe(diverged) + " diverged from the aggregate " + price + " by more than "
                    + maxDivergencePpm + " ppm");
        }
        if (tooWide || (!diverged.isEmpty() && divergenceRule == DivergenceRule.FREEZE)) {
            return PriceReading.unreliable(price, confidence, flags, String.join("; ", notes));
        }
        if (!diverged.isEmpty() && divergenceRule == DivergenceRule.USE_WORST) {
            Quote worst = lowest(fresh);
            flags.add(PriceFlag.WORST_SOURCE_USED);
            notes.add("using the lowest fresh price, " + worst.price() + " from " + worst.feed());
            return PriceReading.flagged(worst.price(), confidence, flags, String.join("; ", notes));
        }
        if (flags.isEmpty()) {
            return PriceReading.ok(price, confidence);
        }
        return PriceReading.flagged(price, confidence, flags, String.join("; ", notes));
    }

    /** Why {@code latest} can never be a quote, or null if it can (stale or not). */
    private static String whyUnusable(String feed, PriceObservation latest) {
        if (latest == null) {
            return feed + " has not published";
        }
        if (latest.price() <= 0) {
            return feed + " published a non-positive price, " + latest.price();
        }
        if (latest.confidence() < 0 || latest.confidence() > Long.MAX_VALUE - latest.price()) {
            return feed + " published an invalid confidence, " + latest.confidence();
        }
        return null;
    }

    /** The fresh quotes beyond the divergence limit from {@code aggregate}; none without a limit. */
    private List<Quote> diverged(List<Quote> fresh, long aggregate) {
        List<Quote> diverged = new ArrayList<>();
        if (maxDivergencePpm == 0) {
            return diverged;
        }
        for (Quote quote : fresh) {
            if (AggregationMath.exceedsPpm(AggregationMath.distance(quote.price(), aggregate), aggregate,
                    maxDivergencePpm)) {
                diverged.add(quote);
            }
        }
        return diverged;
    }

    /** The quote with the lowest price; the first one in feed order on a tie. */
    private static Quote lowest(List<Quote> quotes) {
        Quote lowest = quotes.get(0);
        for (Quote quote : quotes) {
            if (quote.price() < lowest.price()) {
                lowest = quote;
            }
        }
        return lowest;
    }

    /** "okx 150, kraken 151" for the quotes of {@code feeds}. */
    private static String describe(List<Quote> quotes, List<String> feeds) {
        List<Quote> named = quotes.stream().filter(q -> feeds.contains(q.feed())).toList();
        return describe(named);
    }

    private static String describe(List<Quote> quotes) {
        List<String> parts = new ArrayList<>();
        for (Quote quote : quotes) {
            parts.add(quote.feed() + " " + quote.price());
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Source source : sources) {
            parts.add(source.feed() + " (weight " + source.weight() + ", max age " + source.maxAgeMs() + " ms)");
        }
        String guards = "";
        if (maxConfidencePpm > 0) {
            guards += ", max confidence " + maxConfidencePpm + " ppm";
        }
        if (maxDivergencePpm > 0) {
            guards += ", divergence " + maxDivergencePpm + " ppm -> " + divergenceRule;
        }
        return "AggregatedPriceSource[" + name + ": " + aggregator + " of " + String.join(", ", parts)
                + ", min fresh " + minFreshSources + guards + "]";
    }

    /**
     * Collects the sources and guards of an {@link AggregatedPriceSource}. Every value is checked when
     * it is given, and each single-valued setting may be given once (a second call throws
     * {@link IllegalStateException} naming it). Not thread-safe; {@link #build()} takes a copy.
     */
    public static final class Builder {
        private final String name;
        private final List<Source> sources = new ArrayList<>();
        private final Set<String> feedNames = new HashSet<>();
        private long totalWeight;
        private PriceAggregator aggregator;
        private int minFreshSources;   // 0: not set (default 1)
        private long maxConfidencePpm;   // 0: not set
        private long maxDivergencePpm;   // 0: not set
        private DivergenceRule divergenceRule;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a price source name must not be blank");
            }
            this.name = name;
        }

        /**
         * Adds the feed {@code feed}, weighing {@code weight} in weighted rules, stale once its latest
         * observation is older than {@code maxAgeMs} (for a pushed feed, its heartbeat plus a grace
         * period: BTC/USD's 3,600 s heartbeat with 60 s of grace is 3,660,000 ms). Repeatable; each
         * feed once.
         */
        public Builder source(String feed, long weight, long maxAgeMs) {
            Objects.requireNonNull(feed, "feed");
            if (feed.isBlank()) {
                throw new IllegalArgumentException(name + ": a feed name must not be blank");
            }
            if (feedNames.contains(feed)) {
                throw new IllegalArgumentException(name + ": feed " + feed + " was already added");
            }
            if (weight <= 0) {
                throw new IllegalArgumentException(name + ": the weight of " + feed + " must be positive: " + weight);
            }
            if (maxAgeMs <= 0) {
                throw new IllegalArgumentException(name + ": the maximum age of " + feed + " must be positive: "
                        + maxAgeMs + " ms");
            }
            if (weight > Long.MAX_VALUE - totalWeight) {
                throw new IllegalArgumentException(name + ": the total weight would exceed " + Long.MAX_VALUE
                        + " with " + feed + "'s " + weight);
            }
            feedNames.add(feed);
            sources.add(new Source(feed, weight, maxAgeMs));
            totalWeight += weight;
            return this;
        }

        /** How the fresh quotes are combined; default {@link PriceAggregator#weightedMedian()}. */
        public Builder aggregator(PriceAggregator aggregator) {
            Objects.requireNonNull(aggregator, "aggregator");
            if (this.aggregator != null) {
                throw new IllegalStateException(name + ": aggregator was already set to " + this.aggregator);
            }
            this.aggregator = aggregator;
            return this;
        }

        /**
         * The fewest fresh sources that make a usable reading; below it the reading is {@code STALE}.
         * Default 1; at most the number of sources (checked by {@link #build()}).
         */
        public Builder minFreshSources(int minFreshSources) {
            if (this.minFreshSources != 0) {
                throw new IllegalStateException(name + ": minFreshSources was already set to " + this.minFreshSources);
            }
            if (minFreshSources < 1) {
                throw new IllegalArgumentException(name + ": minFreshSources must be at least 1: " + minFreshSources);
            }
            this.minFreshSources = minFreshSources;
            return this;
        }

        /**
         * The widest confidence allowed, in ppm of the price: wider reads {@code UNRELIABLE}, flagged
         * {@code CONFIDENCE_TOO_WIDE}. Example: 1,000 ppm allows 100.00 ± 0.10. Default: no limit.
         */
        public Builder maxConfidencePpm(long maxConfidencePpm) {
            if (this.maxConfidencePpm != 0) {
                throw new IllegalStateException(name + ": maxConfidencePpm was already set to "
                        + this.maxConfidencePpm);
            }
            if (maxConfidencePpm <= 0) {
                throw new IllegalArgumentException(name + ": maxConfidencePpm must be positive: " + maxConfidencePpm);
            }
            this.maxConfidencePpm = maxConfidencePpm;
            return this;
        }

        /**
         * The furthest a fresh source may lie from the aggregate, in ppm of the aggregate, and what
         * to do when one lies further (see {@link DivergenceRule}). Default: no limit.
         */
        public Builder divergence(long maxDivergencePpm, DivergenceRule rule) {
            if (this.maxDivergencePpm != 0) {
                throw new IllegalStateException(name + ": divergence was already set to " + this.maxDivergencePpm
                        + " ppm, " + divergenceRule);
            }
            if (maxDivergencePpm <= 0) {
                throw new IllegalArgumentException(name + ": maxDivergencePpm must be positive: " + maxDivergencePpm);
            }
            Objects.requireNonNull(rule, "rule");
            this.maxDivergencePpm = maxDivergencePpm;
            this.divergenceRule = rule;
            return this;
        }

        /**
         * The source.
         *
         * @throws IllegalStateException if no source was added, or {@code minFreshSources} exceeds
         *     the number of sources
         */
        public AggregatedPriceSource build() {
            if (sources.isEmpty()) {
                throw new IllegalStateException(name + ": add at least one source");
            }
            if (minFreshSources > sources.size()) {
                throw new IllegalStateException(name + ": minFreshSources is " + minFreshSources + " but only "
                        + sources.size() + " sources were added");
            }
            return new AggregatedPriceSource(this);
        }
    }
}
