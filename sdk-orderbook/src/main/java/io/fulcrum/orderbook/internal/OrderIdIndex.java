package io.fulcrum.orderbook.internal;

/**
 * Finds the {@link OrderPool} slot of a resting order from its id: an open-addressing hash table
 * with linear probing and backward-shift deletion, in one {@code long[]}.
 *
 * <p>Why not a general {@code long -> int} map: the ids already live in the pool, so storing them
 * again would cost 8 bytes per entry for nothing. Each entry is instead one long: the 32-bit hash
 * of the id (high half) and the slot + 1 (low half; 0 means an empty entry). A probe compares
 * hashes without leaving the table, and only a hash match reads the id from the pool to confirm,
 * so a lookup of an absent id (every new order is checked) touches nothing but the table.
 *
 * <p>Why two load factors: the cost of a probe is mostly the mispredicted branch that ends it,
 * and at 45 % load about half the probes run on, while at 20 % nearly all stop at the home
 * entry (measured: insert plus remove at 0.44 load costs 40 ns, at 0.11 load 17 ns). So a small
 * table, up to {@value #DENSE_ABOVE} entries (512 KB), grows when it is
 * {@value #SPARSE_LOAD_PERCENT} % full, buying speed with memory that does not matter at that
 * size; a larger one grows at {@value #DENSE_LOAD_PERCENT} %, where memory does matter. At
 * 8 bytes per entry a large table costs 16 to 32 bytes per order; at 1,000,000 orders its
 * 2,097,152 entries cost 16.8 bytes per order.
 *
 * <p>Why backward-shift deletion rather than tombstones: orders come and go all the time, and
 * tombstones would pile up until a rehash, which is a stall on the hot path. Shifting the entries
 * after a removed one back towards their home keeps every probe run as short as if the removed
 * id had never been added, and needs no rehash ever, except to grow.
 *
 * <p>Nothing iterates the table in hash order, so nothing observable depends on the hash.
 *
 * <p>Example: with orders 7 and 9 in slots 0 and 1, {@code get(9)} is 1, {@code remove(7)} is 0
 * and then {@code get(7)} is {@link OrderPool#NONE}.
 */
final class OrderIdIndex {
    static final int SPARSE_LOAD_PERCENT = 25;
    static final int DENSE_LOAD_PERCENT = 50;
    /** Tables of more entries than this grow at {@link #DENSE_LOAD_PERCENT}. */
    static final int DENSE_ABOVE = 1 << 16;
    /** Bytes of array one table entry occupies. */
    static final int BYTES_PER_ENTRY = Long.BYTES;
    private static final int MAX_CAPACITY = 1 << 30;
    private static final long EMPTY = 0L;
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    /** Where the ids are: the index confirms a hash match against {@code orders.id(slot)}. */
    private final OrderPool orders;
    private long[] table;
    private int mask;
    private int size;
    private int growAt;

    /** An empty index over {@code orders} with room for {@code expected} ids before it first grows. */
    OrderIdIndex(OrderPool orders, int expected) {
        this.orders = orders;
        int capacity = 2;
        while (capacity < MAX_CAPACITY && growThreshold(capacity) < expected) {
            capacity <<= 1;
        }
        resize(capacity);
    }

    /** The slot of order {@code id}, or {@link OrderPool#NONE} if it is not indexed. */
    int get(long id) {
        int hash = hash(id);
        long[] entries = table;
        int mask = this.mask;
        for (int at = hash & mask;; at = (at + 1) & mask) {
            long entry = entries[at];
            if (entry == EMPTY) {
                return OrderPool.NONE;
            }
            if ((int) (entry >>> 32) == hash) {
                int slot = (int) entry - 1;
                if (orders.id(slot) == id) {
                    return slot;
                }
            }
        }
    }

    /** Indexes order {@code id} at {@code slot}; the caller guarantees {@code id} is not indexed yet. */
    void put(long id, int slot) {
        if (size >= growAt) {
            resize(table.length * 2);
        }
        insert(hash(id), slot);
        size++;
    }

    /** Removes order {@code id} and returns the slot it had, or {@link OrderPool#NONE} if it was not indexed. */
    int remove(long id) {
        int hash = hash(id);
        long[] entries = table;
        int mask = this.mask;
        for (int at = hash & mask;; at = (at + 1) & mask) {
            long entry = entries[at];
            if (entry == EMPTY) {
                return OrderPool.NONE;
            }
            if ((int) (entry >>> 32) == hash) {
                int slot = (int) entry - 1;
                if (orders.id(slot) == id) {
                    deleteAt(at);
                    size--;
                    return slot;
                }
            }
        }
    }

    int size() {
        return size;
    }

    /** For tests: the table entry holding {@code id}, or -1. Probes exactly as {@link #get} does. */
    int positionOf(long id) {
        int hash = hash(id);
        for (int at = hash & mask;; at = (at + 1) & mask) {
            long entry = table[at];
            if (entry == EMPTY) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && orders.id((int) entry - 1) == id) {
                return at;
            }
        }
    }

    /** The number of entries the table holds, used or not. */
    int capacity() {
        return table.length;
    }

    /** Bytes of the table, from its length (array header included). */
    long retainedBytes() {
        return Footprint.ofArray(table.length, BYTES_PER_ENTRY);
    }

    /**
     * Throws {@link IllegalStateException} unless every entry can be found from its home: no
     * empty entry between its home and where it sits, its hash is the hash of the id in its
     * slot, and the entries number {@link #size()}. For tests and {@link BookInvariants}.
     */
    void verify() {
        int count = 0;
        for (int at = 0; at < table.length; at++) {
            long entry = table[at];
            if (entry == EMPTY) {
                continue;
            }
            count++;
            int hash = (int) (entry >>> 32);
            int slot = (int) entry - 1;
            if (hash(orders.id(slot)) != hash) {
                throw new IllegalStateException("index entry " + at + " holds slot " + slot
                        + " under a hash that is not its order's");
            }
            for (int probe = hash & mask; probe != at; probe = (probe + 1) & mask) {
                if (table[probe] == EMPTY) {
                    throw new IllegalStateException("index entry " + at + " for order " + orders.id(slot)
                            + " is cut off from its home " + (hash & mask) + " by an empty entry at " + probe);
                }
            }
        }
        if (count != size) {
            throw new IllegalStateException("the index counts " + size + " ids but holds " + count);
        }
    }

    /**
     * The 32-bit hash of an id: a Fibonacci multiply, folded so the low bits (the home entry)
     * depend on every bit of the id. Sequential ids, the usual case, spread evenly.
     */
    static int hash(long id) {
        long h = id * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** Where {@code hash} would be found first: its home entry in a table of {@code capacity}. */
    static int home(int hash, int capacity) {
        return hash & (capacity - 1);
    }

    /** How many ids a table of {@code capacity} entries holds before it doubles. */
    static int growThreshold(int capacity) {
        int percent = capacity > DENSE_ABOVE ? DENSE_LOAD_PERCENT : SPARSE_LOAD_PERCENT;
        return (int) ((long) capacity * percent / 100);
    }

    private void insert(int hash, int slot) {
        int at = hash & mask;
        while (table[at] != EMPTY) {
            at = (at + 1) & mask;
        }
        table[at] = ((long) hash << 32) | ((slot + 1) & LOW_HALF);
    }

    /**
     * Empties entry {@code hole} and closes the gap: each later entry of the probe run moves back
     * into the hole if the hole lies between its home and where it sits, and leaves a new hole.
     */
    private void deleteAt(int hole) {
        long[] entries = table;
        int mask = this.mask;
        for (int at = (hole + 1) & mask;; at = (at + 1) & mask) {
            long entry = entries[at];
            if (entry == EMPTY) {
                break;
            }
            int home = (int) (entry >>> 32) & mask;
            // Distances measured cyclically backwards from `at`: the entry may fill the hole if
            // its home is no nearer to it than the hole is.
            if (((at - home) & mask) >= ((at - hole) & mask)) {
                entries[hole] = entry;
                hole = at;
            }
        }
        entries[hole] = EMPTY;
    }

    /** Rebuilds the table at {@code capacity} entries from the stored hashes; reads no id. */
    private void resize(int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("the order index cannot grow beyond " + MAX_CAPACITY + " entries");
        }
        long[] old = table;
        table = new long[capacity];
        mask = capacity - 1;
        growAt = growThreshold(capacity);
        if (old != null) {
            for (long entry : old) {
                if (entry != EMPTY) {
                    insert((int) (entry >>> 32), (int) entry - 1);
                }
            }
        }
    }
}
