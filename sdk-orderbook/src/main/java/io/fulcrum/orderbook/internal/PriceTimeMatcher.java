package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;

/**
 * Price-time priority matching over a {@link Book}: a taker meets the head of the best opposite
 * level first, fills at the maker's price, and stops at the first level beyond its limit or when
 * it is filled. Kept apart from the book's structures because it is the policy: another one
 * (pro-rata, a batch auction) would replace this class and keep the book.
 *
 * <p>Each potential fill is offered to {@link MatchSink#onMatch} before anything changes; a
 * refused maker is removed unfilled. The book is consistent at every callback, so a sink may
 * read it, and if a sink throws, the fills it accepted stay done.
 *
 * <p>Example: asks of 2 at 100 (order 1) and 5 at 101 (order 2); a buy of 4 limited at 101
 * reports {@code onMatch(1, .., 100, 2)} then {@code onMatch(2, .., 101, 2)} and leaves order 2
 * with 3 open.
 */
public final class PriceTimeMatcher {
    private final Book book;
    private final OrderPool orders;
    private final LevelPool levels;

    /** A matcher for {@code book}. */
    public PriceTimeMatcher(Book book) {
        this.book = book;
        this.orders = book.orders;
        this.levels = book.levels;
    }

    /**
     * Matches a taker of {@code size} on {@code takerSide} limited at {@code limit} against the
     * other side and returns what is left unfilled. Each step removes or reduces the head of the
     * best level, so the loop always ends. Allocates nothing.
     */
    public long match(long takerId, Side takerSide, long limit, long size, MatchSink sink) {
        BookSide makers = takerSide == Side.BUY ? book.asks : book.bids;
        long limitKey = makers.keyOf(limit);
        long remaining = size;
        while (remaining > 0) {
            int level = makers.bestWithin(limitKey);
            if (level == Book.NONE) {
                break;
            }
            int maker = levels.head(level);
            long open = orders.openSize(maker);
            long quantity = Math.min(remaining, open);
            if (!sink.onMatch(orders.id(maker), orders.owner(maker), takerId, levels.price(level), quantity)) {
                // Vetoed by the venue's post-trade check: the maker leaves the book unfilled.
                book.removeBestHead(makers, level, maker);
            } else if (quantity == open) {
                remaining -= quantity;
                book.removeBestHead(makers, level, maker);
            } else {
                remaining -= quantity;
                book.reduce(maker, quantity);
            }
        }
        return remaining;
    }
}
