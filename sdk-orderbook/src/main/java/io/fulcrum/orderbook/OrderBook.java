package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.internal.Book;
import io.fulcrum.orderbook.internal.PriceTimeMatcher;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A central limit order book for one market: a {@link MatchingEngine} that matches limit orders
 * by price-time priority.
 *
 * <p><b>Price-time priority.</b> An incoming order (the taker) trades first with the resting
 * orders (makers) at the best opposite price: the lowest ask for a buy, the highest bid for a
 * sell. Among makers at the same price, the one that arrived first trades first. Every fill is
 * at the maker's price, and matching stops at the first price beyond the taker's limit. Worked
 * example, prices in ticks and sizes in lots:
 * <pre>
 *   asks: order 1 sells 2 at 100, then order 2 sells 3 at 100, then order 3 sells 5 at 99
 *   order 4 buys 6 limited at 100, good till cancelled:
 *     fills 5 from order 3 at 99   (the better price goes first, though order 3 came last)
 *     fills 1 from order 1 at 100  (at one price, the earlier order goes first)
 *   left: order 1 sells 1 at 100 ahead of order 2 selling 3 at 100; order 4 is filled
 * </pre>
 *
 * <p>Good-till-cancelled remainders rest and are reported with
 * {@link MatchSink#onRested}; immediate-or-cancel remainders are dropped and returned by
 * {@link #place}. Each potential fill is offered to {@link MatchSink#onMatch}; a maker the sink
 * refuses is removed unfilled and matching goes on with the next one.
 *
 * <p>The book is deterministic: nothing observable depends on hash order, time or randomness,
 * so the same calls always give the same callbacks. It is single-threaded, and a sink or
 * consumer must not call back into the book to change it (such a call throws
 * {@link IllegalStateException}); reading it from a callback is fine. If a sink throws, the
 * book stays consistent: fills the sink accepted are kept, the rest of the call is abandoned.
 *
 * <p><b>Speed and memory.</b> Placing, cancelling, amending, matching and {@link #depth} allocate
 * nothing once the book's arrays have grown to its peak size: orders and price levels are
 * records in primitive arrays reused through free lists, not objects. A resting order costs
 * about 55 bytes of heap at 1,000,000 orders (its record, its share of the id index and of its
 * level). Only snapshots ({@link #forEachRestingOrder}) allocate, one {@link RestingOrder} per
 * order reported.
 *
 * <p>Structure, for the curious: an id index (an open-addressing hash table, never iterated)
 * finds a resting order's slot; each order is linked into the FIFO queue of its price level, so
 * cancelling it is O(1) after the lookup; each side keeps its levels in a sorted array, best
 * last, and finds the level at a price through a small hash index of its own.
 */
public final class OrderBook implements MatchingEngine {
    private final MarketSpec spec;
    private final Book book = new Book();
    private final PriceTimeMatcher matcher = new PriceTimeMatcher(book);
    /** True while a call that changes the book, or walks it, is running. */
    private boolean busy;

    /** An empty book for the market {@code spec}. */
    public OrderBook(MarketSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public MarketSpec spec() {
        return spec;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The venue validates orders first; as a last guard for the book's own consistency this
     * throws {@link IllegalArgumentException}, before changing anything, if {@code price} or
     * {@code size} is not positive or {@code orderId} already rests.
     */
    @Override
    public long place(long orderId, long owner, Side side, long price, long size, TimeInForce timeInForce,
            MatchSink sink) {
        enter();
        try {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(timeInForce, "timeInForce");
            Objects.requireNonNull(sink, "sink");
            requirePositive(price, "price");
            requirePositive(size, "size");
            requireNotResting(orderId);
            long remaining = matcher.match(orderId, side, price, size, sink);
            if (remaining == 0) {
                return 0;
            }
            // A switch expression, so a new time in force cannot silently behave like one of these.
            return switch (timeInForce) {
                case GTC -> {
                    rest(orderId, owner, side, price, remaining, sink);
                    yield 0;
                }
                case IOC -> remaining;
            };
        } finally {
            busy = false;
        }
    }

    @Override
    public long cancel(long orderId) {
        enter();
        try {
            return book.cancel(orderId);
        } finally {
            busy = false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Precisely: at the same price, an open size no larger than the current one (equal
     * included) is set in place and keeps priority; anything else removes the order and places it
     * again under the same id and owner as a good-till-cancelled taker at the new price and size.
     * That can fill at once and rests (reported with {@link MatchSink#onRested}) whatever is
     * left. An in-place change reports nothing to {@code sink}: the return value says it all.
     *
     * @throws IllegalArgumentException also if {@code newPrice} or {@code newOpenSize} is not
     *     positive; nothing changes then
     */
    @Override
    public boolean amend(long orderId, long newPrice, long newOpenSize, MatchSink sink) {
        enter();
        try {
            int slot = book.find(orderId);
            if (slot == Book.NONE) {
                throw new IllegalArgumentException("order " + orderId + " does not rest in " + spec.id());
            }
            requirePositive(newPrice, "price");
            requirePositive(newOpenSize, "open size");
            Objects.requireNonNull(sink, "sink");
            long openSize = book.openSize(slot);
            if (newPrice == book.price(slot) && newOpenSize <= openSize) {
                book.reduce(slot, openSize - newOpenSize);
                return true;
            }
            long owner = book.owner(slot);
            Side side = book.side(slot);
            book.remove(slot);
            long remaining = matcher.match(orderId, side, newPrice, newOpenSize, sink);
            if (remaining > 0) {
                rest(orderId, owner, side, newPrice, remaining, sink);
            }
            return false;
        } finally {
            busy = false;
        }
    }

    @Override
    public long openSize(long orderId) {
        int slot = book.find(orderId);
        return slot == Book.NONE ? -1 : book.openSize(slot);
    }

    @Override
    public long bestBid() {
        return book.bestPrice(Side.BUY);
    }

    @Override
    public long bestAsk() {
        return book.bestPrice(Side.SELL);
    }

    /** {@inheritDoc} Writes {@code min(prices.length, sizes.length)} levels at most; allocates nothing. */
    @Override
    public int depth(Side side, long[] prices, long[] sizes) {
        return book.depth(side, prices, sizes);
    }

    @Override
    public int restingOrderCount() {
        return book.orderCount();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Example: bids 2 at 99 (order 1), 4 at 100 (order 2), 1 at 99 (order 3) and an ask 5 at
     * 101 (order 4) are reported as orders 2, 1, 3, 4.
     */
    @Override
    public void forEachRestingOrder(Consumer<RestingOrder> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        // Walking is allowed inside a sink callback, but the consumer must not change the book
        // under the walk; restore the caller's state afterwards rather than clearing it.
        boolean wasBusy = busy;
        busy = true;
        try {
            book.forEachRestingOrder(consumer);
        } finally {
            busy = wasBusy;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the order's price or open size is not positive, its id
     *     already rests, or it would cross the book (it should have traded); nothing changes then
     */
    @Override
    public void restore(RestingOrder order) {
        enter();
        try {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(order.side(), "side");
            requirePositive(order.price(), "price");
            requirePositive(order.openSize(), "open size");
            requireNotResting(order.orderId());
            long opposite = book.bestPrice(order.side().opposite());
            if (opposite != NO_PRICE && reaches(order.side(), order.price(), opposite)) {
                throw new IllegalArgumentException("restoring " + order + " would cross the book at " + opposite);
            }
            book.rest(order.orderId(), order.owner(), order.side(), order.price(), order.openSize());
        } finally {
            busy = false;
        }
    }

    /** For tests: throws {@link IllegalStateException} if the book's structures disagree. */
    void checkInvariants() {
        book.checkInvariants();
    }

    /** True if a {@code takerSide} order limited at {@code limit} may trade at {@code makerPrice}. */
    private static boolean reaches(Side takerSide, long limit, long makerPrice) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    /** Rests a GTC remainder and tells the sink; the sink hears of it only once it rests. */
    private void rest(long orderId, long owner, Side side, long price, long openSize, MatchSink sink) {
        book.rest(orderId, owner, side, price, openSize);
        sink.onRested(orderId, side, price, openSize);
    }

    /** Refuses a change while another is under way: a sink or consumer calling back in. */
    private void enter() {
        if (busy) {
            throw new IllegalStateException("a MatchSink or consumer must not change the book it is called from");
        }
        busy = true;
    }

    private void requireNotResting(long orderId) {
        if (book.find(orderId) != Book.NONE) {
            throw new IllegalArgumentException("order " + orderId + " already rests in " + spec.id());
        }
    }

    private static void requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }
}
