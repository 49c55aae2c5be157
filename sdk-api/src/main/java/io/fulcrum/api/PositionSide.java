package io.fulcrum.api;

/**
 * The leg an order acts on: {@link #BOTH} (the net position) in one-way mode, {@link #LONG} or
 * {@link #SHORT} in hedge mode ({@link PositionMode}).
 *
 * <p>Example: in hedge mode {@code Side.SELL} with {@code LONG} closes the long leg; with
 * {@code SHORT} it opens or adds to the short leg.
 */
public enum PositionSide {
    /** The net position of a one-way account. */
    BOTH,
    /** A hedge-mode account's long leg. */
    LONG,
    /** A hedge-mode account's short leg. */
    SHORT;

    /** True if an order of {@code side} on this leg shrinks it (sells the long leg, buys the short one). */
    public boolean isClosedBy(Side side) {
        return this == LONG ? side == Side.SELL : this == SHORT && side == Side.BUY;
    }
}
