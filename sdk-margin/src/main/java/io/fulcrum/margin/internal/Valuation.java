package io.fulcrum.margin.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.PriceView;
import java.math.RoundingMode;

/**
 * Values positions at mark, rounding every figure against the account (for the venue): a
 * long's value rounds down, a short's liability rounds up, and the notional a requirement is
 * computed on rounds up.
 */
public final class Valuation {
    private Valuation() {}

    /**
     * The market's mark price; a market without one is an error, never a position worth 0.
     *
     * @throws IllegalStateException if the mark is {@link PriceView#NO_PRICE} or not positive
     */
    public static long requireMark(PriceView prices, MarketSpec market) {
        long mark = prices.markPrice(market.id());
        if (mark <= 0) {
            throw new IllegalStateException(market.id() + " has no mark price (" + mark
                    + "): positions cannot be valued, and a venue must not evaluate margin without prices");
        }
        return mark;
    }

    /**
     * The signed value of {@code size} at {@code mark} in settlement units: {@code +notional} for a
     * long, rounded down; {@code -notional} for a short, its magnitude rounded up.
     */
    public static long positionValue(MarketSpec market, long size, long mark) {
        if (size >= 0) {
            return market.notional(size, mark, RoundingMode.FLOOR);
        }
        return -market.notional(size, mark, RoundingMode.CEILING);
    }

    /** The notional of {@code |size|} at {@code mark} that requirements are computed on, rounded up. */
    public static long requirementNotional(MarketSpec market, long size, long mark) {
        return market.notional(size, mark, RoundingMode.CEILING);
    }

    /** Unrealised PnL at mark: {@link #positionValue} minus the signed cost basis. */
    public static long unrealisedPnl(MarketSpec market, long size, long costBasis, long mark) {
        return Fixed.subtract(positionValue(market, size, mark), costBasis);
    }
}
