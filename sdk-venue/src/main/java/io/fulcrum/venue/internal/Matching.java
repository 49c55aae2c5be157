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
 * fill that adds risk, is removed instead of filled, and matching goes on. It also follows what
 * the engine does without trading: self-trade prevention and iceberg refills.
 */
final class Matching implements MatchSink {
    private final Ledger ledger;
    private final Settlement settlement;

    // The order being matched: a new order, an amended order re-entering, or a liquidation.
    private MarketRuntime market;
    private AccountState account;
    private long orderId;
    private Side side;
    private long size;
    private long filled;
    private boolean reduceOnly;
    private boolean postOnly;
    private long expiresAt;
    private long displaySize;
    private long now;
    private int slot;
    private List<Event> events;

    Matching(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    /** Matches a new limit (or iceberg) order; reports an IOC or FOK remainder as cancelled. */
    void place(MarketRuntime market, AccountState account, int slot, long orderId, Side side, long price, long size,
            TimeInForce tif, boolean reduceOnly, boolean postOnly, long expiresAt, long displaySize, long now,
            List<Event> out) {
        begin(market, account, orderId, side, size, 0, reduceOnly, postOnly, expiresAt, displaySize, now, out);
        this.slot = slot;
        tellPool(market);
        long dropped = displaySize > 0
                ? market.engine.placeIceberg(orderId, account.key, side, price, size, displaySize, this)
                : market.engine.place(orderId, account.key, side, price, size, tif, this);
        if (dropped > 0) {
            out.add(new Event.OrderCancelled(OrderId.of(orderId), account.id, market.spec.id(), dropped,
                    tif == TimeInForce.FOK ? CancelReason.UNFILLED_FOK : CancelReason.UNFILLED_IOC));
        }
        end();
    }

    /**
     * Matches a market order sized by a quote budget; what its worst-case size did not fill is
     * reported as cancelled.
     */
    void placeWithBudget(MarketRuntime market, AccountState account, int slot, long orderId, Side side,
            long protectionPrice, long quoteBudget, long maxSize, long now, List<Event> out) {
        begin(market, account, orderId, side, maxSize, 0, false, false, 0, 0, now, out);
        this.slot = slot;
        tellPool(market);
        market.engine.placeWithBudget(orderId, account.key, side, protectionPrice, quoteBudget, this);
        long unfilled = size - filled;
        if (unfilled > 0) {
            out.add(new Event.OrderCancelled(OrderId.of(orderId), account.id, market.spec.id(), unfilled,
                    CancelReason.UNFILLED_IOC));
        }
        end();
    }

    /** Gives {@code market}'s engine the time, so that a batch auction can clear; crosses settle here. */
    void advanceTime(MarketRuntime market, long now, List<Event> out) {
        begin(market, null, 0, null, 0, 0, false, false, 0, 0, now, out);
        market.engine.onTime(now, this);
        end();
    }

    /** Re-enters a resting order with a new price and/or open size; true if it kept priority. */
    boolean amend(MarketRuntime market, OpenOrder order, long newPrice, long newSize, long newOpen, long now,
            List<Event> out) {
        begin(market, order.account, order.orderId, order.side, newSize, order.filled, order.reduceOnly,
                order.postOnly, order.expiresAt, order.displaySize, now, out);
        this.slot = order.slot;
        boolean kept = market.engine.amend(order.orderId, newPrice, newOpen, this);
        end();
        return kept;
    }

    /**
     * A pool engine keeps no state: it learns the index and the traders' open interest on each
     * side (the pool holds the difference) just before each taker order.
     */
    private void tellPool(MarketRuntime market) {
        if (market.vault == null) {
            return;
        }
        market.engine.onPoolState(market.indexPrice, market.indexConfidence, ledger.tradersOpenInterest(market, Side.BUY),
                ledger.tradersOpenInterest(market, Side.SELL), market.poolState);
    }

    private void begin(MarketRuntime market, AccountState account, long orderId, Side side, long size, long filled,
            boolean reduceOnly, boolean postOnly, long expiresAt, long displaySize, long now, List<Event> out) {
        this.market = market;
        this.account = account;
        this.orderId = orderId;
        this.side = side;
        this.size = size;
        this.filled = filled;
        this.reduceOnly = reduceOnly;
        this.postOnly = postOnly;
        this.expiresAt = expiresAt;
        this.displaySize = displaySize;
        this.now = now;
        this.events = out;
    }

    private void end() {
        market = null;
        account = null;
        events = null;
    }

    @Override
    public void onPoolFill(long takerOrderId, long price, long quantity) {
        if (market.vault == null) {
            throw new IllegalStateException(market.spec.id() + ": a book engine reported a pool fill");
        }
        settlement.settlePoolFill(market, account, slot, takerOrderId, side, price, quantity, events);
        market.lastTradePrice = price;
        filled += quantity;
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        OpenOrder maker = resting(makerOrderId);
        CancelReason refusal = makerRefusal(maker, quantity);
        if (refusal != null) {
            settlement.unregister(maker);
            events.add(new Event.OrderCancelled(OrderId.of(makerOrderId), maker.account.id, market.spec.id(),
                    maker.openSize, refusal));
            return false;
        }
        settlement.settleFill(market, maker, account, slot, takerOrderId, side, price, quantity, events);
        filled += quantity;
        return true;
    }

    /**
     * An auction paired two resting orders. Each must pass the same post-trade check as a maker
     * (not expired, reduce-only still reducing, margin for added risk); a failing one is removed
     * and the engine pairs on.
     */
    @Override
    public int onCross(long buyOrderId, long sellOrderId, long price, long quantity) {
        OpenOrder buy = resting(buyOrderId);
        OpenOrder sell = resting(sellOrderId);
        CancelReason buyRefusal = makerRefusal(buy, quantity);
        CancelReason sellRefusal = makerRefusal(sell, quantity);
        if (buyRefusal != null || sellRefusal != null) {
            if (buyRefusal != null) {
                removeRefused(buy, buyRefusal);
            }
            if (sellRefusal != null) {
                removeRefused(sell, sellRefusal);
            }
            return buyRefusal != null && sellRefusal != null ? REMOVE_BOTH : buyRefusal != null ? REMOVE_BUY : REMOVE_SELL;
        }
        settlement.settleCross(market, buy, sell, price, quantity, events);
        return CROSS;
    }

    private void removeRefused(OpenOrder order, CancelReason reason) {
        settlement.unregister(order);
        events.add(new Event.OrderCancelled(OrderId.of(order.orderId), order.account.id, market.spec.id(),
                order.openSize, reason));
    }

    @Override
    public void onRested(long restingId, Side restingSide, long price, long openSize) {
        OpenOrder order = new OpenOrder(restingId, account, market.index, slot, restingSide, price, size, filled,
                reduceOnly, postOnly, expiresAt, displaySize);
        order.openSize = openSize;
        // An iceberg shows nothing until the engine cuts its first slice (onReplenished follows).
        order.visibleSize = displaySize > 0 ? 0 : openSize;
        settlement.register(order);
        events.add(new Event.OrderRested(OrderId.of(restingId), account.id, market.spec.id(), restingSide, price,
                openSize));
    }

    @Override
    public void onReduced(long reducedId, long reducedBy, long openSize, CancelReason reason) {
        if (account != null && reducedId == orderId && ledger.openOrders.get(reducedId) == null) {
            // The incoming order itself, before it rests: it will rest (if at all) with less.
            size -= reducedBy;
            report(reducedId, account, reducedBy, openSize, reason);
            return;
        }
        OpenOrder order = resting(reducedId);
        settlement.reduce(order, reducedBy);
        if (order.openSize != openSize) {
            throw new IllegalStateException("engine and ledger disagree on reduced order " + reducedId + ": "
                    + openSize + " vs " + order.openSize);
        }
        report(reducedId, order.account, reducedBy, openSize, reason);
    }

    private void report(long id, AccountState owner, long reducedBy, long openSize, CancelReason reason) {
        events.add(openSize == 0
                ? new Event.OrderCancelled(OrderId.of(id), owner.id, market.spec.id(), reducedBy, reason)
                : new Event.OrderReduced(OrderId.of(id), owner.id, market.spec.id(), reducedBy, openSize, reason));
    }

    @Override
    public void onReplenished(long icebergId, long price, long visibleSize) {
        OpenOrder order = resting(icebergId);
        settlement.replenish(order, visibleSize);
        events.add(new Event.IcebergReplenished(OrderId.of(icebergId), order.account.id, market.spec.id(), price,
                visibleSize));
    }

    private OpenOrder resting(long id) {
        OpenOrder order = ledger.openOrders.get(id);
        if (order == null) {
            throw new IllegalStateException("engine reported order " + id + " which the ledger does not hold");
        }
        return order;
    }

    /** Why {@code maker} must not fill {@code quantity} now, or null if it may. */
    private CancelReason makerRefusal(OpenOrder maker, long quantity) {
        if (maker.isExpiredAt(now)) {
            return CancelReason.EXPIRED;
        }
        PositionState position = maker.account.positions[maker.slot];
        boolean reduces = position != null && position.size != 0 && Long.signum(position.size) != maker.side.sign()
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
