package io.fulcrum.margin.internal;

import java.util.Arrays;

/**
 * What each account has tracked, so its old thresholds can be found and removed: one entry per
 * (instrument, direction) the account is exposed to, holding the ladder's number and the
 * threshold, chained into a singly linked list per account. An entry is two adjacent longs in one
 * array (ladder and successor packed in the first, the threshold in the second: 16 bytes, one
 * cache line), and released entries are reused before the array grows, most recently released
 * first, so an account re-tracked with as many thresholds gets the same slots back and nothing
 * allocates after warm-up.
 *
 * <p>Not thread-safe.
 */
public final class ThresholdEntryPool {
    /** The end of a chain. */
    public static final int NONE = -1;

    private static final long NEXT_MASK = 0xFFFF_FFFFL;

    /** Entry {@code e}: {@code slots[2e]} = ladder << 32 | successor (32 bits), {@code slots[2e + 1]} = threshold. */
    private long[] slots;
    /** Head of the chain of released entries. */
    private int free = NONE;
    /** Entries handed out so far (the high-water mark). */
    private int created;

    /** A pool with room for {@code expected} entries before it first grows. */
    public ThresholdEntryPool(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected must be non-negative: " + expected);
        }
        slots = new long[2 * Math.max(16, expected)];
    }

    /** A new entry for {@code threshold} in ladder {@code ladder} (0 or more), chained before {@code rest}. */
    public int allocate(int ladder, long threshold, int rest) {
        int entry;
        if (free != NONE) {
            entry = free;
            free = next(entry);
        } else {
            if (2 * created == slots.length) {
                if (created > Integer.MAX_VALUE / 4) {
                    throw new IllegalStateException("more than " + created + " thresholds");
                }
                slots = Arrays.copyOf(slots, 2 * slots.length);
            }
            entry = created++;
        }
        slots[2 * entry] = (long) ladder << 32 | (rest & NEXT_MASK);
        slots[2 * entry + 1] = threshold;
        return entry;
    }

    /** Returns the entry to the pool; read its fields and successor before releasing it. */
    public void release(int entry) {
        slots[2 * entry] = free & NEXT_MASK;
        free = entry;
    }

    /** The entry after {@code entry} in its account's chain, or {@link #NONE}. */
    public int next(int entry) {
        return (int) slots[2 * entry];
    }

    /** The ladder the entry's threshold is in. */
    public int ladder(int entry) {
        return (int) (slots[2 * entry] >>> 32);
    }

    /** The entry's threshold. */
    public long threshold(int entry) {
        return slots[2 * entry + 1];
    }
}
