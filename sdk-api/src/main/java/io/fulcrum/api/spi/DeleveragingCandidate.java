package io.fulcrum.api.spi;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarketId;
import java.util.Objects;

/**
 * An open position that auto-deleveraging could close against a bankrupt one, as a
 * {@link DeleveragingRanking} sees it: the position on the side opposite the bankrupt
 * position, and the account holding it. All amounts are settlement units, signed where noted.
 *
 * <p>Example (Hyperliquid's, MECHANISMS.md §1.5): a long of 2 BTC entered at 100,000 (entry
 * notional 200,000), mark 110,000 (notional 220,000, PnL +20,000), account value 20,000.
 *
 * @param account the holder
 * @param market the market of the position
 * @param size the signed position, size units (positive long)
 * @param entryNotional the position's entry notional, positive
 * @param markPrice the mark price, price units
 * @param notional the position's notional at mark, positive
 * @param unrealizedPnl its PnL at mark (positive in profit)
 * @param accountValue the account's equity (balances plus all unrealised PnL)
 * @param walletBalance the account's settlement cash, without unrealised PnL
 * @param maintenanceRequirement the account's maintenance requirement
 */
public record DeleveragingCandidate(AccountId account, MarketId market, long size, long entryNotional, long markPrice,
        long notional, long unrealizedPnl, long accountValue, long walletBalance, long maintenanceRequirement) {
    public DeleveragingCandidate {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(market, "market");
        if (size == 0) {
            throw new IllegalArgumentException("a candidate holds a position");
        }
        if (entryNotional <= 0 || notional <= 0 || markPrice <= 0) {
            throw new IllegalArgumentException("entry notional, notional and mark must be positive: " + entryNotional
                    + ", " + notional + ", " + markPrice);
        }
    }

    /** True for a long position. */
    public boolean isLong() {
        return size > 0;
    }
}
