package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.PositionView;
import java.util.ArrayList;
import java.util.List;

/**
 * An account as margin models see it, optionally changed by one hypothetical balance delta and
 * one hypothetical position: "this account, if this withdrawal happened" or "if this order
 * rested too". The ledger itself is never touched.
 */
final class LedgerAccountView implements AccountView {
    private final Ledger ledger;
    private final AccountState account;
    private int balanceAsset = -1;
    private long balanceDelta;
    private int positionMarket = -1;
    private PositionView position;
    private int leverageMarket = -1;
    private long leverageOverride = -1;

    LedgerAccountView(Ledger ledger, AccountState account) {
        this.ledger = ledger;
        this.account = account;
    }

    LedgerAccountView withBalanceDelta(int asset, long delta) {
        this.balanceAsset = asset;
        this.balanceDelta = delta;
        return this;
    }

    LedgerAccountView withPosition(int market, PositionView hypothetical) {
        this.positionMarket = market;
        this.position = hypothetical;
        return this;
    }

    @Override
    public long leverage(MarketId market) {
        for (MarketRuntime m : ledger.markets) {
            if (m.spec.id().equals(market)) {
                return leverageOverride >= 0 && m.index == leverageMarket ? leverageOverride : account.leverage[m.index];
            }
        }
        return 0;
    }

    /** "This account, if its leverage in {@code market} were {@code leverage}". */
    LedgerAccountView withLeverage(int market, long leverage) {
        this.leverageMarket = market;
        this.leverageOverride = leverage;
        return this;
    }

    @Override
    public long loan() {
        return account.loan;
    }

    @Override
    public AccountId id() {
        return account.id;
    }

    @Override
    public long balance(AssetId asset) {
        for (int i = 0; i < ledger.assets.length; i++) {
            if (ledger.assets[i].id().equals(asset)) {
                return balanceAt(i);
            }
        }
        return 0;
    }

    /** A balance as margin sees it: the settlement asset's less the funding its positions owe and have not settled. */
    private long balanceAt(int i) {
        long balance = i == balanceAsset ? account.balances[i] + balanceDelta : account.balances[i];
        return i == ledger.settlementIndex ? Fixed.subtract(balance, ledger.funding.pending(account)) : balance;
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>(ledger.assets.length);
        for (int i = 0; i < ledger.assets.length; i++) {
            long amount = balanceAt(i);
            if (amount != 0) {
                out.add(new Balance(ledger.assets[i], amount));
            }
        }
        return out;
    }

    @Override
    public List<PositionView> positions() {
        List<PositionView> out = new ArrayList<>();
        for (int m = 0; m < account.positions.length; m++) {
            if (m == positionMarket) {
                if (position.size() != 0 || position.openBuySize() != 0 || position.openSellSize() != 0) {
                    out.add(position);
                }
                continue;
            }
            PositionState p = account.positions[m];
            if (p != null && p.hasRisk()) {
                out.add(p.view());
            }
        }
        return out;
    }
}
