package io.fulcrum.api;

/**
 * What a post-only order does if it would take liquidity (cross the book) when it arrives. A
 * post-only order exists to add liquidity and earn the maker fee; it never pays the taker fee.
 *
 * <p>Example, best ask 50,010.0 and tick 0.5: a post-only buy at 50,020.0 is refused with
 * {@link #REJECT}, and rests at 50,009.5 (one tick behind the touch) with {@link #REPRICE}.
 */
public enum PostOnly {
    /** An ordinary order: it may take liquidity. */
    NO,
    /** Refuse the order ({@link RejectReason#POST_ONLY_WOULD_TAKE}) if it would cross. */
    REJECT,
    /** Move the price to one tick behind the best opposite price if it would cross, then rest. */
    REPRICE
}
