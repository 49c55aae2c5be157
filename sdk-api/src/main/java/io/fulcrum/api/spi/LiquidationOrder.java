package io.fulcrum.api.spi;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.Side;
import java.util.Objects;

/**
 * One order a {@link LiquidationPolicy} wants sent to the book on behalf of an account below
 * maintenance: an immediate-or-cancel order that may trade no worse than {@code worstPrice}.
 *
 * <p>Example: close a long of 2 BTC no lower than 47,500.0: {@code new LiquidationOrder(btc,
 * Side.SELL, 20_000, 475_000)}.
 *
 * @param market the market of the position
 * @param side the closing side (opposite the position)
 * @param size how much to close, size units, positive and on lot
 * @param worstPrice the limit price of the IOC order
 */
public record LiquidationOrder(MarketId market, Side side, long size, long worstPrice) {
    public LiquidationOrder {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        if (size <= 0) {
            throw new IllegalArgumentException("liquidation size must be positive: " + size);
        }
        if (worstPrice <= 0) {
            throw new IllegalArgumentException("liquidation worst price must be positive: " + worstPrice);
        }
    }
}
