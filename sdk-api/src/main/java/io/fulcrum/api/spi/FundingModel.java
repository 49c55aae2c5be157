package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;

/**
 * Sets a market's funding rate: the periodic payment between longs and shorts that pulls the
 * perpetual's price towards the index. Families: premium + interest with a clamp (Binance,
 * Hyperliquid), dYdX's margin-bounded clamp, velocity (Synthetix), adaptive skew (GMX),
 * mark-vs-oracle TWAP (Drift) (MECHANISMS.md §7).
 *
 * <p>The venue drives it: every {@link #sampleIntervalMillis()} it measures the premium of the
 * market's book over the index at the {@link #impactNotional impact notional} and hands it to
 * {@link #onPremiumSample}; every {@link #intervalMillis()} it asks {@link #ratePpb} for the rate
 * of the interval just ended and accrues it into the market's cumulative funding index, which
 * positions settle against when they change (no work per account at each tick). The model's
 * memory (its samples, an adaptive rate) lives in {@code state}, which the venue owns,
 * snapshots and hashes.
 *
 * <p>Example, Hyperliquid: average premium 0.1 % gives F_8h = 0.1 % + clamp(0.01 % − 0.1 %,
 * ±0.05 %) = 0.05 %, paid hourly as 0.00625 %: {@code ratePpb} returns 62,500.
 */
public interface FundingModel {
    /** The length of one funding interval, in ms (Hyperliquid and dYdX: 1 h; Binance: 8 h). */
    long intervalMillis();

    /** How often the venue samples the premium between payments, in ms; 0 (the default): never. */
    default long sampleIntervalMillis() {
        return 0;
    }

    /**
     * The notional, in settlement units, of the market order whose average fill price on each
     * side is the impact bid and ask a premium sample compares with the index (Hyperliquid:
     * 20,000 USDC for BTC; dYdX: per liquidity tier).
     */
    default long impactNotional(MarketSpec market) {
        return 0;
    }

    /** How many {@code long}s of memory the model needs; 0 to 1,024. */
    default int stateSize() {
        return 0;
    }

    /**
     * One premium sample at {@code time}: the book's impact prices against the index, in parts
     * per billion of the index, positive when the book trades above it (0 when a side is too
     * thin, or for a pool).
     */
    default void onPremiumSample(long time, long premiumPpb, long[] state) {}

    /**
     * The rate for the interval ending at {@code inputs.time()}, in parts per billion of the
     * position's notional at the index price; positive when longs pay shorts. The model may
     * forget the interval's samples here.
     */
    long ratePpb(FundingInputs inputs, long[] state);
}
