package io.fulcrum.api;

import java.util.Comparator;

/**
 * Names a margin account: an owner (a user, a market maker, the venue itself) and one of the
 * owner's sub-accounts. Each sub-account has its own balances, positions and margin; funds
 * move between sub-accounts of one owner with a transfer.
 *
 * <p>Example: {@code AccountId.of(7, 0)} is owner 7's main account, {@code AccountId.of(7, 1)}
 * a second, separately margined one.
 *
 * @param owner non-negative owner number
 * @param subaccount non-negative sub-account number; 0 is the main account
 */
public record AccountId(long owner, int subaccount) implements Comparable<AccountId> {
    private static final Comparator<AccountId> ORDER =
            Comparator.comparingLong(AccountId::owner).thenComparingInt(AccountId::subaccount);

    public AccountId {
        if (owner < 0) {
            throw new IllegalArgumentException("owner must be non-negative: " + owner);
        }
        if (subaccount < 0) {
            throw new IllegalArgumentException("subaccount must be non-negative: " + subaccount);
        }
    }

    /** Returns sub-account {@code subaccount} of {@code owner}. */
    public static AccountId of(long owner, int subaccount) {
        return new AccountId(owner, subaccount);
    }

    /** Returns the main sub-account (0) of {@code owner}. */
    public static AccountId main(long owner) {
        return new AccountId(owner, 0);
    }

    @Override
    public int compareTo(AccountId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return owner + "/" + subaccount;
    }
}
