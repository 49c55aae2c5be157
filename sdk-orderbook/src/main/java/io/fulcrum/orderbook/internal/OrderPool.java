package io.fulcrum.orderbook.internal;

import java.util.Arrays;

/**
 * Every resting order as a fixed-size record in primitive arrays, addressed by an int slot; freed
 * slots are chained into a free list and handed out again, so a book in steady state allocates
 * nothing however many orders come and go.
 *
 * <p>Layout: one {@code long[]} with four longs per slot, {@code [id, owner, openSize, links]},
 * where {@code links} packs the slots queued just ahead ({@code prev}, high half) and just behind
 * ({@code next}, low half) in the order's price level; plus an {@code int[]} with the slot's
 * level. Why a record and not one array per field: the matching loop reads id, owner, open size
 * and next of the head order together, and a record puts them in one or two cache lines instead
 * of four. The level lives apart because only cancel, amend and snapshots read it.
 *
 * <p>Cost: 4 × 8 + 4 = 36 bytes per slot ({@link #BYTES_PER_SLOT}); capacity about doubles, so
 * at 1,000,000 orders the 1,048,572 slots cost 37.7 bytes per order. Capacities are 4 short of a
 * power of two ({@link #grownCapacity}): then each array with its 16-byte header fits exactly in
 * a power of two of bytes, where a G1 heap keeps a large array in whole regions, and a header
 * spilling into one more region would waste up to a region per array (measured: 6 bytes an
 * order at a million orders).
 *
 * <p>Example: {@code allocate(7, 3, 5, 2)} returns slot 0 for order 7 of owner 3 with 5 open in
 * level 2; after {@code free(0)} the next {@code allocate} returns slot 0 again.
 */
final class OrderPool {
    /** A slot reference that points nowhere: the end of a queue or of the free list. */
    static final int NONE = -1;
    /** Bytes of array one slot occupies: four longs and an int. */
    static final int BYTES_PER_SLOT = 4 * Long.BYTES + Integer.BYTES;
    /** Slots beyond this would overflow the {@code slot << 2} record offset. */
    static final int MAX_CAPACITY = (1 << 28) - 4;

    private static final int ID = 0;
    private static final int OWNER = 1;
    private static final int OPEN = 2;
    private static final int LINKS = 3;
    private static final long LOW_HALF = 0xFFFF_FFFFL;

    private long[] records;
    /** The level of each live slot; {@link #NONE} for a free one. */
    private int[] levels;
    /** Slots below this have been handed out at least once; those above never. */
    private int used;
    /** The most recently freed slot, reused first because it is most likely still in cache. */
    private int freeHead = NONE;
    private int live;

    /** An empty pool with room for at least {@code initialCapacity} orders before it first grows. */
    OrderPool(int initialCapacity) {
        int capacity = 4;
        while (capacity < initialCapacity) {
            capacity = grownCapacity(capacity);
        }
        records = new long[capacity << 2];
        levels = new int[capacity];
    }

    /** Takes a free slot for an order with no neighbours yet; grows the arrays if none is free. */
    int allocate(long id, long owner, long openSize, int level) {
        int slot = freeHead;
        if (slot != NONE) {
            freeHead = next(slot);
        } else {
            if (used == levels.length) {
                grow();
            }
            slot = used++;
        }
        int base = slot << 2;
        records[base + ID] = id;
        records[base + OWNER] = owner;
        records[base + OPEN] = openSize;
        records[base + LINKS] = links(NONE, NONE);
        levels[slot] = level;
        live++;
        return slot;
    }

    /** Returns {@code slot} to the free list; the caller has already unlinked it from its level. */
    void free(int slot) {
        records[(slot << 2) + LINKS] = links(NONE, freeHead);
        levels[slot] = NONE;
        freeHead = slot;
        live--;
    }

    long id(int slot) {
        return records[slot << 2];
    }

    long owner(int slot) {
        return records[(slot << 2) + OWNER];
    }

    long openSize(int slot) {
        return records[(slot << 2) + OPEN];
    }

    void setOpenSize(int slot, long openSize) {
        records[(slot << 2) + OPEN] = openSize;
    }

    /** The level the order rests in, or {@link #NONE} if the slot is free. */
    int level(int slot) {
        return levels[slot];
    }

    /** The slot queued just ahead in the same level, or {@link #NONE} at the head. */
    int prev(int slot) {
        return (int) (records[(slot << 2) + LINKS] >> 32);
    }

    /** The slot queued just behind in the same level, or {@link #NONE} at the tail. */
    int next(int slot) {
        return (int) records[(slot << 2) + LINKS];
    }

    void setPrev(int slot, int prev) {
        int at = (slot << 2) + LINKS;
        records[at] = links(prev, (int) records[at]);
    }

    void setNext(int slot, int next) {
        int at = (slot << 2) + LINKS;
        records[at] = links((int) (records[at] >> 32), next);
    }

    void setLinks(int slot, int prev, int next) {
        records[(slot << 2) + LINKS] = links(prev, next);
    }

    /** The number of slots in use. */
    int live() {
        return live;
    }

    /** The number of slots the arrays hold, in use or not. */
    int capacity() {
        return levels.length;
    }

    /** Bytes of the arrays, from their lengths (array headers included). */
    long retainedBytes() {
        return Footprint.ofArray(records.length, Long.BYTES) + Footprint.ofArray(levels.length, Integer.BYTES);
    }

    private static long links(int prev, int next) {
        return ((long) prev << 32) | (next & LOW_HALF);
    }

    /** The capacity after {@code capacity}: 4, 12, 28, ... 2^k - 4, ... (see the class comment). */
    static int grownCapacity(int capacity) {
        return Math.min(MAX_CAPACITY, 2 * (capacity + 4) - 4);
    }

    private void grow() {
        int capacity = levels.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("the book holds " + capacity + " orders, its maximum");
        }
        int grown = grownCapacity(capacity);
        records = Arrays.copyOf(records, grown << 2);
        levels = Arrays.copyOf(levels, grown);
    }
}
