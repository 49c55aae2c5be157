package io.fulcrum.api;

/**
 * When auto-deleveraging may close a bankrupt account's positions (MECHANISMS.md §1.5, §2.4,
 * §5.3): as soon as a liquidation leaves its equity below zero, or only once the book took none
 * of its liquidation orders.
 *
 * <p>Example: a 10 BTC long is bankrupt and dYdX-style liquidation sells a tenth of it into the
 * book. Under {@link #BANKRUPT} the other 9 BTC are deleveraged at once; under {@link #UNFILLED}
 * they wait for the next block, and are deleveraged only if that block's order finds no bid.
 */
public enum AdlTrigger {
    /** Whenever a liquidation leaves positions on an account whose equity is below zero (Hyperliquid, Binance, BitMEX). */
    BANKRUPT,
    /**
     * Only when the account's liquidation orders in this attempt filled nothing and its equity is
     * below zero: dYdX v4's {@code CanDeleverageSubaccount} (a liquidation order got no fill, TNC < 0).
     */
    UNFILLED
}
