package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;
import java.util.Arrays;

/**
 * The price levels of one side of the book, sorted from worst to best price, so the best level
 * is the last element of an array.
 *
 * <p>Best last because the top of the book is where nearly all activity happens: taking out
 * the best level or adding a new best level moves no other element, and finding a level near
 * the top by binary search touches few cache lines. A level deep in the book costs an array
 * shift, which is rare and cheap for the few hundred levels a market has. Unlike a
 * {@code TreeMap<Long, ...>} nothing here boxes a price or allocates per lookup.
 *
 * <p>Example: bids at 1,000, 1,002 and 999 are stored as {@code [999, 1_000, 1_002]} (best
 * 1,002); asks at the same prices as {@code [1_002, 1_000, 999]} (best 999). Rank 0 is always
 * the best level.
 */
public final class BookSide {
    private static final int INITIAL_CAPACITY = 16;

    private final Side side;
    private PriceLevel[] levels = new PriceLevel[INITIAL_CAPACITY];
    private int size;

    /** An empty side holding orders of {@code side}. */
    public BookSide(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    public int levelCount() {
        return size;
    }

    /** The level with the best price (highest bid, lowest ask), or {@code null} if the side is empty. */
    public PriceLevel best() {
        return size == 0 ? null : levels[size - 1];
    }

    /** The level of rank {@code rank}: 0 is the best, {@code levelCount() - 1} the worst. */
    public PriceLevel level(int rank) {
        if (rank < 0 || rank >= size) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + size + " levels");
        }
        return levels[size - 1 - rank];
    }

    /** The level at {@code price}, created empty and inserted in price order if there was none. */
    public PriceLevel findOrCreate(long price) {
        int index = indexOf(price);
        if (index >= 0) {
            return levels[index];
        }
        int insertAt = -index - 1;
        if (size == levels.length) {
            levels = Arrays.copyOf(levels, size * 2);
        }
        System.arraycopy(levels, insertAt, levels, insertAt + 1, size - insertAt);
        PriceLevel level = new PriceLevel(price);
        levels[insertAt] = level;
        size++;
        return level;
    }

    /** Removes {@code level}, which must belong to this side (normally because it became empty). */
    public void remove(PriceLevel level) {
        int index = indexOf(level.price());
        if (index < 0 || levels[index] != level) {
            throw new IllegalStateException("level " + level.price() + " is not on the " + side + " side");
        }
        System.arraycopy(levels, index + 1, levels, index, size - index - 1);
        levels[--size] = null;
    }

    /** True if a price of {@code a} is strictly better than {@code b} for this side. */
    public boolean isBetter(long a, long b) {
        return side == Side.BUY ? a > b : a < b;
    }

    /**
     * Binary search in worst-to-best order: the index of the level at {@code price}, or
     * {@code -(insertion point) - 1} as {@link Arrays#binarySearch(long[], long)} reports it.
     */
    private int indexOf(long price) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midPrice = levels[mid].price();
            if (midPrice == price) {
                return mid;
            }
            if (isBetter(price, midPrice)) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
