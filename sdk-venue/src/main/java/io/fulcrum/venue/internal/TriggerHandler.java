package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.RejectReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditional orders (stop and take-profit, market or limit): accepts them, and after every
 * accepted command fires those whose reference price has reached the trigger, oldest first.
 * A fired order may trade and move the last-trade price, so firing repeats until nothing more is
 * due; each trigger fires at most once, so this ends.
 */
final class TriggerHandler {
    private final Ledger ledger;
    private final OrderHandler orders;

    TriggerHandler(Ledger ledger, OrderHandler orders) {
        this.ledger = ledger;
        this.orders = orders;
    }

    void place(Command.PlaceTrigger c, List<Event> out) {
        AccountState account = ledger.actingAccount(c.account());
        MarketRuntime market = ledger.market(c.market());
        MarketAccess.requireAccountMayTrade(account, market);
        OrderHandler.slotFor(account, market, c.positionSide());
        OrderRules.requireValidSize(market.spec, c.size());
        OrderRules.requireValidPrice(market.spec, c.triggerPrice());
        OrderRules.requireValidPrice(market.spec, c.limitPrice());
        OrderRules.requireMinNotional(market.spec, OrderRules.checkedNotional(market.spec, c.size(), c.limitPrice()));
        long id = ledger.nextOrderId;
        TriggerOrder trigger = new TriggerOrder(id, account, market.index, c.side(), c.type(), c.reference(),
                c.triggerPrice(), c.limitPrice(), c.size(), c.timeInForce(), c.reduceOnly(), c.positionSide());
        long reference = trigger.referencePrice(market);
        if (reference <= 0) {
            throw Rejection.of(RejectReason.NO_PRICE, market.spec.id() + " has no " + c.reference() + " price yet");
        }
        if (trigger.isDue(market)) {
            throw Rejection.of(RejectReason.TRIGGER_WOULD_FIRE_NOW,
                    c.reference() + " is " + reference + ", trigger " + c.triggerPrice());
        }
        ledger.nextOrderId++;
        ledger.triggers.put(id, trigger);
        out.add(new Event.TriggerAccepted(OrderId.of(id), c.account(), c.market(), c.side(), c.type(), c.reference(),
                c.triggerPrice(), c.limitPrice(), c.size()));
    }

    /** Fires every due trigger, oldest first, until none is due. */
    void fireDue(long now, List<Event> out) {
        boolean fired = true;
        while (fired && !ledger.triggers.isEmpty()) {
            fired = false;
            for (TriggerOrder trigger : new ArrayList<>(ledger.triggers.values())) {
                MarketRuntime market = ledger.markets[trigger.market()];
                if (ledger.triggers.containsKey(trigger.id()) && trigger.isDue(market)) {
                    fire(trigger, market, now, out);
                    fired = true;
                }
            }
        }
    }

    private void fire(TriggerOrder trigger, MarketRuntime market, long now, List<Event> out) {
        ledger.triggers.remove(trigger.id());
        out.add(new Event.TriggerFired(OrderId.of(trigger.id()), trigger.account().id, market.spec.id(),
                trigger.referencePrice(market)));
        OrderOptions options = (trigger.reduceOnly() ? OrderOptions.NONE.withReduceOnly() : OrderOptions.NONE)
                .onLeg(trigger.positionSide());
        try {
            orders.submit(trigger.account(), market, trigger.side(), trigger.limitPrice(), trigger.size(),
                    trigger.timeInForce(), options, now, out);
        } catch (Rejection r) {
            out.add(new Event.TriggerFailed(OrderId.of(trigger.id()), trigger.account().id, market.spec.id(), r.reason,
                    r.reason.message() + ": " + r.detail));
        }
    }
}
