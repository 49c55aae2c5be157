package io.fulcrum.venue.internal;

import io.fulcrum.api.PositionSide;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.TriggerPrice;
import io.fulcrum.api.TriggerType;

/** A conditional order waiting for its reference price; it reserves nothing until it fires. */
record TriggerOrder(long id, AccountState account, int market, Side side, TriggerType type, TriggerPrice reference,
        long triggerPrice, long limitPrice, long size, TimeInForce timeInForce, boolean reduceOnly,
        PositionSide positionSide) {

    /** The current value of this order's reference price in {@code market}, or 0 if there is none yet. */
    long referencePrice(MarketRuntime m) {
        switch (reference) {
            case MARK:
                return m.markPrice;
            case INDEX:
                return m.indexPrice;
            case LAST_TRADE:
                return m.lastTradePrice;
            default:
                throw new IllegalStateException("unknown reference " + reference);
        }
    }

    boolean isDue(MarketRuntime m) {
        long price = referencePrice(m);
        return price > 0 && type.isReached(side, price, triggerPrice);
    }
}
