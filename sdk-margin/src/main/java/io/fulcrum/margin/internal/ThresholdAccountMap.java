package io.fulcrum.margin.internal;

/**
 * Account key to a non-negative int (the head of the account's threshold entries): an
 * open-addressing hash table over two primitive arrays with linear probing.
 *
 * <p>Removal shifts the following run of entries back into the gap instead of leaving a
 * tombstone, so a table under endless track/untrack churn never fills with tombstones and never
 * needs rebuilding: after it has grown to its peak, nothing allocates. Every long is a valid key
 * (emptiness is marked in the value array, not by a reserved key). The load factor stays at or
 * below one half, so memory is at most 24 bytes per account at the peak and lookups probe about
 * one and a half slots.
 *
 * <p>Not thread-safe.
 */
public final class ThresholdAccountMap {
    /** Fibonacci hashing: spreads consecutive account numbers over the whole table. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] keys;
    /** The value plus one; 0 marks an empty slot. */
    private int[] values;
    private int mask;
    private int shift;
    private int size;

    /** A table with room for {@code expected} keys before it first grows. */
    public ThresholdAccountMap(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected must be non-negative: " + expected);
        }
        int capacity = 16;
        while (capacity < MAX_CAPACITY && capacity / 2 < expected) {
            capacity *= 2;
        }
        allocate(capacity);
    }

    /** How many keys are present. */
    public int size() {
        return size;
    }

    /** The key's value, or -1 if absent. */
    public int get(long key) {
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            int stored = values[slot];
            if (stored == 0) {
                return -1;
            }
            if (keys[slot] == key) {
                return stored - 1;
            }
        }
    }

    /** Maps {@code key} to {@code value} (0 or more), replacing any previous value. */
    public void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be non-negative: " + value);
        }
        for (int slot = home(key); ; slot = (slot + 1) & mask) {
            if (values[slot] == 0) {
                keys[slot] = key;
                values[slot] = value + 1;
                if (++size > keys.length / 2) {
                    grow();
                }
                return;
            }
            if (keys[slot] == key) {
                values[slot] = value + 1;
                return;
            }
        }
    }

    /** Removes the key; returns its value, or -1 if it was absent. */
    public int remove(long key) {
        int slot = home(key);
        while (true) {
            int stored = values[slot];
            if (stored == 0) {
                return -1;
            }
            if (keys[slot] == key) {
                closeGap(slot);
                size--;
                return stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Empties {@code gap} by moving back each later entry of the probe run that may live there:
     * one whose home slot is not cyclically within {@code (gap, slot]}.
     */
    private void closeGap(int gap) {
        int slot = gap;
        while (true) {
            slot = (slot + 1) & mask;
            if (values[slot] == 0) {
                break;
            }
            int home = home(keys[slot]);
            boolean homeBetween = gap <= slot ? gap < home && home <= slot : gap < home || home <= slot;
            if (!homeBetween) {
                keys[gap] = keys[slot];
                values[gap] = values[slot];
                gap = slot;
            }
        }
        values[gap] = 0;
    }

    private int home(long key) {
        return (int) ((key * SPREAD) >>> shift);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private void grow() {
        if (keys.length == MAX_CAPACITY) {
            throw new IllegalStateException("more than " + MAX_CAPACITY / 2 + " accounts");
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                int slot = home(oldKeys[i]);
                while (values[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
