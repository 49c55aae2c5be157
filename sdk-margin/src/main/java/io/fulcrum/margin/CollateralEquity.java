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
}
