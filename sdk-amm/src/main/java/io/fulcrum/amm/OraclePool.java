package io.fulcrum.amm;

import io.fulcrum.amm.internal.PoolPriceMath;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A market whose counterparty is a pool, priced from the oracle (GMX v2, Avantis): every order
 * fills whole at once against the pool at the index, adjusted by a {@link PoolImpact} computed
 * from the traders' open-interest imbalance and by a spread, or not at all. Nothing rests; a
 * pool has no book. It plugs into a venue like an order book ({@code Venue.Builder.market(spec,
 * OraclePool.factory(...), source)}), and the venue's margin, liquidation and events work
 * unchanged: the venue's pool account for the market takes the other side of every fill.
 *
 * <p>Execution price, as GMX computes it for an increase (MECHANISMS.md §3.1): a buy of notional
 * {@code N} with impact {@code I} executes at {@code index × N / (N + I)}, a sale at
 * {@code index × N / (N − I)}; then the spread widens it (up for a buy, down for a sale), and the
 * result is rounded to the tick against the trader. §3.1's example: index 2,000, size 5,000,
 * impact −1,000 → 2,500. An order whose limit the execution price would breach does not fill.
 * With an {@link OracleConfidence}, the price starts from the top of the oracle's confidence
 * interval for a buy and its bottom for a sale (GMX's max and min prices), and no trade fills
 * while the interval is too wide (Avantis).
 *
 * <p>The pool keeps no state between orders: the venue tells it the index and the traders' open
 * interest before each one ({@link #onPoolState}), so snapshots need nothing from it.
 *
 * <p>Once warm, a trade allocates nothing: the price is computed exactly in 128-bit integer
 * arithmetic, with BigInteger only for a quotient that would not fit a {@code long} (then the same
 * exception as before); {@link PriceImpact} does the same for its impact.
 */
public final class OraclePool extends PoolEngine {
    private final MarketSpec spec; // the same as spec(), kept for the hot path
    private final PoolImpact impact;
    private final long spreadPpm;
    private final OracleConfidence confidence;
    private long index;
    private long indexConfidence;
    private long tradersLong;
    private long tradersShort;

    private OraclePool(MarketSpec spec, PoolImpact impact, long spreadPpm, OracleConfidence confidence) {
        super(spec);
        this.spec = spec;
        this.impact = Objects.requireNonNull(impact, "impact");
        this.confidence = Objects.requireNonNull(confidence, "confidence");
        if (spreadPpm < 0 || spreadPpm >= Fixed.PPM) {
            throw new IllegalArgumentException("the spread must be in [0, 1,000,000) ppm: " + spreadPpm);
        }
        this.spreadPpm = spreadPpm;
    }

    /** A pool for {@code spec} trading at the index with {@code impact} and a spread of {@code spreadPpm} each way. */
    public static OraclePool of(MarketSpec spec, PoolImpact impact, long spreadPpm) {
        return new OraclePool(spec, impact, spreadPpm, OracleConfidence.NONE);
    }

    /** The same, pricing from the oracle's confidence interval as {@code confidence} says. */
    public static OraclePool of(MarketSpec spec, PoolImpact impact, long spreadPpm, OracleConfidence confidence) {
        return new OraclePool(spec, impact, spreadPpm, confidence);
    }

    /** The engine factory a venue builder takes, one pool per market. */
    public static java.util.function.Function<MarketSpec, MatchingEngine> factory(PoolImpact impact, long spreadPpm) {
        return factory(impact, spreadPpm, OracleConfidence.NONE);
    }

    /** The engine factory for pools that price from the oracle's confidence interval as {@code confidence} says. */
    public static java.util.function.Function<MarketSpec, MatchingEngine> factory(PoolImpact impact, long spreadPpm,
            OracleConfidence confidence) {
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(confidence, "confidence");
        return spec -> new OraclePool(spec, impact, spreadPpm, confidence);
    }

    @Override
    public void onPoolState(long indexPrice, long tradersLong, long tradersShort) {
        onPoolState(indexPrice, 0, tradersLong, tradersShort, null);
    }

    @Override
    public void onPoolState(long indexPrice, long confidence, long tradersLong, long tradersShort, long[] state) {
        this.index = indexPrice;
        this.indexConfidence = confidence;
        this.tradersLong = tradersLong;
        this.tradersShort = tradersShort;
    }

    /**
     * The price a trade of {@code size} on {@code side} would execute at now, in price units on
     * the tick; 0 if the pool has no index yet.
     */
    public long executionPrice(Side side, long size) {
        if (index <= 0 || confidence.refuses(index, indexConfidence)) {
            return 0;
        }
        long sizeUsd = spec.notional(size, index, RoundingMode.HALF_EVEN);
        long longUsd = spec.notional(tradersLong, index, RoundingMode.HALF_EVEN);
        long shortUsd = spec.notional(tradersShort, index, RoundingMode.HALF_EVEN);
        boolean buy = side == Side.BUY;
        long gain = impact.impactUsd(longUsd, shortUsd, sizeUsd, buy);
        long denominator = buy ? sizeUsd + gain : sizeUsd - gain;
        if (sizeUsd <= 0 || denominator <= 0) {
            return 0; // an impact that eats the whole trade: no price
        }
        long spreadFactorPpm = buy ? Fixed.PPM + spreadPpm : Fixed.PPM - spreadPpm;
        long start = confidence.startingPrice(index, indexConfidence, buy);
        if (start <= 0) {
            return 0;
        }
        // Exact in 128 bits and allocation-free; BigInteger only when the price itself would not fit a long.
        long price = PoolPriceMath.executionPrice(start, sizeUsd, spreadFactorPpm, denominator, buy);
        if (price == PoolPriceMath.NOT_FAST) {
            price = exactPrice(start, sizeUsd, spreadFactorPpm, denominator, buy);
        }
        long tick = spec.tickSize();
        long onTick = buy ? Fixed.divide(price, tick, RoundingMode.CEILING) * tick : price / tick * tick;
        return onTick > 0 ? onTick : 0;
    }

    /** The price before tick rounding with BigInteger: throws ArithmeticException if it does not fit a long. */
    private static long exactPrice(long start, long sizeUsd, long spreadFactorPpm, long denominator, boolean buy) {
        BigInteger numerator = BigInteger.valueOf(start).multiply(BigInteger.valueOf(sizeUsd))
                .multiply(BigInteger.valueOf(spreadFactorPpm));
        BigInteger scaled = BigInteger.valueOf(denominator).multiply(BigInteger.valueOf(Fixed.PPM));
        BigInteger[] qr = numerator.divideAndRemainder(scaled);
        return qr[0].longValueExact() + (buy && qr[1].signum() > 0 ? 1 : 0);
    }

    /** Spends the budget on the most whole lots it buys at the pool's price for that size. */
    @Override
    public long placeWithBudget(long orderId, long owner, Side side, long protectionPrice, long quoteBudget,
            MatchSink sink) {
        long perLot = spec().notional(spec().lotSize(), Math.max(1, index), RoundingMode.FLOOR);
        return placeWithBudget(orderId, side, protectionPrice, quoteBudget, quoteBudget / Math.max(1, perLot) + 1, sink);
    }

    @Override
    public String toString() {
        return "OraclePool[" + spec.id() + ", spread " + spreadPpm + " ppm, " + confidence + "]";
    }
}
