package io.fulcrum.venue.internal;

import io.fulcrum.api.Side;

/**
 * The kernel's record of an order resting in a book: who owns it, what margin exposure it
 * reserves, and the rules the kernel enforces on it (reduce-only, post-only, expiry). The
 * engine holds the queue; this holds the money side.
 */
final class OpenOrder {
    final long orderId;
    final AccountState account;
    final int market;
    /** The owner's position slot the order acts on (a hedge-mode leg, or the net position). */
    final int slot;
    final Side side;
    final boolean reduceOnly;
    final boolean postOnly;
    final long expiresAt;
    /** An iceberg's slice size, or 0 for an ordinary order. */
    final long displaySize;
    long price;
    long size;
    long filled;
    long openSize;
    /** What shows in the book: the open size, or an iceberg's current slice. */
    long visibleSize;
    long reservedNotional;

    OpenOrder(long orderId, AccountState account, int market, int slot, Side side, long price, long size, long filled,
            boolean reduceOnly, boolean postOnly, long expiresAt, long displaySize) {
        this.orderId = orderId;
        this.account = account;
        this.market = market;
        this.slot = slot;
        this.side = side;
        this.price = price;
        this.size = size;
        this.filled = filled;
        this.reduceOnly = reduceOnly;
        this.postOnly = postOnly;
        this.expiresAt = expiresAt;
        this.displaySize = displaySize;
    }

    boolean isExpiredAt(long now) {
        return expiresAt != 0 && expiresAt <= now;
    }
}
