package io.fulcrum.api.spi;

import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;

/**
 * An order resting in a book, as a {@link MatchingEngine} reports it for snapshots and restores
 * it on recovery.
 *
 * <p>Example: {@code new RestingOrder(17, 3, Side.SELL, 500_100, 25)}: order 17 of owner key 3
 * offers 25 lots at 50,010.0.
 *
 * @param orderId the order's id
 * @param owner the venue's key for the owning account
 * @param side buy or sell
 * @param price limit price, price units
 * @param openSize what is still open, size units, hidden reserve included
 * @param displaySize an iceberg order's slice size, or 0 for an ordinary order
 * @param visibleSize what shows in the book now (equals {@code openSize} for an ordinary order)
 * @param timeInForce GTC, or IOC for an order that waits for a batch auction and leaves after it
 */
public record RestingOrder(long orderId, long owner, Side side, long price, long openSize, long displaySize,
        long visibleSize, TimeInForce timeInForce) {

    public RestingOrder {
        java.util.Objects.requireNonNull(side, "side");
        java.util.Objects.requireNonNull(timeInForce, "timeInForce");
    }

    /** A good-till-cancelled resting order, possibly an iceberg. */
    public RestingOrder(long orderId, long owner, Side side, long price, long openSize, long displaySize,
            long visibleSize) {
        this(orderId, owner, side, price, openSize, displaySize, visibleSize, TimeInForce.GTC);
    }

    /** An ordinary (fully visible, good-till-cancelled) resting order. */
    public RestingOrder(long orderId, long owner, Side side, long price, long openSize) {
        this(orderId, owner, side, price, openSize, 0, openSize, TimeInForce.GTC);
    }
}
