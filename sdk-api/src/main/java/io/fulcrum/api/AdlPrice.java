package io.fulcrum.api;

/**
 * The price auto-deleveraging closes a bankrupt position at (MECHANISMS.md §1.5, §2.4, §5.3).
 *
 * <p>Example: a long of 1 BTC entered at 50,000, marked at 40,000, on 7,000 of margin has equity
 * −3,000; its bankruptcy price is 43,000, where closing it leaves exactly nothing.
 */
public enum AdlPrice {
    /**
     * The price at which closing the position leaves the account's equity at zero, so the
     * counterparties absorb its deficit (dYdX, Binance, BitMEX). With several positions the
     * deficit is shared in proportion to their notional.
     */
    BANKRUPTCY,
    /**
     * The mark price (Hyperliquid uses the previous mark): counterparties close at a fair price and
     * whatever deficit remains goes to the rest of the loss waterfall.
     */
    MARK
}
