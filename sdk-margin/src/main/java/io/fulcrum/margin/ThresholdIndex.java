package io.fulcrum.margin;

import io.fulcrum.api.spi.HealthIndex;
import io.fulcrum.margin.internal.ThresholdAccountMap;
import io.fulcrum.margin.internal.ThresholdEntryPool;
import io.fulcrum.margin.internal.ThresholdLadder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The {@link HealthIndex} for large venues: finds the accounts a price move reached by reading a
 * sorted run of thresholds, never the accounts the move could not have touched (DESIGN.md, "Speed
 * is designed in": liquidation checks are incremental).
 *
 * <p>The venue computes the thresholds (where one exposure alone would use up its share of the
 * account's margin buffer; compare the one-position liquidation prices of MECHANISMS.md §1.4 and
 * §5.1); this index only stores them. Per instrument it keeps two ladders, the fall-triggered and
 * the rise-triggered thresholds, each ordered by price. A fall to {@code to} reports the top of the
 * fall ladder down to {@code to}; a rise reports the bottom of the rise ladder up to {@code to}.
 * Thresholds above {@code from} on a fall (below it on a rise) are reported too: they were
 * reached before and their accounts are still at risk.
 *
 * <p>Example (the SPI's): an account with a buffer of 1,000 USDC, long 1 BTC at 50,000, is
 * tracked with one fall-triggered threshold, 49,000, on instrument 0 (BTC):
 * <pre>{@code
 * HealthIndex index = ThresholdIndex.create();
 * index.track(7, 1, new int[] {0}, new long[] {49_000}, new boolean[] {true});
 * index.reached(0, 50_000, 49_500, account -> ...);   // nothing: 49,500 is above 49,000
 * index.reached(0, 50_000, 48_900, account -> ...);   // reports 7
 * }</pre>
 *
 * <p>Rules: an account has at most one threshold per instrument and direction. If a
 * {@link #track} call gives two for the same pair, the one reached first is kept (the higher of
 * two fall-triggered thresholds, the lower of two rise-triggered ones), which reports the account
 * on exactly the moves that reach either; so each account is reported at most once per call.
 * Tracking an account with no thresholds ({@code count} 0) untracks it. Instruments are numbers
 * from 0 to {@value #MAX_INSTRUMENT}; thresholds are positive. Accounts may be any long. The
 * consumer passed to {@link #reached} must not track or untrack (collect, then act, as the SPI
 * says the venue does): that is refused with an {@link IllegalStateException}.
 *
 * <p>Design: each ladder is a two-level sorted list: blocks of up to 128
 * {@code (threshold, account)} pairs in one shared {@code long[]}, plus a small directory of
 * the blocks' first keys. A sorted array in blocks gives the same {@code O(log n)} search as a
 * B-tree with none of its pointer chasing, contiguous scans for reports, and cheap updates (a
 * memmove of at most 2 KiB). Each account's current thresholds are kept in a linked list of pooled
 * entries, found through an open-addressing hash table, so re-tracking an account removes exactly
 * its old pairs (a threshold that did not change is left in place). Everything is primitive
 * arrays grown by doubling and reused through free lists: once the index has grown to its peak,
 * {@code track}, {@code untrack} and {@code reached} allocate nothing.
 *
 * <p>Costs, for {@code n} thresholds on the instrument touched and {@code c} thresholds in the
 * call: {@code track} and {@code untrack} take {@code O(c (log n + 128))} with a small constant
 * (binary searches and one short memmove per threshold); {@code reached} takes {@code O(1 + k)} for
 * {@code k} reported accounts, independent of how many accounts are tracked. Memory: about 40
 * bytes per threshold (a 16-byte pair in a block that is about two-thirds full under random
 * updates and never under a quarter full on average, plus a 16-byte entry in the account's list),
 * plus up to 24 bytes per tracked account for the hash table.
 *
 * <p>Not thread-safe: one venue thread drives one index, as the SPI says.
 */
public final class ThresholdIndex implements HealthIndex {
    /** The largest instrument number accepted. */
    public static final int MAX_INSTRUMENT = 65_535;

    private final ThresholdAccountMap accounts;
    private final ThresholdEntryPool entries;
    /** Ladder {@code 2 i} holds instrument {@code i}'s fall-triggered thresholds, {@code 2 i + 1} its rise-triggered. */
    private ThresholdLadder[] ladders = new ThresholdLadder[0];

    // Scratch for merging one track call's thresholds per ladder, reset by bumping the call number.
    private long call;
    private long[] seenInCall = new long[0];
    private long[] keptInCall = new long[0];
    private long[] pending = new long[0];
    private int[] touched = new int[8];

    private boolean reporting;

    private ThresholdIndex(int expectedAccounts) {
        accounts = new ThresholdAccountMap(expectedAccounts);
        entries = new ThresholdEntryPool(expectedAccounts);
    }

    /** An empty index that grows as accounts are tracked. */
    public static ThresholdIndex create() {
        return new ThresholdIndex(0);
    }

    /**
     * An empty index sized for {@code expectedAccounts} accounts with one threshold each, so that
     * tracking that many grows only the per-instrument ladders.
     *
     * @param expectedAccounts 0 to 2<sup>29</sup>
     */
    public static ThresholdIndex create(int expectedAccounts) {
        if (expectedAccounts < 0 || expectedAccounts > 1 << 29) {
            throw new IllegalArgumentException("expectedAccounts must be in [0, 536,870,912]: " + expectedAccounts);
        }
        return new ThresholdIndex(expectedAccounts);
    }

    @Override
    public void track(long account, int count, int[] instruments, long[] thresholds, boolean[] triggersOnFall) {
        requireNotReporting("track");
        int highest = validate(count, instruments, thresholds, triggersOnFall);
        if (count == 0) {
            untrack(account);
            return;
        }
        ensureInstrument(highest);
        int distinct = mergeByLadder(count, instruments, thresholds, triggersOnFall);
        long thisCall = call;

        int head = accounts.get(account);
        for (int entry = head; entry != ThresholdEntryPool.NONE; ) {
            int ladder = entries.ladder(entry);
            long threshold = entries.threshold(entry);
            if (seenInCall[ladder] == thisCall && pending[ladder] == threshold) {
                keptInCall[ladder] = thisCall;   // unchanged: leave the pair where it is
            } else {
                ladders[ladder].remove(threshold, account);
            }
            int next = entries.next(entry);
            entries.release(entry);
            entry = next;
        }

        int newHead = ThresholdEntryPool.NONE;
        for (int i = 0; i < distinct; i++) {
            int ladder = touched[i];
            if (keptInCall[ladder] != thisCall) {
                ladder(ladder).add(pending[ladder], account);
            }
            newHead = entries.allocate(ladder, pending[ladder], newHead);
        }
        accounts.put(account, newHead);
    }

    @Override
    public void untrack(long account) {
        requireNotReporting("untrack");
        int entry = accounts.remove(account);
        while (entry != ThresholdEntryPool.NONE) {
            ladders[entries.ladder(entry)].remove(entries.threshold(entry), account);
            int next = entries.next(entry);
            entries.release(entry);
            entry = next;
        }
    }

    @Override
    public void reached(int instrument, long from, long to, LongConsumer accounts) {
        Objects.requireNonNull(accounts, "accounts");
        if (instrument < 0 || instrument > MAX_INSTRUMENT) {
            throw new IllegalArgumentException("instrument must be in [0, " + MAX_INSTRUMENT + "]: " + instrument);
        }
        if (from == to || 2 * instrument >= ladders.length) {
            return;
        }
        boolean fall = to < from;
        ThresholdLadder ladder = ladders[2 * instrument + (fall ? 0 : 1)];
        if (ladder == null) {
            return;
        }
        reporting = true;
        try {
            if (fall) {
                ladder.reportAtOrAbove(to, accounts);
            } else {
                ladder.reportAtOrBelow(to, accounts);
            }
        } finally {
            reporting = false;
        }
    }

    @Override
    public int trackedAccounts() {
        return accounts.size();
    }

    /** Checks every argument before anything changes; returns the highest instrument named. */
    private static int validate(int count, int[] instruments, long[] thresholds, boolean[] triggersOnFall) {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(triggersOnFall, "triggersOnFall");
        if (count < 0) {
            throw new IllegalArgumentException("count must be non-negative: " + count);
        }
        if (count > instruments.length || count > thresholds.length || count > triggersOnFall.length) {
            throw new IllegalArgumentException("count " + count + " exceeds an array's length: instruments "
                    + instruments.length + ", thresholds " + thresholds.length + ", triggersOnFall "
                    + triggersOnFall.length);
        }
        int highest = 0;
        for (int i = 0; i < count; i++) {
            if (instruments[i] < 0 || instruments[i] > MAX_INSTRUMENT) {
                throw new IllegalArgumentException("instruments[" + i + "] must be in [0, " + MAX_INSTRUMENT + "]: "
                        + instruments[i]);
            }
            if (thresholds[i] <= 0) {
                throw new IllegalArgumentException("thresholds[" + i + "] must be a positive price: " + thresholds[i]);
            }
            highest = Math.max(highest, instruments[i]);
        }
        return highest;
    }

    /**
     * Starts a new call number and collects the call's thresholds per ladder into {@code pending},
     * keeping the one reached first when a ladder is named twice; returns how many ladders
     * ({@code touched[0 .. distinct)}).
     */
    private int mergeByLadder(int count, int[] instruments, long[] thresholds, boolean[] triggersOnFall) {
        long thisCall = ++call;
        if (touched.length < count) {
            touched = new int[Math.max(count, 2 * touched.length)];
        }
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            boolean fall = triggersOnFall[i];
            int ladder = 2 * instruments[i] + (fall ? 0 : 1);
            long threshold = thresholds[i];
            if (seenInCall[ladder] != thisCall) {
                seenInCall[ladder] = thisCall;
                pending[ladder] = threshold;
                touched[distinct++] = ladder;
            } else {
                pending[ladder] = fall ? Math.max(pending[ladder], threshold) : Math.min(pending[ladder], threshold);
            }
        }
        return distinct;
    }

    /** Makes room for the ladders of every instrument up to {@code instrument}; each is created on first use. */
    private void ensureInstrument(int instrument) {
        int needed = 2 * (instrument + 1);
        if (needed <= ladders.length) {
            return;
        }
        ladders = Arrays.copyOf(ladders, needed);
        seenInCall = Arrays.copyOf(seenInCall, needed);
        keptInCall = Arrays.copyOf(keptInCall, needed);
        pending = Arrays.copyOf(pending, needed);
    }

    private ThresholdLadder ladder(int ladder) {
        ThresholdLadder existing = ladders[ladder];
        if (existing == null) {
            existing = new ThresholdLadder();
            ladders[ladder] = existing;
        }
        return existing;
    }

    private void requireNotReporting(String operation) {
        if (reporting) {
            throw new IllegalStateException("cannot " + operation + " while reached() is reporting: collect the"
                    + " accounts first, then act on them");
        }
    }
}
