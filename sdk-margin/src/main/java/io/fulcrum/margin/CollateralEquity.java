package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.CollateralPolicy;
import io.fulcrum.api.spi.PriceView;

/** What an account's balances are worth as margin, less its loan: the start of every model's equity. */
final class CollateralEquity {
    private CollateralEquity() {}

    /** Σ balances valued by {@code collateral} at {@code prices}, minus the loan (owed in full in the settlement asset). */
    static long of(AccountView account, CollateralPolicy collateral, PriceView prices) {
        long equity = Fixed.negate(account.loan());
        for (Balance balance : account.balances()) {
            equity = Fixed.add(equity, collateral.collateralValue(balance.asset(), balance.amount(), prices));
        }
        return equity;
    }

    /**
     * The settlement asset of {@code market}, which must be the one already {@code seen} (null
     * before the first position): {@code model} margins one settlement asset only.
     *
     * @throws IllegalStateException naming both assets if they differ
     */
    static io.fulcrum.api.AssetId oneSettlement(io.fulcrum.api.AssetId seen, io.fulcrum.api.MarketSpec market,
            AccountView account, String model) {
        io.fulcrum.api.AssetId asset = market.settlement().id();
        if (seen != null && !seen.equals(asset)) {
            throw new IllegalStateException(model + " needs one settlement asset, but account " + account.id()
                    + " has markets settled in " + seen + " and in " + asset + " (" + market.id() + ")");
        }
        return asset;
    }
}
