package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarginMode;

/** One account's balances (indexed by asset) and positions (indexed by market). */
final class AccountState {
    final AccountId id;
    final long key;
    final long[] balances;
    final PositionState[] positions;
    /** The leverage chosen per market, 0 where the market's own initial rate applies. */
    final long[] leverage;
    MarginMode marginMode = MarginMode.CROSS;
    /** The market an isolated account trades, or -1. */
    int isolatedMarket = -1;
    /** What the account owes the venue in the settlement asset, interest included. */
    long loan;
    /** When interest was last charged on the loan. */
    long loanSince;

    AccountState(AccountId id, long key, int assetCount, int marketCount) {
        this.id = id;
        this.key = key;
        this.balances = new long[assetCount];
        this.positions = new PositionState[marketCount];
        this.leverage = new long[marketCount];
    }

    PositionState position(int market, MarketRuntime runtime) {
        PositionState p = positions[market];
        if (p == null) {
            p = new PositionState(runtime.spec);
            positions[market] = p;
        }
        return p;
    }

    boolean hasRisk() {
        for (PositionState p : positions) {
            if (p != null && p.hasRisk()) {
                return true;
            }
        }
        return false;
    }
}
