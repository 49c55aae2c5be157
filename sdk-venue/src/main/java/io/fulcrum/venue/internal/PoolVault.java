package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.OpenInterestLimit;
import java.math.RoundingMode;
import java.util.List;

/**
 * The pool behind one or more pool markets: one pool account that takes the other side of
 * their fills, one supply of liquidity shares (held by accounts at the index of the vault's
 * first market), and the open-interest limit the vault applies. A GMX market has a vault of its
 * own; Avantis' markets share one.
 *
 * <p>Its value is GMX's pool value (MECHANISMS.md §3.4) taken across its markets: the cash less
 * the traders' unrealised PnL against it, a trader profit counted only up to a cap of the cash.
 */
final class PoolVault {
    /** GMX's reserve factor: the notional of the pool's positions may use 95 % of its cash (§3.4). */
    static final long RESERVE_FACTOR_PPM = 950_000;

    /** Re-bound to the restored account when a snapshot is loaded. */
    AccountState account;
    final List<MarketRuntime> markets;
    /** The market whose index keys the vault's shares in {@link AccountState#lpShares}. */
    final MarketRuntime head;
    final OpenInterestLimit limit;
    final int cashAsset;
    long lpSupply;

    PoolVault(AccountState account, List<MarketRuntime> markets, OpenInterestLimit limit, int cashAsset) {
        this.account = account;
        this.markets = List.copyOf(markets);
        this.head = this.markets.get(0);
        this.limit = limit;
        this.cashAsset = cashAsset;
    }

    long cash() {
        return account.balances[cashAsset];
    }

    /** The cash less the traders' PnL, a trader profit capped at {@code capPpm} of the cash. */
    long value(long capPpm) {
        long cash = cash();
        long tradersPnl = tradersPnl();
        long counted = tradersPnl <= 0 ? tradersPnl
                : Math.min(tradersPnl, Fixed.ppm(Math.max(cash, 0), capPpm, RoundingMode.FLOOR));
        return Fixed.subtract(cash, counted);
    }

    /** The traders' unrealised PnL against the pool, at mark, rounded in the traders' favour. */
    long tradersPnl() {
        long pnl = 0;
        for (MarketRuntime market : markets) {
            pnl = Fixed.subtract(pnl, poolPnl(market));
        }
        return pnl;
    }

    /** The notional at mark of the pool's positions across its markets: what its cash must back. */
    long reservedNotional() {
        long reserved = 0;
        for (MarketRuntime market : markets) {
            reserved = Fixed.add(reserved, reservedNotional(market, poolSize(market)));
        }
        return reserved;
    }

    /** The pool's position in {@code market}. */
    long poolSize(MarketRuntime market) {
        PositionState p = account.positions[market.index];
        return p == null ? 0 : p.size;
    }

    /** The notional at mark (at least 1) of a pool position of {@code size} in {@code market}, rounded up. */
    static long reservedNotional(MarketRuntime market, long size) {
        return size == 0 ? 0 : market.spec.notional(Math.abs(size), Math.max(market.markPrice, 1), RoundingMode.CEILING);
    }

    /** The pool account's unrealised PnL in {@code market} at mark, rounded against the pool. */
    private long poolPnl(MarketRuntime market) {
        PositionState p = account.positions[market.index];
        if (p == null || p.size == 0 || market.markPrice <= 0) {
            return 0;
        }
        MarketSpec spec = market.spec;
        long value = p.size > 0 ? spec.notional(p.size, market.markPrice, RoundingMode.FLOOR)
                : -spec.notional(-p.size, market.markPrice, RoundingMode.CEILING);
        return Fixed.subtract(value, p.costBasis);
    }
}
