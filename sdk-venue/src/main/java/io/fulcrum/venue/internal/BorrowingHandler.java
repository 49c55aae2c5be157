package io.fulcrum.venue.internal;

import io.fulcrum.api.BorrowTerms;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.RejectReason;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Loans of the settlement asset against collateral, on the venue's {@link BorrowTerms}. A loan
 * adds to the account's cash and, by the same amount, to what it owes, so equity is unchanged;
 * the cash comes from the venue's lending pool, which repayments refill (the money audit counts
 * the pool). Interest is added to the loan for the time since it was last charged, rounded up,
 * at every {@code AdvanceTime} and before the account borrows or repays.
 */
final class BorrowingHandler {
    private final Ledger ledger;

    BorrowingHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    void borrow(Command.Borrow c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        BorrowTerms terms = requireTerms();
        long amount = Ledger.requirePositiveAmount(c.amount());
        long owed = Fixed.add(account.loan, interestDue(terms, account, c.time()));
        long limit = borrowLimit(terms, account);
        if (Fixed.add(owed, amount) > limit) {
            throw Rejection.of(RejectReason.ABOVE_BORROW_LIMIT, c.account() + " owes " + ledger.settlement().format(owed)
                    + " and may borrow up to " + ledger.settlement().format(limit) + " in all, asked for "
                    + ledger.settlement().format(amount));
        }
        if (Fixed.add(account.balances[ledger.settlementIndex], amount) >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "the balance would reach 2^60 units");
        }
        accrue(terms, account, c.time(), events);
        account.loanSince = c.time();
        account.loan += amount;
        account.balances[ledger.settlementIndex] += amount;
        ledger.lendingPool -= amount;
        events.add(new Event.Borrowed(c.account(), amount, account.loan, account.balances[ledger.settlementIndex]));
    }

    void repay(Command.Repay c, List<Event> events) {
        AccountState account = ledger.actingAccount(c.account());
        BorrowTerms terms = requireTerms();
        long amount = Ledger.requirePositiveAmount(c.amount());
        long owed = Fixed.add(account.loan, interestDue(terms, account, c.time()));
        if (amount > owed) {
            throw Rejection.of(RejectReason.REPAY_ABOVE_LOAN, "owes " + ledger.settlement().format(owed) + ", repays "
                    + ledger.settlement().format(amount));
        }
        long cash = account.balances[ledger.settlementIndex];
        if (cash < amount) {
            throw Rejection.of(RejectReason.INSUFFICIENT_BALANCE, "holds " + ledger.settlement().format(Math.max(cash, 0))
                    + ", repays " + ledger.settlement().format(amount));
        }
        accrue(terms, account, c.time(), events);
        account.loan -= amount;
        account.balances[ledger.settlementIndex] -= amount;
        ledger.lendingPool += amount;
        events.add(new Event.Repaid(c.account(), amount, account.loan, account.balances[ledger.settlementIndex]));
    }

    /** Charges every open loan its interest up to {@code now}, in account order. */
    void accrueAll(long now, List<Event> events) {
        BorrowTerms terms = ledger.config.borrowTerms();
        if (terms == null) {
            return;
        }
        for (AccountState account : ledger.accounts.values()) {
            accrue(terms, account, now, events);
        }
    }

    /**
     * What {@code account} may owe in all: {@code Σ ⌊holding × price / 10^decimals⌋ × LTV},
     * rounded down, over the collateral assets the terms lend against.
     */
    long borrowLimit(BorrowTerms terms, AccountState account) {
        long limit = 0;
        for (int a = 0; a < ledger.assets.length; a++) {
            long ltv = terms.loanToValue(ledger.assets[a].id());
            long held = account.balances[a];
            long price = ledger.assetPrices[a];
            if (a == ledger.settlementIndex || ltv == 0 || held <= 0 || price <= 0) {
                continue;
            }
            long value = Fixed.mulDiv(held, price, Fixed.pow10(ledger.assets[a].decimals()), RoundingMode.FLOOR);
            limit = Fixed.add(limit, Fixed.ppm(value, ltv, RoundingMode.FLOOR));
        }
        return limit;
    }

    private void accrue(BorrowTerms terms, AccountState account, long now, List<Event> events) {
        if (account.loan <= 0) {
            return;
        }
        long interest = interestDue(terms, account, now);
        account.loanSince = now;
        if (interest > 0) {
            account.loan = Fixed.add(account.loan, interest);
            events.add(new Event.InterestCharged(account.id, interest, account.loan));
        }
    }

    /** {@code ⌈loan × rate × elapsed / (10^6 × year)⌉}: never in the borrower's favour. */
    private static long interestDue(BorrowTerms terms, AccountState account, long now) {
        if (account.loan <= 0 || now <= account.loanSince) {
            return 0;
        }
        BigInteger numerator = BigInteger.valueOf(account.loan).multiply(BigInteger.valueOf(terms.yearlyRatePpm()))
                .multiply(BigInteger.valueOf(now - account.loanSince));
        BigInteger denominator = BigInteger.valueOf(Fixed.PPM).multiply(BigInteger.valueOf(BorrowTerms.YEAR_MS));
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger interest = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return interest.min(BigInteger.valueOf(Ledger.MAX_AMOUNT)).longValueExact();
    }

    private BorrowTerms requireTerms() {
        BorrowTerms terms = ledger.config.borrowTerms();
        if (terms == null) {
            throw Rejection.of(RejectReason.BORROWING_NOT_OFFERED, "no borrow terms were configured");
        }
        return terms;
    }
}
