package io.fulcrum.api;

/**
 * Whether a market trades. Oracle guards move a market between these states: a circuit breaker
 * after a move too large for its interval, a market calendar when a stock's exchange closes.
 *
 * <p>Example: a tokenized-stock market with a reduce-only out-of-hours policy is
 * {@code REDUCE_ONLY} on Saturday: a holder of 10 TSLA long may sell up to 10, nobody may buy.
 */
public enum MarketStatus {
    /** Every valid order is accepted. */
    OPEN,
    /**
     * Only orders that shrink the account's position (counting its other orders on that side)
     * are accepted; liquidations still run.
     */
    REDUCE_ONLY,
    /** No new orders and no liquidations; cancels still work. The price is held where it was. */
    HALTED;

    /** The more restrictive of this status and {@code other}. */
    public MarketStatus strictest(MarketStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
