package io.fulcrum.orderbook.internal;

/**
 * What an iceberg order keeps out of sight: its slice size and its hidden reserve, found by the
 * order's {@link OrderPool} slot. The slice on show is the order's ordinary open size in the
 * pool, so matching, level totals and depth see only that; this table holds the rest.
 *
 * <p>Why a table of its own and not two more longs in every order record: icebergs are a small
 * share of the orders of a book, and two longs per record would cost every ordinary order
 * 16 bytes (from 55 to 71 a resting order at a million). Here an ordinary order costs nothing,
 * and matching looks here only when a maker's whole slice is taken and the table is not empty.
 *
 * <p>Layout: an open-addressing hash table with linear probing and backward-shift deletion, as
 * {@link OrderIdIndex}: {@code keys} holds slot + 1 (0 is empty), {@code values} two longs per
 * entry, {@code [displaySize, hidden]}: 20 bytes. It grows at half full, so an iceberg costs 40 to
 * 80 bytes here on top of its ordinary record (42 at a million icebergs); the table never
 * shrinks, and in steady state allocates nothing.
 *
 * <p>Example: an iceberg of 50 lots showing 10 rests in slot 4 with 10 in the pool and
 * {@code put(4, 10, 40)} here; when its slice is taken, {@code setHidden(find(4), 30)} and a new
 * slice of 10 goes into the pool.
 */
final class IcebergReserve {
    /** Bytes of array one table entry occupies: an int key and two longs. */
    static final int BYTES_PER_ENTRY = Integer.BYTES + 2 * Long.BYTES;
    /** What {@link #find} returns for a slot that holds no iceberg. */
    static final int ABSENT = -1;
    private static final int MAX_CAPACITY = 1 << 29;
    private static final int EMPTY = 0;
    private static final int DISPLAY = 0;
    private static final int HIDDEN = 1;

    private int[] keys;
    private long[] values;
    private int mask;
    private int size;
    private int growAt;

    /** An empty table with room for {@code expected} icebergs before it first grows. */
    IcebergReserve(int expected) {
        int capacity = 2;
        while (capacity < MAX_CAPACITY && capacity / 2 < expected) {
            capacity <<= 1;
        }
        resize(capacity);
    }

    /** True if no order is an iceberg: the check that keeps ordinary books off this table. */
    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The entry of the iceberg in {@code slot}, or {@link #ABSENT}. */
    int find(int slot) {
        int key = slot + 1;
        for (int at = hash(slot) & mask;; at = (at + 1) & mask) {
            int entry = keys[at];
            if (entry == EMPTY) {
                return ABSENT;
            }
            if (entry == key) {
                return at;
            }
        }
    }

    long display(int entry) {
        return values[(entry << 1) + DISPLAY];
    }

    long hidden(int entry) {
        return values[(entry << 1) + HIDDEN];
    }

    void setHidden(int entry, long hidden) {
        values[(entry << 1) + HIDDEN] = hidden;
    }

    /** Records the iceberg in {@code slot}; the caller guarantees the slot holds none yet. */
    void put(int slot, long displaySize, long hidden) {
        if (size >= growAt) {
            resize(keys.length * 2);
        }
        insert(slot + 1, displaySize, hidden);
        size++;
    }

    /** Forgets the iceberg in {@code slot}, if it holds one: its order has left the book. */
    void remove(int slot) {
        int entry = find(slot);
        if (entry != ABSENT) {
            deleteAt(entry);
            size--;
        }
    }

    /** The number of entries the table holds, used or not. */
    int capacity() {
        return keys.length;
    }

    /** Bytes of the arrays, from their lengths (array headers included). */
    long retainedBytes() {
        return Footprint.ofArray(keys.length, Integer.BYTES) + Footprint.ofArray(values.length, Long.BYTES);
    }

    /**
     * Throws {@link IllegalStateException} unless every entry can be found from its home and the
     * entries number {@link #size()}. For {@link BookInvariants}.
     */
    void verify() {
        int count = 0;
        for (int at = 0; at < keys.length; at++) {
            if (keys[at] == EMPTY) {
                continue;
            }
            count++;
            if (find(keys[at] - 1) != at) {
                throw new IllegalStateException("iceberg entry " + at + " for slot " + (keys[at] - 1)
                        + " cannot be found from its home");
            }
        }
        if (count != size) {
            throw new IllegalStateException("the iceberg table counts " + size + " icebergs but holds " + count);
        }
    }

    /** Slots are small consecutive ints; the multiply spreads neighbours over the table. */
    private static int hash(int slot) {
        int h = slot * 0x9E37_79B9;
        return h ^ (h >>> 16);
    }

    private void insert(int key, long displaySize, long hidden) {
        int at = hash(key - 1) & mask;
        while (keys[at] != EMPTY) {
            at = (at + 1) & mask;
        }
        keys[at] = key;
        values[(at << 1) + DISPLAY] = displaySize;
        values[(at << 1) + HIDDEN] = hidden;
    }

    /** Empties entry {@code hole} and moves later entries of its probe run back, as {@link OrderIdIndex} does. */
    private void deleteAt(int hole) {
        for (int at = (hole + 1) & mask;; at = (at + 1) & mask) {
            int key = keys[at];
            if (key == EMPTY) {
                break;
            }
            int home = hash(key - 1) & mask;
            if (((at - home) & mask) >= ((at - hole) & mask)) {
                keys[hole] = key;
                values[hole << 1] = values[at << 1];
                values[(hole << 1) + 1] = values[(at << 1) + 1];
                hole = at;
            }
        }
        keys[hole] = EMPTY;
    }

    private void resize(int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("the iceberg table cannot grow beyond " + MAX_CAPACITY + " entries");
        }
        int[] oldKeys = keys;
        long[] oldValues = values;
        keys = new int[capacity];
        values = new long[capacity << 1];
        mask = capacity - 1;
        growAt = capacity / 2;
        if (oldKeys != null) {
            for (int at = 0; at < oldKeys.length; at++) {
                if (oldKeys[at] != EMPTY) {
                    insert(oldKeys[at], oldValues[at << 1], oldValues[(at << 1) + 1]);
                }
            }
        }
    }
}
