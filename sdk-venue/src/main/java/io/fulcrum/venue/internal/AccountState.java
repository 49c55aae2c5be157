package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;

/** One account's balances (indexed by asset) and positions (indexed by market). */
final class AccountState {
    final AccountId id;
    final long key;
    final long[] balances;
    final PositionState[] positions;

    AccountState(AccountId id, long key, int assetCount, int marketCount) {
        this.id = id;
        this.key = key;
        this.balances = new long[assetCount];
        this.positions = new PositionState[marketCount];
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
