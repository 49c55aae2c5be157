package io.fulcrum.venue.internal;

import io.fulcrum.api.Side;

/**
 * The kernel's record of an order resting in a book: who owns it and what margin exposure it
 * reserves. The engine holds the queue; this holds the money side.
 */
final class OpenOrder {
    final long orderId;
    final AccountState account;
    final int market;
    final Side side;
    long price;
    long size;
    long filled;
    long openSize;
    long reservedNotional;

    OpenOrder(long orderId, AccountState account, int market, Side side, long price, long size, long filled) {
        this.orderId = orderId;
        this.account = account;
        this.market = market;
        this.side = side;
        this.price = price;
        this.size = size;
        this.filled = filled;
    }
}
