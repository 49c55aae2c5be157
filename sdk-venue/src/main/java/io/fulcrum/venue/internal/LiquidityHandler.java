package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.RejectReason;
import java.math.RoundingMode;
import java.util.List;

/**
 * Liquidity providers' shares of a pool vault (one pool market's, or one shared by several, as
 * Avantis' single vault is), priced at the vault's value as GMX
 * v2 prices market tokens (MECHANISMS.md §3.4): the pool's cash, less the traders' unrealised PnL
 * against it, where a trader profit counts only up to a cap of the pool's cash (90 % when pricing
 * a deposit, 70 % for a withdrawal, so deposits are never priced above withdrawals). Withdrawals
 * wait while the traders' profit is above the withdrawal cap, and may not leave the pool backing
 * less open interest than its reserve factor allows (95 % of its cash). Shares round down for the
 * depositor, amounts down for the withdrawer: the pool never loses to rounding. While no share
 * exists, a deposit mints one share per unit, and whatever the pool already holds (fees, a gift
 * deposited straight into the pool account) belongs to the first shares minted, as in GMX.
 *
 * <p>Example (§3.4 numbers, one token): cash 500,000, traders up 130,000 net, 400,000 shares: a
 * deposit values the pool at 370,000 (0.925 a share).
 */
final class LiquidityHandler {
    static final long DEPOSIT_PNL_CAP_PPM = 900_000;
    static final long WITHDRAWAL_PNL_CAP_PPM = 700_000;

    private final Ledger ledger;

    LiquidityHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    void add(Command.AddLiquidity c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        PoolVault vault = requirePool(c.market());
        int asset = ledger.assetIndex(c.asset());
        long amount = Ledger.requirePositiveAmount(c.amount());
        if (account.balances[asset] < amount) {
            throw Rejection.of(RejectReason.INSUFFICIENT_BALANCE, "holds " + ledger.assets[asset].format(
                    Math.max(account.balances[asset], 0)) + ", adds " + ledger.assets[asset].format(amount));
        }
        long worth = ledger.settlementValue(asset, amount, RoundingMode.FLOOR);
        if (worth <= 0) {
            throw Rejection.of(RejectReason.NO_PRICE, c.asset() + " has no price to value the deposit at");
        }
        if (!ledger.evaluate(new LedgerAccountView(ledger, account).withBalanceDelta(asset, -amount)).meetsInitial()) {
            throw Rejection.of(RejectReason.INSUFFICIENT_FREE_COLLATERAL, c.account() + " would miss its initial margin");
        }
        long shares;
        if (vault.lpSupply == 0) {
            shares = worth;
        } else {
            long value = vault.mainValue(DEPOSIT_PNL_CAP_PPM);
            if (value <= 0) {
                throw Rejection.of(RejectReason.POOL_INSOLVENT, c.market() + "'s pool is worth " + value);
            }
            shares = Fixed.mulDiv(worth, vault.lpSupply, value, RoundingMode.FLOOR);
        }
        if (shares <= 0 || Fixed.add(vault.lpSupply, shares) >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, "the deposit buys " + shares + " shares");
        }
        account.balances[asset] -= amount;
        vault.account.balances[asset] += amount;
        account.lpShares[vault.head.index] += shares;
        vault.lpSupply += shares;
        vault.deposited += worth;
        events.add(new Event.LiquidityAdded(c.account(), c.market(), c.asset(), amount, shares, vault.lpSupply));
    }

    void remove(Command.RemoveLiquidity c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        PoolVault vault = requirePool(c.market());
        int asset = ledger.assetIndex(c.asset());
        long shares = Ledger.requirePositiveAmount(c.shares());
        if (account.lpShares[vault.head.index] < shares) {
            throw Rejection.of(RejectReason.INSUFFICIENT_SHARES, "holds " + account.lpShares[vault.head.index]
                    + ", redeems " + shares);
        }
        requireWithdrawable(vault);
        long value = vault.mainValue(WITHDRAWAL_PNL_CAP_PPM);
        long owed = value <= 0 ? 0 : Fixed.mulDiv(shares, value, vault.lpSupply, RoundingMode.FLOOR);
        long amount = amountOf(asset, owed);
        // The insurance tranche's cash is the settlement asset's: the main liquidity cannot take it.
        long available = vault.account.balances[asset] - (asset == ledger.settlementIndex ? Math.max(vault.insuranceCash, 0) : 0);
        if (available < amount) {
            throw Rejection.of(RejectReason.POOL_ASSET_SHORT, "the pool holds " + ledger.assets[asset].format(
                    Math.max(available, 0)) + " " + c.asset() + " for its main liquidity, the shares are worth "
                    + ledger.assets[asset].format(amount));
        }
        requireReserveAfter(vault, ledger.settlementValue(asset, amount, RoundingMode.CEILING));
        vault.account.balances[asset] -= amount;
        account.balances[asset] += amount;
        account.lpShares[vault.head.index] -= shares;
        vault.lpSupply -= shares;
        vault.withdrawn += ledger.settlementValue(asset, amount, RoundingMode.FLOOR);
        events.add(new Event.LiquidityRemoved(c.account(), c.market(), shares, c.asset(), amount, vault.lpSupply));
    }

    void addInsurance(Command.AddInsuranceLiquidity c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        PoolVault vault = requireInsurance(c.market());
        long amount = Ledger.requirePositiveAmount(c.amount());
        int cash = ledger.settlementIndex;
        if (account.balances[cash] < amount) {
            throw Rejection.of(RejectReason.INSUFFICIENT_BALANCE, "holds " + ledger.settlement().format(
                    Math.max(account.balances[cash], 0)) + ", adds " + ledger.settlement().format(amount));
        }
        if (!ledger.evaluate(new LedgerAccountView(ledger, account).withBalanceDelta(cash, -amount)).meetsInitial()) {
            throw Rejection.of(RejectReason.INSUFFICIENT_FREE_COLLATERAL, c.account() + " would miss its initial margin");
        }
        long shares;
        if (vault.insuranceSupply == 0) {
            shares = amount;
        } else {
            long value = vault.insuranceValue(DEPOSIT_PNL_CAP_PPM);
            if (value <= 0) {
                throw Rejection.of(RejectReason.POOL_INSOLVENT, c.market() + "'s insurance tranche is worth " + value);
            }
            shares = Fixed.mulDiv(amount, vault.insuranceSupply, value, RoundingMode.FLOOR);
        }
        if (shares <= 0 || Fixed.add(vault.insuranceSupply, shares) >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, "the deposit buys " + shares + " shares");
        }
        account.balances[cash] -= amount;
        vault.account.balances[cash] += amount;
        vault.insuranceCash += amount;
        account.insuranceShares[vault.head.index] += shares;
        vault.insuranceSupply += shares;
        vault.deposited += amount;
        events.add(new Event.InsuranceLiquidityAdded(c.account(), c.market(), amount, shares, vault.insuranceSupply));
    }

    void removeInsurance(Command.RemoveInsuranceLiquidity c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        PoolVault vault = requireInsurance(c.market());
        long shares = Ledger.requirePositiveAmount(c.shares());
        if (account.insuranceShares[vault.head.index] < shares) {
            throw Rejection.of(RejectReason.INSUFFICIENT_SHARES, "holds " + account.insuranceShares[vault.head.index]
                    + " insurance shares, redeems " + shares);
        }
        requireWithdrawable(vault);
        long value = vault.insuranceValue(WITHDRAWAL_PNL_CAP_PPM);
        long amount = value <= 0 ? 0 : Fixed.mulDiv(shares, value, vault.insuranceSupply, RoundingMode.FLOOR);
        int cash = ledger.settlementIndex;
        if (vault.account.balances[cash] < amount) {
            throw Rejection.of(RejectReason.POOL_ASSET_SHORT, "the pool holds " + ledger.settlement().format(
                    Math.max(vault.account.balances[cash], 0)) + ", the shares are worth " + ledger.settlement().format(amount));
        }
        requireReserveAfter(vault, amount);
        vault.account.balances[cash] -= amount;
        vault.insuranceCash -= amount;
        account.balances[cash] += amount;
        account.insuranceShares[vault.head.index] -= shares;
        vault.insuranceSupply -= shares;
        vault.withdrawn += amount;
        events.add(new Event.InsuranceLiquidityRemoved(c.account(), c.market(), shares, amount, vault.insuranceSupply));
    }

    /** Withdrawals wait while the traders' profit is above the withdrawal cap of the pool's tokens. */
    private void requireWithdrawable(PoolVault vault) {
        long tokens = vault.tokenValue();
        long tradersPnl = vault.tradersPnl();
        if (tradersPnl > Fixed.ppm(Math.max(tokens, 0), WITHDRAWAL_PNL_CAP_PPM, RoundingMode.FLOOR)) {
            throw Rejection.of(RejectReason.POOL_PNL_ABOVE_WITHDRAWAL_CAP, "traders are up "
                    + ledger.settlement().format(tradersPnl) + " against a pool of " + ledger.settlement().format(tokens));
        }
    }

    /** Taking {@code worth} out must leave the pool's tokens backing its positions at the reserve factor. */
    private void requireReserveAfter(PoolVault vault, long worth) {
        long reserved = vault.reservedNotional();
        if (reserved > Fixed.ppm(vault.tokenValue() - worth, PoolVault.RESERVE_FACTOR_PPM, RoundingMode.FLOOR)) {
            throw Rejection.of(RejectReason.POOL_RESERVE_EXCEEDED, "open interest of " + ledger.settlement().format(reserved)
                    + " needs " + PoolVault.RESERVE_FACTOR_PPM / 10_000 + " % backing");
        }
    }

    private PoolVault requireInsurance(io.fulcrum.api.MarketId id) {
        PoolVault vault = requirePool(id);
        if (!vault.hasInsurance()) {
            throw Rejection.of(RejectReason.NO_INSURANCE_TRANCHE, id.toString());
        }
        return vault;
    }

    /** How much of {@code asset} pays {@code owed} settlement units at its price, rounded down (against the withdrawer). */
    private long amountOf(int asset, long owed) {
        if (asset == ledger.settlementIndex || owed == 0) {
            return owed;
        }
        long price = ledger.assetPrices[asset];
        if (price <= 0) {
            throw Rejection.of(RejectReason.NO_PRICE, ledger.assets[asset].id() + " has no price to pay the withdrawal in");
        }
        return Fixed.mulDiv(owed, Fixed.pow10(ledger.assets[asset].decimals()), price, RoundingMode.FLOOR);
    }

    private PoolVault requirePool(io.fulcrum.api.MarketId id) {
        MarketRuntime market = ledger.market(id);
        if (market.vault == null) {
            throw Rejection.of(RejectReason.NOT_A_POOL_MARKET, id.toString());
        }
        return market.vault;
    }
}
