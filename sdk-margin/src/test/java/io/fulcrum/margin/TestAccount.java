package io.fulcrum.margin;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.PositionView;
import java.util.List;

/** A fixed account for tests: balances and positions exactly as given. */
record TestAccount(AccountId id, List<Balance> balances, List<PositionView> positions) implements AccountView {
    TestAccount {
        balances = List.copyOf(balances);
        positions = List.copyOf(positions);
    }

    static TestAccount of(List<Balance> balances, PositionView... positions) {
        return new TestAccount(AccountId.main(1), balances, List.of(positions));
    }

    @Override
    public long balance(AssetId asset) {
        return balances.stream().filter(b -> b.asset().id().equals(asset)).mapToLong(Balance::amount).sum();
    }
}
