package io.fulcrum.api.spi;

import io.fulcrum.api.Side;

/**
 * Read-only access to one side of a market's book, best level first, as
 * {@link MatchingEngine#depth} gives it.
 *
 * <p>Example: with bids 100 × 3 and 99 × 5, {@code depth(BUY, prices, sizes)} fills
 * {@code prices = [100, 99]}, {@code sizes = [3, 5]} and returns 2.
 */
@FunctionalInterface
public interface BookDepth {
    /** An empty book. */
    BookDepth EMPTY = (side, prices, sizes) -> 0;

    /** Copies up to {@code prices.length} levels of {@code side} and returns how many were copied. */
    int depth(Side side, long[] prices, long[] sizes);
}
