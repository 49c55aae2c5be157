package io.fulcrum.api;

/**
 * Which way a price must move to fire a conditional order.
 *
 * <ul>
 *   <li>{@link #STOP}: a buy fires when the reference price rises to the trigger or above, a
 *       sell when it falls to the trigger or below (a stop-loss on a long is a sell stop);
 *   <li>{@link #TAKE_PROFIT}: a sell fires when the price rises to the trigger or above, a buy
 *       when it falls to it or below (taking profit on a long is a sell take-profit).
 * </ul>
 *
 * <p>Example: long from 50,000, a sell STOP at 48,000 fires when the mark reaches 48,000; a
 * sell TAKE_PROFIT at 55,000 fires when it reaches 55,000.
 */
public enum TriggerType {
    STOP,
    TAKE_PROFIT;

    /** True if {@code reference} has reached {@code trigger} for an order of {@code side}. */
    public boolean isReached(Side side, long reference, long trigger) {
        boolean firesRising = (this == STOP) == (side == Side.BUY);
        return firesRising ? reference >= trigger : reference <= trigger;
    }
}
