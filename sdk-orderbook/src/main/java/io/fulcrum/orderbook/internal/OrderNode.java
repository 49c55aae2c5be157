package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;

/**
 * One resting order and its links in the FIFO queue of its {@link PriceLevel}.
 *
 * <p>The links live in the order itself (an intrusive list) so that an order found by id is
 * removed in O(1), without searching its level and without a separate list cell per order.
 *
 * <p>Example: order 7 of owner 3 resting as a bid of 5 lots at 1,000 is
 * {@code new OrderNode(7, 3, Side.BUY, 1_000, 5)}; a fill of 2 lowers its open size to 3.
 */
public final class OrderNode {
    private final long orderId;
    private final long owner;
    private final Side side;
    private final long price;
    private long openSize;

    // Maintained only by PriceLevel, which owns the queue the node is linked into.
    PriceLevel level;
    OrderNode prev;
    OrderNode next;

    /** A node for order {@code orderId} with {@code openSize} open at {@code price}; not yet in a level. */
    public OrderNode(long orderId, long owner, Side side, long price, long openSize) {
        this.orderId = orderId;
        this.owner = owner;
        this.side = side;
        this.price = price;
        this.openSize = openSize;
    }

    public long orderId() {
        return orderId;
    }

    /** The venue's key for the owning account. */
    public long owner() {
        return owner;
    }

    public Side side() {
        return side;
    }

    public long price() {
        return price;
    }

    /** What is still open, size units. */
    public long openSize() {
        return openSize;
    }

    /** The level this node is queued in, or {@code null} if it rests nowhere. */
    public PriceLevel level() {
        return level;
    }

    /** The order queued just ahead of this one, or {@code null} at the head. */
    public OrderNode prev() {
        return prev;
    }

    /** The order queued just behind this one, or {@code null} at the tail. */
    public OrderNode next() {
        return next;
    }

    void reduceOpenSize(long quantity) {
        openSize -= quantity;
    }
}
