package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * Tightens a market when its risk concentrates: when open interest or skew passes a line, the
 * venue can lower the leverage allowed on new risk, cap open interest and raise funding, as the
 * seed venues do by hand (issue 7's dynamic risk). The venue asks after every accepted command
 * and reports each change of limits as an event; existing positions keep their margin.
 *
 * <p>Example: above 10,000,000 USDC of open interest, new risk at most 5x and funding doubled.
 */
@FunctionalInterface
public interface RiskControl {
    /** The limits that apply to {@code inputs.market()} now. */
    Limits limits(Inputs inputs);

    /**
     * What a control may look at.
     *
     * @param market the market
     * @param time the command's time, epoch ms
     * @param indexPrice the index price (0 before the first)
     * @param longOpenInterest traders' long size, size units
     * @param shortOpenInterest traders' short size, size units
     */
    record Inputs(MarketSpec market, long time, long indexPrice, long longOpenInterest, long shortOpenInterest) {
        public Inputs {
            Objects.requireNonNull(market, "market");
        }
    }

    /**
     * The limits in force.
     *
     * @param maxLeverage the most leverage an order adding risk may use (0: the market's own)
     * @param maxOpenInterest the most open interest, settlement units at the index, an order may take
     *     the market to ({@link Long#MAX_VALUE}: none)
     * @param fundingMultiplierPpm what funding rates are multiplied by, ppm (1,000,000: unchanged)
     * @param reason why, in words ("" when nothing is tightened)
     */
    record Limits(long maxLeverage, long maxOpenInterest, long fundingMultiplierPpm, String reason) {
        /** Nothing tightened. */
        public static final Limits NONE = new Limits(0, Long.MAX_VALUE, 1_000_000, "");

        public Limits {
            Objects.requireNonNull(reason, "reason");
            if (maxLeverage < 0 || maxOpenInterest < 0 || fundingMultiplierPpm < 0) {
                throw new IllegalArgumentException("limits must not be negative: leverage " + maxLeverage
                        + ", open interest " + maxOpenInterest + ", funding multiplier " + fundingMultiplierPpm);
            }
        }
    }
}
