package io.fulcrum.api.spi;

/**
 * Sets a market's funding rate: the periodic payment between longs and shorts that pulls the
 * perpetual's price towards the index. Families: premium + interest with a clamp (Binance,
 * Hyperliquid), velocity (Synthetix), adaptive skew (GMX), mark-vs-oracle TWAP (Drift)
 * (MECHANISMS.md §7).
 *
 * <p>Example, Hyperliquid: average premium 0.1 % gives F_8h = 0.1 % + clamp(0.01 % − 0.1 %,
 * ±0.05 %) = 0.05 %, paid hourly as 0.00625 %.
 */
public interface FundingModel {
    /** The length of one funding interval, in ms. */
    long intervalMillis();

    /**
     * The rate for the interval ending at {@code inputs.time()}, in parts per billion of the
     * position's notional at the index price; positive when longs pay shorts.
     */
    long ratePpb(FundingInputs inputs);
}
