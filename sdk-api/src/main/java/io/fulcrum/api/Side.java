package io.fulcrum.api;

/**
 * The side of an order or trade: a buy increases a position, a sell decreases it.
 *
 * <p>Example: {@code Side.BUY.sign() == 1}; {@code Side.SELL.opposite() == Side.BUY}.
 */
public enum Side {
    BUY(1),
    SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** Returns +1 for a buy and -1 for a sell: the sign a fill of this side adds to a position. */
    public int sign() {
        return sign;
    }

    /** Returns the other side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
