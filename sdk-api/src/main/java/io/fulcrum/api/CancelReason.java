package io.fulcrum.api;

/**
 * Why an order left the book without filling completely.
 *
 * <p>Example: an IOC order for 5 lots that finds 3 fills them and is cancelled with
 * {@link #UNFILLED_IOC} for the other 2.
 */
public enum CancelReason {
    /** The owner cancelled it. */
    USER_REQUEST,
    /** An immediate-or-cancel order's unfilled remainder (or a market order's). */
    UNFILLED_IOC,
    /** A fill-or-kill order that the book could not fill whole. */
    UNFILLED_FOK,
    /** The order would have traded with another order of the same account (self-trade prevention). */
    SELF_TRADE_PREVENTION,
    /**
     * The order met a taker, but filling it would have left its owner below initial margin
     * (the post-trade check), so the venue removed it instead.
     */
    INSUFFICIENT_MARGIN_AT_FILL,
    /** Its owner's account fell below maintenance and is being liquidated. */
    LIQUIDATION,
    /** Its good-till time came. */
    EXPIRED,
    /** A reduce-only order whose fill would no longer reduce the position (it shrank meanwhile). */
    REDUCE_ONLY_WOULD_INCREASE
}
