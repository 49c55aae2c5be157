package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;
import java.util.Arrays;

/**
 * Every non-empty price level of both sides as a record in primitive arrays, addressed by an
 * int level number that stays fixed while the level exists (orders point at it); emptied levels
 * go to a free list and are reused, so opening and closing levels allocates nothing.
 *
 * <p>A level is the FIFO queue of the orders resting at one price on one side: the slots of its
 * head (longest waiting) and tail, linked through {@link OrderPool}, plus the running total of
 * their open sizes (depth is read without walking the queue) and their count. Layout: four longs
 * per level, {@code [price, totalSize, ends, orderCount]} with {@code ends} packing head (high
 * half) and tail (low half), so a match touches one record; and the side in an array of its own,
 * read only when an order is removed outside matching.
 *
 * <p>Example: bids of 2 lots (slot 4) then 3 lots (slot 9) at 1,000 are one level with price
 * 1,000, head 4, tail 9, total size 5 and order count 2.
 */
final class LevelPool {
    /** Bytes of array one level occupies: four longs and a reference. */
    static final int BYTES_PER_LEVEL = 4 * Long.BYTES + Integer.BYTES;
    private static final int MAX_CAPACITY = 1 << 28;

    private static final int PRICE = 0;
    private static final int TOTAL = 1;
    private static final int ENDS = 2;
    private static final int COUNT = 3;
    private static final long LOW_HALF = 0xFFFF_FFFFL;
    private static final int NONE = OrderPool.NONE;

    private long[] records;
    /** The side of each level in use; {@code null} marks a free one. */
    private Side[] sides;
    private int used;
    /** Free levels are chained through their {@code orderCount} field. */
    private int freeHead = NONE;
    private int live;

    /** An empty pool with room for {@code initialCapacity} levels before it first grows. */
    LevelPool(int initialCapacity) {
        int capacity = Math.max(1, initialCapacity);
        records = new long[capacity << 2];
        sides = new Side[capacity];
    }

    /** Takes a free level for an empty queue at {@code price} on {@code side}. */
    int allocate(long price, Side side) {
        int level = freeHead;
        if (level != NONE) {
            freeHead = (int) records[(level << 2) + COUNT];
        } else {
            if (used == sides.length) {
                grow();
            }
            level = used++;
        }
        int base = level << 2;
        records[base + PRICE] = price;
        records[base + TOTAL] = 0;
        records[base + ENDS] = ends(NONE, NONE);
        records[base + COUNT] = 0;
        sides[level] = side;
        live++;
        return level;
    }

    /** Returns an emptied {@code level} to the free list. */
    void free(int level) {
        records[(level << 2) + COUNT] = freeHead;
        sides[level] = null;
        freeHead = level;
        live--;
    }

    long price(int level) {
        return records[level << 2];
    }

    /** The side of a level in use, or {@code null} if it is free. */
    Side side(int level) {
        return sides[level];
    }

    /** The sum of the open sizes queued in the level. */
    long totalSize(int level) {
        return records[(level << 2) + TOTAL];
    }

    void setTotalSize(int level, long totalSize) {
        records[(level << 2) + TOTAL] = totalSize;
    }

    int orderCount(int level) {
        return (int) records[(level << 2) + COUNT];
    }

    void setOrderCount(int level, int orderCount) {
        records[(level << 2) + COUNT] = orderCount;
    }

    /** The slot first in time priority, or {@link OrderPool#NONE} if the queue is empty. */
    int head(int level) {
        return (int) (records[(level << 2) + ENDS] >> 32);
    }

    /** The slot that arrived last, or {@link OrderPool#NONE} if the queue is empty. */
    int tail(int level) {
        return (int) records[(level << 2) + ENDS];
    }

    void setEnds(int level, int head, int tail) {
        records[(level << 2) + ENDS] = ends(head, tail);
    }

    /** The number of levels in use. */
    int live() {
        return live;
    }

    /** Bytes of the arrays, from their lengths (array headers included; a reference counts 4 bytes). */
    long retainedBytes() {
        return Footprint.ofArray(records.length, Long.BYTES) + Footprint.ofArray(sides.length, Integer.BYTES);
    }

    private static long ends(int head, int tail) {
        return ((long) head << 32) | (tail & LOW_HALF);
    }

    private void grow() {
        int capacity = sides.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("the book holds " + capacity + " price levels, its maximum");
        }
        int grown = Math.min(MAX_CAPACITY, capacity * 2);
        records = Arrays.copyOf(records, grown << 2);
        sides = Arrays.copyOf(sides, grown);
    }
}
