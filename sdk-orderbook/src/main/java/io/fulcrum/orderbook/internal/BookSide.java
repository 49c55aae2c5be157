package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;
import java.util.Arrays;

/**
 * The price levels of one side of the book, sorted from worst to best, so the best level is at
 * the end of two parallel arrays: the sort keys and the {@link LevelPool} level numbers; plus a
 * {@link LevelIndex} that finds the level at a price without searching the order.
 *
 * <p>Why a sorted array with the best last, rather than a tree or a price-indexed ladder: nearly
 * all activity is at or next to the top of the book, and there taking out the best level is a
 * decrement and adding a new best level is a store. Finding an existing level at any depth is
 * one probe of the {@link LevelIndex}; only creating or removing a level searches the array, and
 * {@link #positionOf} gallops from the best end, so its cost grows with the log of the distance
 * from the top, not of the book's size. A level created or removed deep in the book costs an
 * array shift of the levels better than it: a few kilobytes at most for a market's usual few
 * hundred levels, and rare (about 1 % of the operations of sdk-bench's synthetic flow). A ladder
 * indexed by price would make that O(1) too, but needs a price window and a way to skip the
 * empty prices in it; prices are arbitrary longs here, and a sparse book (a restore, a wide
 * market) must not cost memory in proportion to its price range.
 *
 * <p>Why keys instead of prices: a bid's key is its price and an ask's key is minus its price
 * (prices are positive), so on both sides a better level has a larger key and one search serves
 * both. The keys sit in their own array so the search reads consecutive memory rather than
 * jumping to each level's record.
 *
 * <p>Example: bids at 1,000, 1,002 and 999 are stored as keys {@code [999, 1_000, 1_002]}; asks
 * at the same prices as {@code [-1_002, -1_000, -999]}. Rank 0 is always the best level.
 */
final class BookSide {
    private static final int NONE = OrderPool.NONE;

    private final Side side;
    private final boolean buy;
    private final LevelIndex index;
    private long[] keys;
    private int[] levels;
    private int size;

    /**
     * An empty side holding orders of {@code side} in levels of {@code pool}, with room for
     * {@code initialCapacity} levels before it first grows.
     */
    BookSide(Side side, LevelPool pool, int initialCapacity) {
        this.side = side;
        this.buy = side == Side.BUY;
        this.index = new LevelIndex(pool, initialCapacity);
        int capacity = Math.max(1, initialCapacity);
        keys = new long[capacity];
        levels = new int[capacity];
    }

    Side side() {
        return side;
    }

    /** The number of levels. */
    int size() {
        return size;
    }

    /** The sort key of {@code price} on this side: larger is better. */
    long keyOf(long price) {
        return buy ? price : -price;
    }

    /** The best level, or {@link OrderPool#NONE} if the side is empty. */
    int best() {
        return size == 0 ? NONE : levels[size - 1];
    }

    /**
     * The best level if a taker limited at key {@code limitKey} may trade there (its key is at
     * least {@code limitKey}), otherwise {@link OrderPool#NONE}.
     */
    int bestWithin(long limitKey) {
        int top = size - 1;
        return top >= 0 && keys[top] >= limitKey ? levels[top] : NONE;
    }

    /** The level at {@code price}, or {@link OrderPool#NONE} if this side has none there. */
    int find(long price) {
        return index.find(price);
    }

    /** The level of rank {@code rank}: 0 is the best, {@code size() - 1} the worst. */
    int levelAtRank(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size + " levels");
        }
        return levels[size - 1 - rank];
    }

    /** The level at array position {@code position} (0 is the worst, {@code size() - 1} the best). */
    int levelAt(int position) {
        return levels[position];
    }

    /**
     * The array position of the level at {@code price}, or {@code -(insertion point) - 1} as
     * {@link Arrays#binarySearch(long[], long)} reports it. Searches from the best end: probes
     * 1, 3, 7, 15, ... levels below the top until it passes the key, then bisects the last gap.
     */
    int positionOf(long price) {
        long key = keyOf(price);
        int top = size - 1;
        if (top < 0) {
            return -1;
        }
        long topKey = keys[top];
        if (key >= topKey) {
            return key == topKey ? top : -(size + 1);
        }
        // keys[above] > key throughout; the gallop ends with keys[low - 1] < key, or low == 0.
        int above = top;
        int low = 0;
        for (int step = 1;; step <<= 1) {
            int probe = above - step;
            if (probe < 0) {
                break;
            }
            long probeKey = keys[probe];
            if (probeKey == key) {
                return probe;
            }
            if (probeKey < key) {
                low = probe + 1;
                break;
            }
            above = probe;
        }
        // The first key >= key lies in [low, above]. Bisect with a fixed number of halvings
        // whose select can compile to a conditional move: this deep, each comparison is a coin
        // toss, and a mispredicted branch per halving would cost more than the search itself.
        int base = low;
        int length = above - low;
        while (length > 1) {
            int half = length >>> 1;
            base = keys[base + half] < key ? base + half : base;
            length -= half;
        }
        if (length == 1 && keys[base] < key) {
            base++;
        }
        // base <= above < size, and keys[above] > key, so the read is in bounds.
        return keys[base] == key ? base : -(base + 1);
    }

    /**
     * Lists {@code level}, whose price in its {@link LevelPool} record is {@code price}, at array
     * position {@code position}, from {@link #positionOf}.
     */
    void insertAt(int position, long price, int level) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        int after = size - position;
        if (after > 0) {
            System.arraycopy(keys, position, keys, position + 1, after);
            System.arraycopy(levels, position, levels, position + 1, after);
        }
        keys[position] = keyOf(price);
        levels[position] = level;
        size++;
        index.add(level);
    }

    /**
     * Unlists the level at {@code price}, normally because it became empty.
     *
     * @throws IllegalStateException if this side lists no level at {@code price}
     */
    void remove(long price) {
        int position = positionOf(price);
        if (position < 0) {
            throw new IllegalStateException("no level at " + price + " on the " + side + " side");
        }
        int after = size - position - 1;
        if (after > 0) {
            System.arraycopy(keys, position + 1, keys, position, after);
            System.arraycopy(levels, position + 1, levels, position, after);
        }
        size--;
        index.remove(price);
    }

    /** Unlists the best level, which must exist. */
    void removeBest() {
        index.remove(priceAt(--size));
    }

    /** True if a price of {@code a} is strictly better than {@code b} for this side. */
    boolean isBetter(long a, long b) {
        return keyOf(a) > keyOf(b);
    }

    /** The number of levels the index holds: {@link #size()} unless something is broken. */
    int indexedCount() {
        return index.size();
    }

    /** The price that array position {@code position} is sorted under. */
    long priceAt(int position) {
        return keyOf(keys[position]);
    }

    /** Bytes of the arrays, from their lengths (array headers included). */
    long retainedBytes() {
        return Footprint.ofArray(keys.length, Long.BYTES) + Footprint.ofArray(levels.length, Integer.BYTES)
                + index.retainedBytes();
    }
}
