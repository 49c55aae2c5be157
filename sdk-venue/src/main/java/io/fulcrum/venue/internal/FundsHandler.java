package io.fulcrum.venue.internal;

import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarginMode;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.MarginState;
import java.util.List;

/** Opens accounts and moves money in, out and between sub-accounts. */
final class FundsHandler {
    private final Ledger ledger;

    FundsHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    void open(Command.OpenAccount c, List<Event> events) {
        if (c.account().owner() == 0) {
            throw Rejection.of(RejectReason.RESERVED_ACCOUNT, c.account().toString());
        }
        if (ledger.accounts.containsKey(c.account())) {
            throw Rejection.of(RejectReason.ACCOUNT_EXISTS, c.account().toString());
        }
        AccountState account = new AccountState(c.account(), ledger.nextAccountKey++, ledger.assets.length,
                ledger.markets.length);
        ledger.accounts.put(c.account(), account);
        ledger.accountsByKey.put(account.key, account);
        events.add(new Event.AccountOpened(c.account()));
    }

    void deposit(Command.Deposit c, List<Event> events) {
        AccountState account = ledger.account(c.account());
        int asset = ledger.assetIndex(c.asset());
        long amount = Ledger.requirePositiveAmount(c.amount());
        if (ledger.netDeposits[asset] + amount >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW,
                    "the venue's total of " + c.asset() + " would reach 2^60 units");
        }
        PoolVault vault = ledger.vaultOf(account);
        if (vault != null) {
            vault.donated += ledger.settlementValue(asset, amount, java.math.RoundingMode.FLOOR);
        }
        account.balances[asset] += amount;
        ledger.netDeposits[asset] += amount;
        events.add(new Event.Deposited(c.account(), c.asset(), amount, account.balances[asset]));
    }

    /** Tops up an insurance fund with the settlement asset: money entering the venue. */
    void depositInsurance(Command.DepositInsurance c, List<Event> events) {
        if (ledger.config.insuranceFund() == null) {
            throw Rejection.of(RejectReason.NO_INSURANCE_FUND, c.fund());
        }
        if (c.fund().isBlank()) {
            throw Rejection.of(RejectReason.NO_INSURANCE_FUND, "a fund needs a name");
        }
        long amount = Ledger.requirePositiveAmount(c.amount());
        int cash = ledger.settlementIndex;
        if (ledger.netDeposits[cash] + amount >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "the venue's total would reach 2^60 units");
        }
        long balance = ledger.insuranceFunds.merge(c.fund(), amount, io.fulcrum.api.Fixed::add);
        ledger.netDeposits[cash] += amount;
        events.add(new Event.InsuranceFundChanged(c.fund(), amount, balance, null));
    }

    void withdraw(Command.Withdraw c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        int asset = ledger.assetIndex(c.asset());
        long amount = Ledger.requirePositiveAmount(c.amount());
        requireFreeAfterDebit(account, asset, amount);
        account.balances[asset] -= amount;
        ledger.netDeposits[asset] -= amount;
        events.add(new Event.Withdrawn(c.account(), c.asset(), amount, account.balances[asset]));
    }

    void transfer(Command.Transfer c, List<Event> events) {
        AccountState from = ledger.actingAccount(c.from());
        AccountState to = ledger.account(c.to());
        if (from == to) {
            throw Rejection.of(RejectReason.SAME_ACCOUNT, c.from().toString());
        }
        if (c.from().owner() != c.to().owner()) {
            throw Rejection.of(RejectReason.NOT_SAME_OWNER, c.from() + " -> " + c.to());
        }
        int asset = ledger.assetIndex(c.asset());
        long amount = Ledger.requirePositiveAmount(c.amount());
        requireFreeAfterDebit(from, asset, amount);
        from.balances[asset] -= amount;
        to.balances[asset] += amount;
        events.add(new Event.Transferred(c.from(), c.to(), c.asset(), amount));
    }

    /**
     * A debit may take only what the account holds, and must leave equity at or above the
     * initial requirement: unrealised profit is never withdrawable below it (DESIGN.md invariants).
     */
    private void requireFreeAfterDebit(AccountState account, int asset, long amount) {
        if (account.marginMode == MarginMode.STRICT_ISOLATED && account.hasRisk()) {
            throw Rejection.of(RejectReason.MARGIN_LOCKED_BY_STRICT_ISOLATION, account.id + " holds a position or orders in "
                    + ledger.markets[account.isolatedMarket].spec.id());
        }
        long held = account.balances[asset];
        if (asset == ledger.settlementIndex && account.loan > 0 && held - amount < account.loan) {
            throw Rejection.of(RejectReason.BORROWED_FUNDS_NOT_WITHDRAWABLE, account.id + " holds "
                    + ledger.settlement().format(held) + " and owes " + ledger.settlement().format(account.loan));
        }
        if (held < amount) {
            throw Rejection.of(RejectReason.INSUFFICIENT_BALANCE,
                    "holds " + ledger.assets[asset].format(Math.max(held, 0)) + " " + ledger.assets[asset].id()
                            + ", asked for " + ledger.assets[asset].format(amount));
        }
        MarginState after = ledger.evaluate(new LedgerAccountView(ledger, account).withBalanceDelta(asset, -amount));
        if (!after.meetsInitial()) {
            MarginState now = ledger.evaluate(account);
            throw Rejection.of(RejectReason.INSUFFICIENT_FREE_COLLATERAL,
                    "free collateral is " + ledger.settlement().format(Math.max(now.freeCollateral(), 0)) + " "
                            + ledger.settlement().id());
        }
    }
}
