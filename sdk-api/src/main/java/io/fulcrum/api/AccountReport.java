package io.fulcrum.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account as a venue reports it: balances per asset, positions per market, and its margin.
 *
 * <p>Example: after depositing 10,000 USDC and buying 1 BTC at 50,000.0 with 5 % initial
 * margin, {@code balances = {USDC=10_000_000_000}}, one position, {@code initialRequirement =
 * 2_500_000_000}.
 *
 * @param account the account
 * @param balances non-zero holdings in smallest units, ordered by asset
 * @param positions markets with a position or resting orders, ordered by market
 * @param equity collateral value plus unrealised PnL, settlement units
 * @param initialRequirement equity needed to add risk
 * @param maintenanceRequirement equity below which the account is liquidated
 * @param loan what the account owes the venue in the settlement asset, interest included
 */
public record AccountReport(AccountId account, Map<AssetId, Long> balances, List<PositionReport> positions,
        long equity, long initialRequirement, long maintenanceRequirement, long loan) {
    public AccountReport {
        Objects.requireNonNull(account, "account");
        balances = Map.copyOf(balances);
        positions = List.copyOf(positions);
    }

    /** Equity above the initial requirement: what may be withdrawn or put at risk. */
    public long freeCollateral() {
        return equity - initialRequirement;
    }

    /** The position in {@code market}, if the account has one. */
    public java.util.Optional<PositionReport> position(MarketId market) {
        return positions.stream().filter(p -> p.market().equals(market)).findFirst();
    }

    /** The balance of {@code asset}, 0 if none. */
    public long balance(AssetId asset) {
        return balances.getOrDefault(asset, 0L);
    }
}
