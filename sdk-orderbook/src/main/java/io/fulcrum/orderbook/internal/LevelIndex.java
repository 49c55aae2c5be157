package io.fulcrum.orderbook.internal;

/**
 * Finds the level of one side at a given price: an open-addressing hash table of level numbers
 * with linear probing and backward-shift deletion, in one {@code int[]}.
 *
 * <p>Why, when {@link BookSide} keeps the levels sorted anyway: a new order usually joins a level
 * that exists, often hundreds of levels below the top, and a search of the sorted array that
 * deep takes a dozen dependent probes (measured: a third of the book's time on the synthetic
 * flow), where this takes one. The sorted array is still what orders the levels; it is searched
 * only when a level is created or removed.
 *
 * <p>Each entry holds level + 1 (0 is empty); the price it stands for is read from the
 * {@link LevelPool} record, which the caller reads next anyway. The table stays at most
 * {@value #MAX_LOAD_PERCENT} % full, so a probe nearly always ends at the home entry. A side has
 * few levels, so this costs little: 4 bytes an entry, 16 to 32 bytes a level.
 *
 * <p>Example: with the level at 1,000 numbered 3, {@code find(1_000)} is 3 and {@code find(1_001)}
 * is {@link OrderPool#NONE}.
 */
final class LevelIndex {
    static final int MAX_LOAD_PERCENT = 25;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final int EMPTY = 0;

    private final LevelPool levels;
    private int[] table;
    private int mask;
    private int size;
    private int growAt;

    /** An empty index over {@code levels} with room for {@code expected} levels before it first grows. */
    LevelIndex(LevelPool levels, int expected) {
        this.levels = levels;
        int capacity = 2;
        while (capacity < MAX_CAPACITY && (long) capacity * MAX_LOAD_PERCENT / 100 < expected) {
            capacity <<= 1;
        }
        resize(capacity);
    }

    /** The level at {@code price}, or {@link OrderPool#NONE} if there is none. */
    int find(long price) {
        int[] entries = table;
        int mask = this.mask;
        for (int at = hash(price) & mask;; at = (at + 1) & mask) {
            int entry = entries[at];
            if (entry == EMPTY) {
                return OrderPool.NONE;
            }
            if (levels.price(entry - 1) == price) {
                return entry - 1;
            }
        }
    }

    /** Indexes {@code level} under its price; the caller guarantees no level of this side has that price. */
    void add(int level) {
        if (size >= growAt) {
            resize(table.length * 2);
        }
        insert(level);
        size++;
    }

    /**
     * Removes the level at {@code price}.
     *
     * @throws IllegalStateException if no level is indexed at {@code price}
     */
    void remove(long price) {
        int[] entries = table;
        int mask = this.mask;
        for (int at = hash(price) & mask;; at = (at + 1) & mask) {
            int entry = entries[at];
            if (entry == EMPTY) {
                throw new IllegalStateException("no level indexed at " + price);
            }
            if (levels.price(entry - 1) == price) {
                deleteAt(at);
                size--;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    /** Bytes of the table, from its length (array header included). */
    long retainedBytes() {
        return Footprint.ofArray(table.length, Integer.BYTES);
    }

    /**
     * Prices of a book cluster around the market, often a tick apart; a Fibonacci multiply
     * scatters them so a run of neighbouring prices never becomes a run of probes.
     */
    private static int hash(long price) {
        long h = price * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void insert(int level) {
        int at = hash(levels.price(level)) & mask;
        while (table[at] != EMPTY) {
            at = (at + 1) & mask;
        }
        table[at] = level + 1;
    }

    /** Empties entry {@code hole} and moves later entries of its probe run back, as {@link OrderIdIndex} does. */
    private void deleteAt(int hole) {
        int[] entries = table;
        int mask = this.mask;
        for (int at = (hole + 1) & mask;; at = (at + 1) & mask) {
            int entry = entries[at];
            if (entry == EMPTY) {
                break;
            }
            int home = hash(levels.price(entry - 1)) & mask;
            if (((at - home) & mask) >= ((at - hole) & mask)) {
                entries[hole] = entry;
                hole = at;
            }
        }
        entries[hole] = EMPTY;
    }

    private void resize(int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("the level index cannot grow beyond " + MAX_CAPACITY + " entries");
        }
        int[] old = table;
        table = new int[capacity];
        mask = capacity - 1;
        growAt = (int) ((long) capacity * MAX_LOAD_PERCENT / 100);
        if (old != null) {
            for (int entry : old) {
                if (entry != EMPTY) {
                    insert(entry - 1);
                }
            }
        }
    }
}
