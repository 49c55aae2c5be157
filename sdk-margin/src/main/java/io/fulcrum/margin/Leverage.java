package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.margin.internal.Valuation;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The leverage a user chose for a market, as on Hyperliquid (MECHANISMS.md §1.3) and Binance
 * (§5.1): a whole number from 1 to the maximum of the risk tier the position's notional falls in,
 * and an initial margin of {@code |q| * mark / leverage}, rounded up.
 *
 * <p>The maximum is {@link RiskTier#maxLeverage()} of the tier of the position's notional (after
 * the order), so a larger position may need a lower leverage. Since that maximum is rounded down,
 * the initial margin at any allowed leverage is at least the tier's own initial rate.
 *
 * <p>Example: Hyperliquid BTC allows 40x below 150M USDC of notional and 20x above. 40x is allowed
 * for a 100M position but not a 200M one; at 20x a position of notional 100,000 needs initial
 * margin 5,000.
 *
 * @param times the leverage, from 1 to 1,000,000 (a margin of one ppm)
 */
public record Leverage(long times) {
    public Leverage {
        if (times < 1 || times > Fixed.PPM) {
            throw new IllegalArgumentException("leverage must be in [1, 1,000,000]x: " + times);
        }
    }

    /** The leverage {@code times}x. */
    public static Leverage of(long times) {
        return new Leverage(times);
    }

    /** The highest leverage {@code market} allows for a position of notional {@code notional}. */
    public static long maximum(MarketSpec market, long notional) {
        Objects.requireNonNull(market, "market");
        return market.tierFor(notional).maxLeverage();
    }

    /** True if {@code market} allows this leverage for a position of notional {@code notional}. */
    public boolean isAllowed(MarketSpec market, long notional) {
        return times <= maximum(market, notional);
    }

    /**
     * Returns this leverage if {@code market} allows it for a position of notional {@code notional}.
     *
     * @throws IllegalArgumentException naming the market, the leverage, the maximum and the tier if not
     */
    public Leverage requireAllowed(MarketSpec market, long notional) {
        long maximum = maximum(market, notional);
        if (times > maximum) {
            int tier = market.tierIndex(notional);
            throw new IllegalArgumentException(market.id() + ": leverage " + times + "x exceeds the maximum " + maximum
                    + "x of risk tier " + tier + " (from notional " + market.riskTiers().get(tier).notionalFloor()
                    + ") for a position of notional " + notional);
        }
        return this;
    }

    /**
     * The initial margin of {@code size} at {@code mark}: the notional (rounded up) over the
     * leverage, rounded up, and never less than the risk tier's own requirement (as
     * {@link CrossMargin} counts it): a third cannot be written in ppm, so the 3x tier's 333,334 ppm
     * asks a hair more than {@code notional / 3}.
     */
    public long initialMargin(MarketSpec market, long size, long mark) {
        Objects.requireNonNull(market, "market");
        long notional = Valuation.requirementNotional(market, size, mark);
        // ceil(ceil(x) / n) == ceil(x / n) for a whole n, so rounding the notional first loses nothing.
        return Math.max(market.initialRequirement(notional), Fixed.divide(notional, times, RoundingMode.CEILING));
    }

    /**
     * The initial margin fraction this leverage stands for, in ppm rounded up: 10x is 100,000. It is
     * dYdX's custom initial fraction ({@link OpenInterestMargin#effectiveInitialFractionPpm(long, long)}).
     */
    public long initialFractionPpm() {
        return Fixed.divide(Fixed.PPM, times, RoundingMode.CEILING);
    }

    @Override
    public String toString() {
        return times + "x";
    }
}
