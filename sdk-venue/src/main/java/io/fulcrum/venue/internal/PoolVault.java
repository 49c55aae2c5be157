package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.spi.OpenInterestLimit;
import java.math.RoundingMode;
import java.util.List;

/**
 * The pool behind one or more pool markets: one pool account that takes the other side of
 * their fills and holds the liquidity (in the settlement asset and any collateral asset), one
 * supply of liquidity shares (held by accounts at the index of the vault's first market), the
 * open-interest limit the vault applies, and the running totals that explain its value. A GMX
 * market has a vault of its own; Avantis' markets share one.
 *
 * <p>Its value is GMX's pool value (MECHANISMS.md §3.4) taken across its markets: its tokens at
 * their prices less the traders' unrealised PnL against it, a trader profit counted only up to a
 * cap of the tokens' value.
 */
final class PoolVault {
    /** GMX's reserve factor: the notional of the pool's positions may use 95 % of its tokens (§3.4). */
    static final long RESERVE_FACTOR_PPM = 950_000;

    private final Ledger ledger;
    /** Re-bound to the restored account when a snapshot is loaded. */
    AccountState account;
    final List<MarketRuntime> markets;
    /** The market whose index keys the vault's shares in {@link AccountState#lpShares}. */
    final MarketRuntime head;
    final OpenInterestLimit limit;
    /** Deleverage when traders' profit exceeds this share of the token value (0: never), down to the target share. */
    final long adlTriggerPpm;
    final long adlTargetPpm;
    /** The share of fees the insurance tranche earns, or -1: the vault has no insurance tranche. */
    final long insuranceFeeSharePpm;
    /** The share of positive fees the venue's fee pool (its treasury) keeps. */
    final long treasuryFeeSharePpm;
    long lpSupply;
    // The insurance tranche: the settlement units of the vault's tokens it owns, what it has paid
    // for traders' profits and not yet recovered, and its shares.
    long insuranceCash;
    long insuranceDeficit;
    long insuranceSupply;
    // Running totals in settlement units, for PoolReport's attribution.
    long deposited;
    long withdrawn;
    long donated;
    long feesEarned;
    /** Funding the vault's positions received less paid, plus borrowing fees credited to it. */
    long fundingEarned;
    long tradersRealizedPnl;

    PoolVault(Ledger ledger, AccountState account, List<MarketRuntime> markets, OpenInterestLimit limit,
            long adlTriggerPpm, long adlTargetPpm, long insuranceFeeSharePpm, long treasuryFeeSharePpm) {
        this.ledger = ledger;
        this.account = account;
        this.markets = List.copyOf(markets);
        this.head = this.markets.get(0);
        this.limit = limit;
        this.adlTriggerPpm = adlTriggerPpm;
        this.adlTargetPpm = adlTargetPpm;
        this.insuranceFeeSharePpm = insuranceFeeSharePpm;
        this.treasuryFeeSharePpm = treasuryFeeSharePpm;
    }

    /** The treasury's part of a fee the pool is paid: its share of a positive fee, rounded down; nothing of a rebate. */
    long treasuryPart(long fee) {
        return fee <= 0 || treasuryFeeSharePpm == 0 ? 0 : Fixed.ppm(fee, treasuryFeeSharePpm, RoundingMode.FLOOR);
    }

    boolean hasInsurance() {
        return insuranceFeeSharePpm >= 0;
    }

    /**
     * The pool earned {@code fee} (negative: it paid a rebate). The insurance tranche takes its
     * share of a fee, rounded down, and pays a rebate first, as it pays a trader's profit.
     */
    void onFee(long fee) {
        feesEarned += fee;
        if (!hasInsurance()) {
            return;
        }
        if (fee >= 0) {
            insuranceCash += Fixed.ppm(fee, insuranceFeeSharePpm, RoundingMode.FLOOR);
        } else {
            onTradersRealized(-fee);
        }
    }

    /**
     * Traders realised {@code pnl} against the pool (positive: the pool paid). The insurance
     * tranche pays a profit first, up to its cash, and is repaid first from a loss, up to its
     * deficit; the main liquidity has the rest.
     */
    void onTradersRealized(long pnl) {
        if (!hasInsurance()) {
            return;
        }
        if (pnl > 0) {
            long paid = Math.min(pnl, Math.max(insuranceCash, 0));
            insuranceCash -= paid;
            insuranceDeficit += paid;
        } else if (pnl < 0) {
            long recovered = Math.min(-pnl, insuranceDeficit);
            insuranceCash += recovered;
            insuranceDeficit -= recovered;
        }
    }

    /** The traders' PnL as a value counts it: a profit capped at {@code capPpm} of the token value. */
    private long countedPnl(long capPpm) {
        long tradersPnl = tradersPnl();
        return tradersPnl <= 0 ? tradersPnl
                : Math.min(tradersPnl, Fixed.ppm(Math.max(tokenValue(), 0), capPpm, RoundingMode.FLOOR));
    }

    /**
     * The insurance tranche's value: its cash, less the open profit it would pay first (counted as
     * the pool's value counts it), plus what open losses would repay it. 0 without a tranche.
     */
    long insuranceValue(long capPpm) {
        if (!hasInsurance()) {
            return 0;
        }
        long counted = countedPnl(capPpm);
        long firstLoss = counted > 0 ? Math.min(counted, Math.max(insuranceCash, 0))
                : -Math.min(-counted, insuranceDeficit);
        return insuranceCash - firstLoss;
    }

    /** The main liquidity's value: the pool's less its insurance tranche's. */
    long mainValue(long capPpm) {
        return Fixed.subtract(value(capPpm), insuranceValue(capPpm));
    }

    /** What the vault holds, each asset at its price, rounded down. */
    long tokenValue() {
        long value = 0;
        for (int asset = 0; asset < account.balances.length; asset++) {
            value = Fixed.add(value, ledger.settlementValue(asset, account.balances[asset], RoundingMode.FLOOR));
        }
        return value;
    }

    /** The token value less the traders' PnL, a trader profit capped at {@code capPpm} of the token value. */
    long value(long capPpm) {
        return Fixed.subtract(tokenValue(), countedPnl(capPpm));
    }

    /** The traders' unrealised PnL against the pool, at mark, rounded in the traders' favour. */
    long tradersPnl() {
        long pnl = 0;
        for (MarketRuntime market : markets) {
            pnl = Fixed.subtract(pnl, poolPnl(market));
        }
        return pnl;
    }

    /** The notional at mark of the pool's positions across its markets: what its tokens must back. */
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

    PoolReport report(MarketRuntime asked) {
        return new PoolReport(asked.spec.id(), account.id, markets.stream().map(m -> m.spec.id()).toList(), lpSupply,
                tokenValue(), tradersPnl(), mainValue(LiquidityHandler.DEPOSIT_PNL_CAP_PPM),
                mainValue(LiquidityHandler.WITHDRAWAL_PNL_CAP_PPM), reservedNotional(), deposited, withdrawn, donated,
                feesEarned, fundingEarned, tradersRealizedPnl, insuranceSupply, insuranceValue(LiquidityHandler.WITHDRAWAL_PNL_CAP_PPM),
                insuranceDeficit);
    }
}
