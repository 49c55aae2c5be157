package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.PositionSide;
import java.util.List;

/**
 * The venue's backstop vault taking over an account (Hyperliquid's liquidator vault, MECHANISMS.md
 * §1.4): the account's positions move to the vault at their entry cost, its balances with them,
 * and it is left with nothing; nothing trades, so no price moves and no PnL is realised. The vault
 * holds longs and shorts taken over apart (hedge mode). A loan stays with the account.
 */
final class Backstop {
    private final Ledger ledger;

    Backstop(Ledger ledger) {
        this.ledger = ledger;
    }

    boolean isEnabled() {
        return ledger.backstop != null;
    }

    /** Moves {@code account}'s positions and money to the vault; its resting orders must be gone already. */
    void takeOver(AccountState account, List<Event> events) {
        AccountState vault = ledger.backstop;
        long equity = ledger.evaluate(account).equity();
        ledger.funding.settleAll(account, events);
        for (int asset = 0; asset < account.balances.length; asset++) {
            vault.balances[asset] += account.balances[asset];
            account.balances[asset] = 0;
        }
        events.add(new Event.TakenOverByBackstop(account.id, vault.id, equity));
        int cash = ledger.settlementIndex;
        for (int slot = 0; slot < account.positions.length; slot++) {
            PositionState p = account.positions[slot];
            if (p == null || p.size == 0) {
                continue;
            }
            MarketRuntime market = ledger.markets[account.marketOf(slot)];
            PositionSide leg = p.size > 0 ? PositionSide.LONG : PositionSide.SHORT;
            int vaultSlot = vault.slot(market.index, leg);
            PositionState v = vault.position(vaultSlot, market);
            ledger.funding.settle(vault, vaultSlot, market, events);
            v.size = io.fulcrum.api.Fixed.add(v.size, p.size);
            v.costBasis = io.fulcrum.api.Fixed.add(v.costBasis, p.costBasis);
            PositionSide accountLeg = account.legOf(slot);
            p.size = 0;
            p.costBasis = 0;
            events.add(new Event.PositionChanged(account.id, market.spec.id(), 0, 0, 0, 0, account.balances[cash],
                    accountLeg));
            events.add(new Event.PositionChanged(vault.id, market.spec.id(), v.size, v.costBasis, 0, 0,
                    vault.balances[cash], leg));
        }
    }
}
