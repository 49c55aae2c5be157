package io.fulcrum.venue.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.PositionView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places, cancels and amends orders: validation against the market spec, the pre-trade margin
 * check, matching through the market's engine, and the post-trade check on each maker.
 *
 * <p>The pre-trade check evaluates the account as if the new order rested in full next to its
 * other resting orders (the margin model then assumes the worst side fills at the limit
 * prices), with the taker fee on the whole order held back. An order that only reduces the
 * position (together with the account's other orders on its side) is always allowed, so an
 * account below initial margin can still close risk.
 */
final class OrderHandler implements MatchSink {
    private final Ledger ledger;
    private final Settlement settlement;

    // The order being matched (a new order, an amended order re-entering, or a liquidation).
    private MarketRuntime activeMarket;
    private AccountState activeAccount;
    private Side activeSide;
    private long activeSize;
    private long activeFilled;
    private List<Event> events;

    OrderHandler(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    void place(Command.PlaceOrder c, List<Event> out) {
        AccountState account = ledger.account(c.account());
        MarketRuntime market = ledger.market(c.market());
        MarketSpec spec = market.spec;
        OrderRules.requireValidSize(spec, c.size());
        OrderRules.requireValidPrice(spec, c.price());
        long notional = OrderRules.checkedNotional(spec, c.size(), c.price());
        OrderRules.requireMinNotional(spec, notional);
        long reserved = Settlement.reservedNotional(spec, c.side(), c.size(), c.price());
        OrderRules.requireUsablePrice(market, market.priceSource.read(ledger.observations::get, c.time()));
        requirePositionBound(account, market, c.size());
        if (!reducesOnly(account, market, c.side(), c.size())) {
            requireInitialMargin(account, market, c.side(), c.size(), reserved, 0, 0);
        }
        long orderId = ledger.nextOrderId++;
        out.add(new Event.OrderAccepted(OrderId.of(orderId), c.account(), c.market(), c.side(), c.price(), c.size(),
                c.timeInForce()));
        match(market, account, orderId, c.side(), c.price(), c.size(), c.timeInForce(), out);
    }

    /** Sends a liquidation policy's order into the book as an IOC, without the initial-margin check. */
    void liquidate(AccountState account, LiquidationOrder order, List<Event> out) {
        MarketRuntime market = ledger.market(order.market());
        PositionState position = account.positions[market.index];
        long size = position == null ? 0 : Math.min(order.size(), Math.abs(position.size));
        if (size == 0 || !market.spec.isOnLot(size) || !market.spec.isOnTick(order.worstPrice())
                || position.size * order.side().sign() > 0) {
            throw new IllegalStateException("liquidation policy produced an order that does not close a position: "
                    + order + " for " + account.id);
        }
        long orderId = ledger.nextOrderId++;
        out.add(new Event.OrderAccepted(OrderId.of(orderId), account.id, market.spec.id(), order.side(),
                order.worstPrice(), size, TimeInForce.IOC));
        match(market, account, orderId, order.side(), order.worstPrice(), size, TimeInForce.IOC, out);
    }

    void cancel(Command.CancelOrder c, List<Event> out) {
        AccountState account = ledger.account(c.account());
        MarketRuntime market = ledger.market(c.market());
        OpenOrder order = ownedOrder(account, market, c.order());
        long open = market.engine.cancel(order.orderId);
        if (open != order.openSize) {
            throw new IllegalStateException("engine and ledger disagree on order " + order.orderId + ": " + open
                    + " vs " + order.openSize);
        }
        settlement.release(order);
        ledger.openOrders.remove(order.orderId);
        out.add(new Event.OrderCancelled(c.order(), c.account(), c.market(), open, CancelReason.USER_REQUEST));
    }

    void amend(Command.AmendOrder c, List<Event> out) {
        AccountState account = ledger.account(c.account());
        MarketRuntime market = ledger.market(c.market());
        MarketSpec spec = market.spec;
        OpenOrder order = ownedOrder(account, market, c.order());
        OrderRules.requireValidSize(spec, c.newSize());
        OrderRules.requireValidPrice(spec, c.newPrice());
        if (c.newPrice() == order.price && c.newSize() == order.size) {
            throw Rejection.of(RejectReason.NOTHING_TO_AMEND, c.order().toString());
        }
        if (c.newSize() <= order.filled) {
            throw Rejection.of(RejectReason.AMEND_BELOW_FILLED,
                    "new size " + c.newSize() + ", already filled " + order.filled);
        }
        long newOpen = c.newSize() - order.filled;
        OrderRules.checkedNotional(spec, newOpen, c.newPrice()); // bounds the open notional before anything moves
        OrderRules.requireMinNotional(spec, OrderRules.checkedNotional(spec, c.newSize(), c.newPrice()));
        long notional = Settlement.reservedNotional(spec, order.side, newOpen, c.newPrice());
        boolean keepsPriority = c.newPrice() == order.price && newOpen <= order.openSize;
        if (!keepsPriority) {
            OrderRules.requireUsablePrice(market, market.priceSource.read(ledger.observations::get, c.time()));
            requirePositionBound(account, market, newOpen);
            if (!reducesOnly(account, market, order.side, newOpen - order.openSize)) {
                requireInitialMargin(account, market, order.side, newOpen, notional, order.openSize,
                        order.reservedNotional);
            }
        }
        out.add(new Event.OrderAmended(c.order(), c.account(), c.market(), c.newPrice(), c.newSize(), newOpen,
                keepsPriority));
        settlement.release(order);
        ledger.openOrders.remove(order.orderId);
        begin(market, account, order.side, c.newSize(), order.filled, out);
        boolean kept = market.engine.amend(order.orderId, c.newPrice(), newOpen, this);
        if (kept != keepsPriority) {
            throw new IllegalStateException("engine priority decision differs from the amend rule for " + c.order());
        }
        if (kept) {
            order.price = c.newPrice();
            order.size = c.newSize();
            order.openSize = newOpen;
            ledger.openOrders.put(order.orderId, order);
            settlement.reserve(order);
        }
        end();
    }

    /** Cancels every resting order of {@code account} in {@code market}, oldest first. */
    void cancelAllOf(AccountState account, MarketRuntime market, List<Event> out) {
        List<OpenOrder> mine = new ArrayList<>();
        for (OpenOrder order : ledger.openOrders.values()) {
            if (order.account == account && order.market == market.index) {
                mine.add(order);
            }
        }
        mine.sort(Comparator.comparingLong(o -> o.orderId));
        for (OpenOrder order : mine) {
            market.engine.cancel(order.orderId);
            settlement.release(order);
            ledger.openOrders.remove(order.orderId);
            out.add(new Event.OrderCancelled(OrderId.of(order.orderId), account.id, market.spec.id(), order.openSize,
                    CancelReason.LIQUIDATION));
        }
    }

    private void match(MarketRuntime market, AccountState account, long orderId, Side side, long price, long size,
            TimeInForce tif, List<Event> out) {
        begin(market, account, side, size, 0, out);
        long dropped = market.engine.place(orderId, account.key, side, price, size, tif, this);
        if (dropped > 0) {
            out.add(new Event.OrderCancelled(OrderId.of(orderId), account.id, market.spec.id(), dropped,
                    CancelReason.UNFILLED_IOC));
        }
        end();
    }

    private void begin(MarketRuntime market, AccountState account, Side side, long size, long filled, List<Event> out) {
        activeMarket = market;
        activeAccount = account;
        activeSide = side;
        activeSize = size;
        activeFilled = filled;
        events = out;
    }

    private void end() {
        activeMarket = null;
        activeAccount = null;
        events = null;
    }

    @Override
    public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
        OpenOrder maker = ledger.openOrders.get(makerOrderId);
        if (maker == null) {
            throw new IllegalStateException("engine matched order " + makerOrderId + " which the ledger does not hold");
        }
        if (!passesPostTradeCheck(maker, quantity)) {
            settlement.release(maker);
            ledger.openOrders.remove(makerOrderId);
            events.add(new Event.OrderCancelled(OrderId.of(makerOrderId), maker.account.id, activeMarket.spec.id(),
                    maker.openSize, CancelReason.INSUFFICIENT_MARGIN_AT_FILL));
            return false;
        }
        settlement.settleFill(activeMarket, maker, activeAccount, takerOrderId, activeSide, price, quantity, events);
        activeFilled += quantity;
        return true;
    }

    @Override
    public void onRested(long orderId, Side side, long price, long openSize) {
        OpenOrder order = new OpenOrder(orderId, activeAccount, activeMarket.index, side, price, activeSize, activeFilled);
        order.openSize = openSize;
        ledger.openOrders.put(orderId, order);
        settlement.reserve(order);
        events.add(new Event.OrderRested(OrderId.of(orderId), activeAccount.id, activeMarket.spec.id(), side, price,
                openSize));
    }

    /**
     * A maker whose owner no longer meets initial margin (prices moved since the order was
     * placed) may still fill if the fill only reduces the position; otherwise it is removed.
     */
    private boolean passesPostTradeCheck(OpenOrder maker, long quantity) {
        PositionState position = maker.account.positions[maker.market];
        boolean reduces = position.size != 0 && Long.signum(position.size) != maker.side.sign()
                && quantity <= Math.abs(position.size);
        return reduces || ledger.evaluate(maker.account).meetsInitial();
    }

    private OpenOrder ownedOrder(AccountState account, MarketRuntime market, OrderId id) {
        OpenOrder order = ledger.openOrders.get(id.value());
        if (order == null || order.account != account || order.market != market.index) {
            throw Rejection.of(RejectReason.UNKNOWN_ORDER, id + " of " + account.id + " in " + market.spec.id());
        }
        return order;
    }

    /** True if the order, with the account's other orders on its side, can only shrink the position. */
    private static boolean reducesOnly(AccountState account, MarketRuntime market, Side side, long addedSize) {
        PositionState p = account.positions[market.index];
        if (p == null || p.size == 0 || Long.signum(p.size) == side.sign()) {
            return false;
        }
        long sameSideOpen = side == Side.BUY ? p.openBuySize : p.openSellSize;
        return sameSideOpen + addedSize <= Math.abs(p.size);
    }

    private static void requirePositionBound(AccountState account, MarketRuntime market, long size) {
        PositionState p = account.positions[market.index];
        long exposure = p == null ? 0 : Math.abs(p.size) + p.openBuySize + p.openSellSize;
        if (exposure + size >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW,
                    "position plus open orders would reach 2^60 size units in " + market.spec.id());
        }
    }

    private void requireInitialMargin(AccountState account, MarketRuntime market, Side side, long size, long notional,
            long replacedSize, long replacedNotional) {
        PositionState p = account.positions[market.index];
        PositionView now = p == null ? PositionView.of(market.spec, 0, 0) : p.view();
        long buySize = now.openBuySize();
        long buyNotional = now.openBuyNotional();
        long sellSize = now.openSellSize();
        long sellNotional = now.openSellNotional();
        if (side == Side.BUY) {
            buySize += size - replacedSize;
            buyNotional += notional - replacedNotional;
        } else {
            sellSize += size - replacedSize;
            sellNotional += notional - replacedNotional;
        }
        PositionView hypothetical = new PositionView(market.spec, now.size(), now.costBasis(), buySize, buyNotional,
                sellSize, sellNotional);
        MarginState state = ledger.evaluate(new LedgerAccountView(ledger, account).withPosition(market.index, hypothetical));
        long feeReserve = ledger.config.feeSchedule().takerFee(account.id, market.spec, notional);
        if (state.equity() - feeReserve < state.initialRequirement()) {
            var usd = ledger.settlement();
            throw Rejection.of(RejectReason.INSUFFICIENT_MARGIN, "needs " + usd.format(state.initialRequirement() + feeReserve)
                    + " " + usd.id() + " of equity (initial margin and taker fee), has " + usd.format(state.equity()));
        }
    }
}
