package io.fulcrum.venue.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RejectReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** Takes orders out of books: one at the owner's request, all of an account's, and expired ones. */
final class CancelHandler {
    private final Ledger ledger;
    private final Settlement settlement;

    CancelHandler(Ledger ledger, Settlement settlement) {
        this.ledger = ledger;
        this.settlement = settlement;
    }

    void cancel(Command.CancelOrder c, List<Event> out) {
        AccountState account = ledger.account(c.account());
        MarketRuntime market = ledger.market(c.market());
        TriggerOrder trigger = ledger.triggers.get(c.order().value());
        if (trigger != null && trigger.account() == account && trigger.market() == market.index) {
            removeTrigger(trigger, CancelReason.USER_REQUEST, out);
            return;
        }
        OpenOrder order = ownedOrder(ledger, account, market, c.order());
        remove(order, CancelReason.USER_REQUEST, out);
    }

    void cancelAll(Command.CancelAll c, List<Event> out) {
        AccountState account = ledger.account(c.account());
        int only = c.market() == null ? -1 : ledger.market(c.market()).index;
        removeAll(o -> o.account == account && (only == -1 || o.market == only), BY_ID, CancelReason.USER_REQUEST, out);
        removeTriggers(t -> t.account() == account && (only == -1 || t.market() == only), CancelReason.USER_REQUEST,
                out);
    }

    /** Removes every order whose good-till time has come by {@code c.time()}. */
    void advanceTime(Command.AdvanceTime c, List<Event> out) {
        removeAll(o -> o.isExpiredAt(c.time()), BY_EXPIRY, CancelReason.EXPIRED, out);
    }

    /** Cancels every resting and conditional order of {@code account} in {@code market}. */
    void cancelAllOf(AccountState account, MarketRuntime market, CancelReason reason, List<Event> out) {
        removeAll(o -> o.account == account && o.market == market.index, BY_ID, reason, out);
        removeTriggers(t -> t.account() == account && t.market() == market.index, reason, out);
    }

    /** Removes the chosen untriggered orders, oldest first (the trigger map is ordered by id). */
    private void removeTriggers(Predicate<TriggerOrder> which, CancelReason reason, List<Event> out) {
        for (TriggerOrder trigger : new ArrayList<>(ledger.triggers.values())) {
            if (which.test(trigger)) {
                removeTrigger(trigger, reason, out);
            }
        }
    }

    private void removeTrigger(TriggerOrder trigger, CancelReason reason, List<Event> out) {
        ledger.triggers.remove(trigger.id());
        out.add(new Event.OrderCancelled(OrderId.of(trigger.id()), trigger.account().id,
                ledger.markets[trigger.market()].spec.id(), trigger.size(), reason));
    }

    private static final Comparator<OpenOrder> BY_ID = Comparator.comparingLong(o -> o.orderId);
    private static final Comparator<OpenOrder> BY_EXPIRY =
            Comparator.comparingLong((OpenOrder o) -> o.expiresAt).thenComparingLong(o -> o.orderId);

    /** Removes the chosen orders in a fixed order, never in hash order. */
    private void removeAll(Predicate<OpenOrder> which, Comparator<OpenOrder> sequence, CancelReason reason,
            List<Event> out) {
        List<OpenOrder> chosen = new ArrayList<>();
        for (OpenOrder order : ledger.openOrders.values()) {
            if (which.test(order)) {
                chosen.add(order);
            }
        }
        chosen.sort(sequence);
        for (OpenOrder order : chosen) {
            remove(order, reason, out);
        }
    }

    private void remove(OpenOrder order, CancelReason reason, List<Event> out) {
        MarketRuntime market = ledger.markets[order.market];
        long open = market.engine.cancel(order.orderId);
        if (open != order.openSize) {
            throw new IllegalStateException("engine and ledger disagree on order " + order.orderId + ": " + open
                    + " vs " + order.openSize);
        }
        settlement.unregister(order);
        out.add(new Event.OrderCancelled(OrderId.of(order.orderId), order.account.id, market.spec.id(), open, reason));
    }

    static OpenOrder ownedOrder(Ledger ledger, AccountState account, MarketRuntime market, OrderId id) {
        OpenOrder order = ledger.openOrders.get(id.value());
        if (order == null || order.account != account || order.market != market.index) {
            throw Rejection.of(RejectReason.UNKNOWN_ORDER, id + " of " + account.id + " in " + market.spec.id());
        }
        return order;
    }
}
