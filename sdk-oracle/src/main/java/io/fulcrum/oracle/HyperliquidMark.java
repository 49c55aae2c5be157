package io.fulcrum.oracle;

import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.oracle.internal.Medians;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hyperliquid's mark price (MECHANISMS.md §1.2): the median of three inputs, each hard to move
 * alone, so that pushing the venue's own thin book for a moment does not trigger liquidations.
 * <ol>
 *   <li><b>index + basis EMA</b>: the oracle index plus a time-decay EMA ({@link TimeDecayEma},
 *       150 s by default) of {@code bookMid − index}, sampled whenever the book has both a best
 *       bid and a best ask. Before its first sample this input is the index. The EMA is rounded
 *       half-even before it is added.
 *   <li><b>book median</b>: {@code median(best bid, best ask, last trade)}, present when all three
 *       exist.
 *   <li><b>external perp median</b>: the weighted median ({@link Medians#weightedMedian}) of the
 *       fresh external perp feeds, present if at least one is fresh. A feed is fresh when its
 *       latest price is positive and at most its {@code maxAgeMs} old (an observation stamped
 *       after the command time counts as fresh).
 * </ol>
 * If exactly two inputs exist, a 30-s time-decay EMA of the book median (sampled whenever
 * the book median exists) joins as a third once it has a value. The mark is then
 * <ul>
 *   <li>with three inputs, their median;
 *   <li>with two, their mean rounded half-even. Hyperliquid does not say; the SDK chose the
 *       mean because it is neutral between longs and shorts and lets either input move the mark
 *       by only half its own move, where "the lower" or "the higher" would follow one input
 *       completely on its side;
 *   <li>with one, that one.
 * </ul>
 * Input 1 always exists (the index is positive) unless its basis is so negative that
 * {@code index + basis ≤ 0} — possible only after the index crashes far below the book — in which
 * case it is dropped rather than let the mark go non-positive.
 *
 * <p>The book mid {@code (bid + ask) / 2} is not rounded: the EMA takes a {@code double}, so
 * the basis sample {@code ((bid − index) + (ask − index)) / 2} keeps its half unit exactly.
 *
 * <p>Worked example (§1.2): oracle 10,000, basis EMA +20 → input 1 = 10,020; bid 10,005, ask
 * 10,015, last 10,030 → input 2 = 10,015; external weighted median 10,010 → mark =
 * median(10,020, 10,015, 10,010) = <b>10,015</b>.
 * <pre>{@code
 * MarkPriceRule mark = HyperliquidMark.builder()
 *     .externalPerpFeed("binance", 3, 10_000).externalPerpFeed("okx", 2, 10_000)
 *     .externalPerpFeed("bybit", 2, 10_000).externalPerpFeed("gate", 1, 10_000)
 *     .externalPerpFeed("mexc", 1, 10_000)
 *     .build();
 * }</pre>
 *
 * <p>State ({@link #stateSize()} = 6 slots):
 * <pre>
 *   0..2   the basis EMA of (bookMid − index), {@link TimeDecayEma} layout
 *   3..5   the book-median EMA, {@link TimeDecayEma} layout
 * </pre>
 * Both EMAs are sampled at the command time before the mark is computed, so a command time
 * earlier than the previous call's is an {@link IllegalArgumentException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HyperliquidMark implements MarkPriceRule {
    /** Hyperliquid's basis EMA time constant: 150 s. */
    public static final long DEFAULT_BASIS_EMA_MS = 150_000;
    /** Hyperliquid's book-median EMA time constant: 30 s. */
    public static final long DEFAULT_BOOK_EMA_MS = 30_000;

    private static final int BASIS_EMA = 0;
    private static final int BOOK_EMA = TimeDecayEma.STATE_SLOTS;
    private static final int STATE_SIZE = 2 * TimeDecayEma.STATE_SLOTS;

    private final TimeDecayEma basisEma;
    private final TimeDecayEma bookEma;
    private final String[] feeds;
    private final long[] weights;
    private final long[] maxAgesMs;

    private HyperliquidMark(Builder b) {
        this.basisEma = TimeDecayEma.withTimeConstant(b.basisEmaMs);
        this.bookEma = TimeDecayEma.withTimeConstant(b.bookEmaMs);
        int n = b.feeds.size();
        this.feeds = b.feeds.toArray(new String[0]);
        this.weights = new long[n];
        this.maxAgesMs = new long[n];
        for (int i = 0; i < n; i++) {
            weights[i] = b.weights.get(i);
            maxAgesMs[i] = b.maxAgesMs.get(i);
        }
    }

    /** Starts a rule with Hyperliquid's EMA time constants and no external feeds. */
    public static Builder builder() {
        return new Builder();
    }

    /** The external perp feeds, in builder order: the venue re-marks the market when one publishes. */
    @Override
    public List<String> feeds() {
        return List.of(feeds);
    }

    @Override
    public int stateSize() {
        return STATE_SIZE;
    }

    @Override
    public long markPrice(MarkInputs inputs, long[] state) {
        long now = inputs.time();
        long index = inputs.indexPrice();
        if (index <= 0) {
            throw new IllegalArgumentException(inputs.market().id() + ": the index price must be positive: " + index);
        }
        long bid = inputs.bestBid();
        long ask = inputs.bestAsk();
        long last = inputs.lastTradePrice();
        boolean twoSided = bid != MatchingEngine.NO_PRICE && ask != MatchingEngine.NO_PRICE;
        boolean hasBookMedian = twoSided && last != MatchingEngine.NO_PRICE;
        long bookMedian = hasBookMedian ? Medians.medianOfThree(bid, ask, last) : 0;

        // Sample first (§1.2): the formula weighs this sample by the time since the previous update.
        if (twoSided) {
            basisEma.sample(state, BASIS_EMA, now, ((double) (bid - index) + (double) (ask - index)) / 2);
        }
        if (hasBookMedian) {
            bookEma.sample(state, BOOK_EMA, now, bookMedian);
        }

        long[] candidates = new long[3];
        int n = 0;
        long basis = basisEma.hasValue(state, BASIS_EMA) ? basisEma.roundedValue(state, BASIS_EMA) : 0;
        long indexPlusBasis = Math.addExact(index, basis);
        if (indexPlusBasis > 0) {
            candidates[n++] = indexPlusBasis;
        }
        if (hasBookMedian) {
            candidates[n++] = bookMedian;
        }
        long external = externalMedian(inputs);
        if (external > 0) {
            candidates[n++] = external;
        }
        if (n == 2 && bookEma.hasValue(state, BOOK_EMA)) {
            candidates[n++] = bookEma.roundedValue(state, BOOK_EMA);
        }
        switch (n) {
            case 3:
                return Medians.medianOfThree(candidates[0], candidates[1], candidates[2]);
            case 2:
                return meanHalfEven(candidates[0], candidates[1]);
            case 1:
                return candidates[0];
            default:
                return index;
        }
    }

    /** The weighted median of the fresh external feeds, or 0 if none is fresh. */
    private long externalMedian(MarkInputs inputs) {
        long[] prices = new long[feeds.length];
        long[] freshWeights = new long[feeds.length];
        int n = 0;
        for (int i = 0; i < feeds.length; i++) {
            PriceObservation latest = inputs.observations().latest(feeds[i]);
            if (latest != null && latest.price() > 0 && isFresh(inputs.time(), latest.time(), maxAgesMs[i])) {
                prices[n] = latest.price();
                freshWeights[n] = weights[i];
                n++;
            }
        }
        return n == 0 ? 0 : Medians.weightedMedian(prices, freshWeights, n);
    }

    /** {@code now − time ≤ maxAge}, without overflow for any two longs. */
    private static boolean isFresh(long now, long time, long maxAgeMs) {
        if (now <= time) {
            return true;
        }
        long age = now - time;
        return age >= 0 && age <= maxAgeMs;   // age < 0: the difference exceeds Long.MAX_VALUE
    }

    /** (a + b) / 2 rounded half-even, for positive a and b, without overflow. */
    private static long meanHalfEven(long a, long b) {
        long low = Math.min(a, b);
        long difference = Math.max(a, b) - low;
        long floor = low + difference / 2;
        boolean half = (difference & 1) != 0;
        return half && (floor & 1) != 0 ? floor + 1 : floor;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("HyperliquidMark[basis EMA ").append(basisEma.timeConstantMs())
                .append(" ms, book EMA ").append(bookEma.timeConstantMs()).append(" ms, external perps");
        for (int i = 0; i < feeds.length; i++) {
            s.append(' ').append(feeds[i]).append(" w").append(weights[i]).append(" ≤").append(maxAgesMs[i]).append(" ms");
        }
        return s.append(']').toString();
    }

    /** Builds a {@link HyperliquidMark}; every value is checked as it is given. */
    public static final class Builder {
        private final List<String> feeds = new ArrayList<>();
        private final List<Long> weights = new ArrayList<>();
        private final List<Long> maxAgesMs = new ArrayList<>();
        private long basisEmaMs = DEFAULT_BASIS_EMA_MS;
        private long bookEmaMs = DEFAULT_BOOK_EMA_MS;

        private Builder() {}

        /**
         * Adds an external perp mid feed (input 3) with a positive {@code weight}; its latest
         * observation counts while it is at most {@code maxAgeMs} old ({@code maxAgeMs > 0}).
         * Hyperliquid weighs Binance 3, OKX 2, Bybit 2, Gate 1, MEXC 1.
         */
        public Builder externalPerpFeed(String feed, long weight, long maxAgeMs) {
            Objects.requireNonNull(feed, "feed");
            if (feed.isBlank()) {
                throw new IllegalArgumentException("an external perp feed name must not be blank");
            }
            if (feeds.contains(feed)) {
                throw new IllegalArgumentException("external perp feed " + feed + " was already added");
            }
            if (weight <= 0) {
                throw new IllegalArgumentException("external perp feed " + feed + ": the weight must be positive: " + weight);
            }
            if (maxAgeMs <= 0) {
                throw new IllegalArgumentException("external perp feed " + feed + ": the maximum age must be positive: "
                        + maxAgeMs + " ms");
            }
            feeds.add(feed);
            weights.add(weight);
            maxAgesMs.add(maxAgeMs);
            return this;
        }

        /** The time constant of the EMA of (book mid − index), ms; default 150,000. */
        public Builder basisEmaMs(long ms) {
            if (ms <= 0) {
                throw new IllegalArgumentException("basisEmaMs must be positive: " + ms + " ms");
            }
            this.basisEmaMs = ms;
            return this;
        }

        /** The time constant of the EMA of the book median, ms; default 30,000. */
        public Builder bookEmaMs(long ms) {
            if (ms <= 0) {
                throw new IllegalArgumentException("bookEmaMs must be positive: " + ms + " ms");
            }
            this.bookEmaMs = ms;
            return this;
        }

        /** Builds the rule. */
        public HyperliquidMark build() {
            return new HyperliquidMark(this);
        }
    }
}
