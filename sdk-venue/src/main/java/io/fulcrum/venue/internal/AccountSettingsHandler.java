package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarginMode;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.MarginState;
import java.util.List;

/**
 * An account's margin settings: its margin mode (cross, or isolated to one market on a
 * sub-account) and its leverage per market. Every check comes first; a rejection changes
 * nothing.
 */
final class AccountSettingsHandler {
    private final Ledger ledger;

    AccountSettingsHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Binance and Hyperliquid refuse to change a position's margin type while it is open; here
     * the mode belongs to the account, so the account must hold no position and no order.
     */
    void setMarginMode(Command.SetMarginMode c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        int market = -1;
        if (c.mode().isIsolated()) {
            if (c.market() == null) {
                throw Rejection.of(RejectReason.UNKNOWN_MARKET, "an isolated mode names its market");
            }
            market = ledger.market(c.market()).index;
            if (c.account().subaccount() == 0) {
                throw Rejection.of(RejectReason.ISOLATION_NEEDS_SUBACCOUNT, c.account().toString());
            }
        } else if (c.market() != null) {
            throw Rejection.of(RejectReason.UNKNOWN_MARKET, "cross margin names no market, got " + c.market());
        }
        if (c.mode() == account.marginMode && market == account.isolatedMarket) {
            throw Rejection.of(RejectReason.NOTHING_TO_CHANGE, c.account() + " is already " + c.mode()
                    + (c.market() == null ? "" : " on " + c.market()));
        }
        if (account.hasRisk()) {
            throw Rejection.of(RejectReason.MARGIN_MODE_LOCKED, c.account() + " holds a position or orders");
        }
        account.marginMode = c.mode();
        account.isolatedMarket = market;
        events.add(new Event.MarginModeChanged(c.account(), c.mode(), c.market()));
    }

    /** Binance refuses to switch the position mode with positions or orders open; so does this venue. */
    void setPositionMode(Command.SetPositionMode c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        if (c.mode() == account.positionMode) {
            throw Rejection.of(RejectReason.NOTHING_TO_CHANGE, c.account() + " is already " + c.mode());
        }
        if (account.hasRisk() || hasTriggers(account)) {
            throw Rejection.of(RejectReason.POSITION_MODE_LOCKED, c.account() + " holds a position or orders");
        }
        account.positionMode = c.mode();
        events.add(new Event.PositionModeChanged(c.account(), c.mode()));
    }

    private boolean hasTriggers(AccountState account) {
        for (TriggerOrder trigger : ledger.triggers.values()) {
            if (trigger.account() == account) {
                return true;
            }
        }
        return false;
    }

    void setLeverage(Command.SetLeverage c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        MarketRuntime market = ledger.market(c.market());
        long size = 0; // both legs of a hedge-mode account count
        for (PositionSide leg : new PositionSide[] {PositionSide.LONG, PositionSide.SHORT}) {
            PositionState position = account.positions[account.slot(market.index, leg)];
            size += position == null ? 0 : Math.abs(position.size);
        }
        long notional = market.markPrice <= 0 ? 0
                : market.spec.notional(size, market.markPrice, java.math.RoundingMode.CEILING);
        long highest = market.spec.tierFor(notional).maxLeverage();
        if (c.leverage() < 1 || c.leverage() > highest) {
            throw Rejection.of(RejectReason.LEVERAGE_OUT_OF_RANGE, "leverage " + c.leverage() + " in " + market.spec.id()
                    + ": 1 to " + highest + " at a position notional of " + market.spec.settlement().format(notional));
        }
        if (c.leverage() == account.leverage[market.index]) {
            throw Rejection.of(RejectReason.NOTHING_TO_CHANGE, "leverage is already " + c.leverage());
        }
        if (account.hasRisk()) {
            MarginState after = ledger.evaluate(new LedgerAccountView(ledger, account)
                    .withLeverage(market.index, c.leverage()));
            if (!after.meetsInitial()) {
                throw Rejection.of(RejectReason.INSUFFICIENT_MARGIN, "at " + c.leverage() + "x the initial requirement is "
                        + ledger.settlement().format(after.initialRequirement()) + ", equity "
                        + ledger.settlement().format(after.equity()));
            }
        }
        account.leverage[market.index] = c.leverage();
        events.add(new Event.LeverageChanged(c.account(), c.market(), c.leverage()));
    }
}
