package io.fulcrum.api.spi;

import java.util.function.LongConsumer;

/**
 * Finds the accounts a price move can have pushed below maintenance, without re-examining
 * every account (DESIGN.md: "liquidation checks are incremental").
 *
 * <p>After it evaluates an account, the venue gives the index one <b>threshold price</b> per
 * instrument (market or collateral asset) the account is exposed to, chosen so that the account
 * cannot fall below maintenance while every instrument's price stays on the safe side of its
 * threshold: the account's margin buffer (equity minus maintenance) is split between its
 * exposures, and each threshold is where that exposure alone would use up its share. A long
 * exposure is at risk when its price falls to or below the threshold, a short one when the price
 * rises to or above it. When an instrument's price moves, the index reports the accounts whose
 * threshold the move reached; the venue evaluates exactly those, and re-tracks them.
 *
 * <p>Example: an account with a buffer of 1,000 USDC, long 1 BTC at 50,000 and nothing else,
 * gets the threshold 49,000 on BTC, triggered by a fall. A move from 50,000 to 49,500 reports
 * nothing; a move to 48,900 reports the account.
 *
 * <p>Implementations are not thread-safe: one venue thread drives one index.
 */
public interface HealthIndex {
    /**
     * Replaces every threshold of {@code account} with the first {@code count} entries of the
     * arrays: {@code instruments[i]} (a number the venue assigns, 0 or more) is at risk at
     * {@code thresholds[i]} (a price, positive), on a fall to or below it when
     * {@code triggersOnFall[i]}, else on a rise to or above it. The arrays are not kept.
     */
    void track(long account, int count, int[] instruments, long[] thresholds, boolean[] triggersOnFall);

    /** Forgets every threshold of {@code account} (it holds no risk any more). */
    void untrack(long account);

    /**
     * Reports each account with a threshold on {@code instrument} that a move from {@code from}
     * to {@code to} reached: on a fall ({@code to < from}) the fall-triggered thresholds at or
     * above {@code to}; on a rise the rise-triggered thresholds at or below {@code to}; nothing if
     * the price did not move. Each account is reported at most once per call, in no particular
     * order (the venue sorts them). The index is unchanged.
     */
    void reached(int instrument, long from, long to, LongConsumer accounts);

    /** How many accounts are tracked. */
    int trackedAccounts();
}
