package io.fulcrum.venue.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import java.util.List;

/**
 * Runs one order through its market's engine and settles what the engine reports. Before each
 * fill it checks the maker (the post-trade check): an expired maker, a reduce-only maker whose
 * fill would no longer reduce, or a maker whose account no longer meets initial margin for a
 * fill that adds risk, is removed instead of filled, and matching goes on.
 */
final class Matching implements MatchSink {
    private final Ledger ledger;
    private final Settlement settlement;

    // The order being matched: a new order, an amended order re-entering, or a liquidation.
    private MarketRuntime market;
    private AccountState account;
    private Side side;
    private long size;
    private long filled;
    private boolean reduceOnly;
    private boolean postOnly;
    private long expiresAt;
    private long now;
    private List<Event> events;

    Matching(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /** Matches a new order; reports an IOC remainder as cancelled. */
    void place(MarketRuntime market, AccountState account, long orderId, Side side, long price, long size,
            TimeInForce tif, boolean reduceOnly, boolean postOnly, long expiresAt, long now, List<Event> out) {
        begin(market, account, side, size, 0, reduceOnly, postOnly, expiresAt, now, out);
        long dropped = market.engine.place(orderId, account.key, side, price, size, tif, this);
        if (dropped > 0) {
            out.add(new Event.OrderCancelled(OrderId.of(orderId), account.id, market.spec.id(), dropped,
                    CancelReason.UNFILLED_IOC));
        }
        end();
    }

    /** Re-enters a resting order with a new price and/or open size; true if it kept priority. */
    boolean amend(MarketRuntime market, OpenOrder order, long newPrice, long newSize, long newOpen, long now,
            List<Event> out) {
        begin(market, order.account, order.side, newSize, order.filled, order.reduceOnly, order.postOnly,
                order.expiresAt, now, out);
        boolean kept = market.engine.amend(order.orderId, newPrice, newOpen, this);
        end();
        return kept;
    }

    private void begin(MarketRuntime market, AccountState account, Side side, long size, long filled,
            boolean reduceOnly, boolean postOnly, long expiresAt, long now, List<Event> out) {
        this.market = market;
        this.account = account;
        this.side = side;
        this.size = size;
        this.filled = filled;
        this.reduceOnly = reduceOnly;
        this.postOnly = postOnly;
        this.expiresAt = expiresAt;
        this.now = now;
        this.events = out;
    }

    private void end() {
        market = null;
        account = null;
        events = null;
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        OpenOrder maker = ledger.openOrders.get(makerOrderId);
        if (maker == null) {
            throw new IllegalStateException("engine matched order " + makerOrderId + " which the ledger does not hold");
        }
        CancelReason refusal = makerRefusal(maker, quantity);
        if (refusal != null) {
            settlement.unregister(maker);
            events.add(new Event.OrderCancelled(OrderId.of(makerOrderId), maker.account.id, market.spec.id(),
                    maker.openSize, refusal));
            return false;
        }
        settlement.settleFill(market, maker, account, takerOrderId, side, price, quantity, events);
        filled += quantity;
        return true;
    }

    @Override
    public void onRested(long orderId, Side restingSide, long price, long openSize) {
        OpenOrder order = new OpenOrder(orderId, account, market.index, restingSide, price, size, filled, reduceOnly,
                postOnly, expiresAt);
        order.openSize = openSize;
        settlement.register(order);
        events.add(new Event.OrderRested(OrderId.of(orderId), account.id, market.spec.id(), restingSide, price,
                openSize));
    }

    /** Why {@code maker} must not fill {@code quantity} now, or null if it may. */
    private CancelReason makerRefusal(OpenOrder maker, long quantity) {
        if (maker.isExpiredAt(now)) {
            return CancelReason.EXPIRED;
        }
        PositionState position = maker.account.positions[maker.market];
        boolean reduces = position.size != 0 && Long.signum(position.size) != maker.side.sign()
                && quantity <= Math.abs(position.size);
        if (maker.reduceOnly && !reduces) {
            return CancelReason.REDUCE_ONLY_WOULD_INCREASE;
        }
        if (!reduces && !ledger.evaluate(maker.account).meetsInitial()) {
            return CancelReason.INSUFFICIENT_MARGIN_AT_FILL;
        }
        return null;
    }
}
