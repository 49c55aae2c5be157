package io.fulcrum.orderbook;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.internal.BatchAuction;
import io.fulcrum.orderbook.internal.Book;
import io.fulcrum.orderbook.internal.Matcher;
import io.fulcrum.orderbook.internal.SelfTradeRule;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A central limit order book for one market: a {@link MatchingEngine} that matches limit orders
 * by price-time priority, or by another {@link MatchingPolicy}: pro-rata, or a periodic batch
 * auction that matches nothing on arrival and clears in {@link #onTime}.
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
 * <p><b>Orders.</b> Good-till-cancelled remainders rest and are reported with
 * {@link MatchSink#onRested}; immediate-or-cancel remainders are dropped and returned by
 * {@link #place}; a fill-or-kill order fills whole or does nothing. An iceberg
 * ({@link #placeIceberg}) shows one slice at a time and loses its place each time the slice is
 * refilled; a budget order ({@link #placeWithBudget}) buys or sells whole lots for a quote
 * amount. Each potential fill is offered to {@link MatchSink#onMatch}; a maker the sink refuses
 * is removed unfilled and matching goes on with the next one.
 *
 * <p><b>Configuration.</b> {@code new OrderBook(spec)} matches by price-time priority and lets
 * self-trades happen. {@link #builder} chooses otherwise:
 * <pre>{@code
 * OrderBook book = OrderBook.builder(spec)
 *     .matchingPolicy(MatchingPolicy.proRata())
 *     .selfTradePrevention(SelfTradePrevention.CANCEL_MAKER)
 *     .build();
 * }</pre>
 *
 * <p>The book is deterministic: nothing observable depends on hash order, time or randomness,
 * so the same calls always give the same callbacks. It is single-threaded, and a sink or
 * consumer must not call back into the book to change it (such a call throws
 * {@link IllegalStateException}); reading it from a callback is fine. If a sink throws, the
 * book stays consistent: fills the sink accepted are kept, the rest of the call is abandoned.
 *
 * <p><b>Speed and memory.</b> Placing (every kind), cancelling, amending, matching (every policy
 * and self-trade mode) and {@link #depth} allocate nothing once the book's arrays have grown to
 * its peak size: orders and price levels are records in primitive arrays reused through free
 * lists, not objects. A resting order costs about 55 bytes of heap at 1,000,000 orders (its
 * record, its share of the id index and of its level); an iceberg costs about 42 bytes more for
 * its slice size and hidden reserve. Only snapshots ({@link #forEachRestingOrder}) allocate, one
 * {@link RestingOrder} per order reported.
 *
 * <p>Structure, for the curious: an id index (an open-addressing hash table, never iterated)
 * finds a resting order's slot; each order is linked into the FIFO queue of its price level, so
 * cancelling it is O(1) after the lookup; each side keeps its levels in a sorted array, best
 * last, and finds the level at a price through a small hash index of its own.
 */
public final class OrderBook implements MatchingEngine {
    private final MarketSpec spec;
    private final SelfTradePrevention selfTradePrevention;
    private final MatchingPolicy matchingPolicy;
    private final Book book = new Book();
    private final Matcher matcher;
    /** The auction of a {@link MatchingPolicy#batchAuction} book, else {@code null}: then orders match on arrival. */
    private final BatchAuction auction;
    /** True while a call that changes the book, or walks it, is running. */
    private boolean busy;

    /** An empty book for the market {@code spec}: price-time priority, self-trades allowed. */
    public OrderBook(MarketSpec spec) {
        this(spec, SelfTradePrevention.NONE, MatchingPolicy.priceTime());
    }

    OrderBook(MarketSpec spec, SelfTradePrevention selfTradePrevention, MatchingPolicy matchingPolicy) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.selfTradePrevention = Objects.requireNonNull(selfTradePrevention, "selfTradePrevention");
        this.matchingPolicy = Objects.requireNonNull(matchingPolicy, "matchingPolicy");
        if (matchingPolicy instanceof BatchAuctionPolicy batch) {
            // Nothing matches on arrival; the matcher is kept only so the fields stay final and non-null.
            this.matcher = BuiltInPolicy.PRICE_TIME.newMatcher(book, ruleFor(selfTradePrevention), spec);
            this.auction = new BatchAuction(book, batch.intervalMillis());
        } else {
            this.matcher = ((BuiltInPolicy) matchingPolicy).newMatcher(book, ruleFor(selfTradePrevention), spec);
            this.auction = null;
        }
    }

    /**
     * Starts configuring a book for the market {@code spec}; each setting may be given once.
     * Example: {@code OrderBook.builder(spec).selfTradePrevention(SelfTradePrevention.CANCEL_TAKER).build()}.
     */
    public static Builder builder(MarketSpec spec) {
        return new Builder(spec);
    }

    @Override
    public MarketSpec spec() {
        return spec;
    }

    /** What this book does when an order would trade with its own owner's resting order. */
    public SelfTradePrevention selfTradePrevention() {
        return selfTradePrevention;
    }

    /** How this book shares a taker among the makers at one price. */
    public MatchingPolicy matchingPolicy() {
        return matchingPolicy;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Fill or kill: the book first checks, without changing anything, that the liquidity within
     * the limit covers the whole size, counting what self-trade prevention would leave (its own
     * orders do not count; where it would be stopped or decremented, nothing beyond counts). If
     * not, it reports nothing and returns the whole size. If so, it matches. Caveat: the check
     * cannot foresee the sink refusing a maker ({@link MatchSink#onMatch} returning
     * {@code false}); such a refusal during the fill can leave a FOK order partly filled, and the
     * rest is then returned like an IOC remainder.
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
            Objects.requireNonNull(timeInForce, "timeInForce");
            checkOrder(orderId, side, price, size, "size", sink);
            if (auction != null) {
                return placeForAuction(orderId, owner, side, price, size, timeInForce, sink);
            }
            if (timeInForce == TimeInForce.FOK && !matcher.canFillWhole(owner, side, price, size)) {
                return size;
            }
            long remaining = matcher.match(orderId, owner, side, price, size, sink);
            if (remaining == 0) {
                return 0;
            }
            // A switch expression, so a new time in force cannot silently behave like one of these.
            return switch (timeInForce) {
                case GTC -> {
                    rest(orderId, owner, side, price, remaining, sink);
                    yield 0;
                }
                case IOC, FOK -> remaining;
            };
        } finally {
            busy = false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Worked example: asks of 3 at 100 (order 1); an iceberg buy of 20 at 100 showing 5 fills
     * 3 from order 1, then rests 17: {@code onRested(id, BUY, 100, 17)},
     * {@code onReplenished(id, 100, 5)}. Depth shows 5 at 100; {@link #openSize} says 17. A sell
     * of 5 then takes the slice, the iceberg cuts a new one of 5 from the 12 hidden and joins the
     * back of its level: {@code onReplenished(id, 100, 5)}.
     *
     * @throws IllegalArgumentException if {@code price}, {@code size} or {@code displaySize} is
     *     not positive or {@code orderId} already rests; nothing changes then
     */
    @Override
    public long placeIceberg(long orderId, long owner, Side side, long price, long size, long displaySize,
            MatchSink sink) {
        enter();
        try {
            checkOrder(orderId, side, price, size, "size", sink);
            requirePositive(displaySize, "display size");
            long remaining = auction != null ? size : matcher.match(orderId, owner, side, price, size, sink);
            if (remaining > 0) {
                restIceberg(orderId, owner, side, price, remaining, displaySize, sink);
            }
            return 0;
        } finally {
            busy = false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>From each maker it takes {@code q = min(what the maker shows, the largest multiple of the
     * lot whose notional fits the budget left)} and stops at the first maker where that is 0, or
     * right after a maker that showed more than the budget could pay: each fill's notional is
     * rounded on its own, and the book never splits a fill in two to gain on that rounding.
     * Worked example, BTC-PERP (notional = size × price × 10, lots of 1): asks of 10 at 1,000 and
     * 10 at 1,010, budget 150,000: takes 10 at 1,000 (notional 100,000), then at 1,010 the 50,000
     * left buys 4 (40,400; 5 would cost 50,500), leaving 9,600, which returns.
     *
     * <p>Self-trade prevention treats it as a taker whose size, at the price of the maker it
     * meets, is the whole lots its budget buys there: "cancel taker" reports that size and stops
     * it (the budget is returned), "decrement" spends the notional of the decremented size.
     *
     * @throws IllegalArgumentException if {@code protectionPrice} or {@code quoteBudget} is not
     *     positive or {@code orderId} already rests; nothing changes then
     */
    @Override
    public long placeWithBudget(long orderId, long owner, Side side, long protectionPrice, long quoteBudget,
            MatchSink sink) {
        enter();
        try {
            checkOrder(orderId, side, protectionPrice, quoteBudget, "quote budget", sink);
            if (auction != null) {
                return quoteBudget;   // it cannot wait for an auction
            }
            return matcher.matchBudget(orderId, owner, side, protectionPrice, quoteBudget, sink);
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
     * included) is set in place and keeps priority; an iceberg gives up hidden size first. Anything
     * else removes the order and places it again under the same id and owner as a
     * good-till-cancelled taker at the new price and size (an iceberg stays one, with its slice
     * size). That can fill at once and rests (reported with {@link MatchSink#onRested}) whatever
     * is left. An in-place change reports nothing to {@code sink}: the return value says it all.
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
            if (newPrice == book.price(slot) && newOpenSize <= book.openSize(slot)) {
                book.shrink(slot, newOpenSize);
                return true;
            }
            long owner = book.owner(slot);
            Side side = book.side(slot);
            long displaySize = book.displaySize(slot);
            boolean immediateOrCancel = auction != null && auction.isImmediateOrCancel(slot);
            book.remove(slot);
            long remaining = auction != null ? newOpenSize
                    : matcher.match(orderId, owner, side, newPrice, newOpenSize, sink);
            if (remaining > 0 && displaySize == 0) {
                rest(orderId, owner, side, newPrice, remaining, sink);
                if (auction != null) {
                    auction.rested(book.find(orderId), immediateOrCancel);
                }
            } else if (remaining > 0) {
                restIceberg(orderId, owner, side, newPrice, remaining, displaySize, sink);
            }
            return false;
        } finally {
            busy = false;
        }
    }

    /** {@inheritDoc} For an iceberg, its visible slice and its hidden reserve together. */
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

    /**
     * {@inheritDoc} Sizes are what shows: an iceberg counts with its visible slice only. Writes
     * {@code min(prices.length, sizes.length)} levels at most; allocates nothing.
     */
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
     *
     * <p>Every order is reported {@link TimeInForce#GTC GTC}, except an immediate-or-cancel order
     * waiting for the next auction in a {@link MatchingPolicy#batchAuction batch-auction} book:
     * that one is reported {@link TimeInForce#IOC IOC}, so {@link #restore} brings it back as one.
     */
    @Override
    public void forEachRestingOrder(Consumer<RestingOrder> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        // Walking is allowed inside a sink callback, but the consumer must not change the book
        // under the walk; restore the caller's state afterwards rather than clearing it.
        boolean wasBusy = busy;
        busy = true;
        try {
            if (auction == null) {
                book.forEachRestingOrder(consumer);
            } else {
                book.forEachRestingOrder(consumer, auction::isImmediateOrCancel);
            }
        } finally {
            busy = wasBusy;
        }
    }

    /**
     * {@inheritDoc} An iceberg comes back with its slice size, its visible slice and its hidden
     * reserve ({@code openSize - visibleSize}) as they were.
     *
     * <p>In a {@link MatchingPolicy#batchAuction batch-auction} book an order restored
     * {@link TimeInForce#IOC IOC} waits for the next auction and leaves after it, like one placed
     * IOC. The auction clock is not part of a snapshot: a restored batch book learns it from its
     * first {@link #onTime} call, which, as in a new book, only notes the interval it falls in and
     * runs no auction. To carry on where the snapshotted book left off, call
     * {@code onTime(lastNow, sink)} once after restoring, with the {@code now} of the snapshotted
     * book's last {@code onTime} (nothing is reported to {@code sink}); a later {@code onTime}
     * then clears exactly when the original would have.
     *
     * @throws IllegalArgumentException if the order's price or open size is not positive, its
     *     sizes disagree (an ordinary order must show its whole open size; an iceberg must show
     *     more than 0 and at most its slice size and its open size), its time in force cannot rest
     *     in this book (FOK never rests; IOC rests only in a batch-auction book, and never as an
     *     iceberg), its id already rests, or it would cross the book (it should have traded; a
     *     batch-auction book accepts crossed orders, which rest crossed between auctions); nothing
     *     changes then
     */
    @Override
    public void restore(RestingOrder order) {
        enter();
        try {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(order.side(), "side");
            requirePositive(order.price(), "price");
            requirePositive(order.openSize(), "open size");
            requireConsistentSizes(order);
            boolean immediateOrCancel = requireRestableTimeInForce(order);
            requireNotResting(order.orderId());
            long opposite = book.bestPrice(order.side().opposite());
            if (auction == null && opposite != NO_PRICE && reaches(order.side(), order.price(), opposite)) {
                throw new IllegalArgumentException("restoring " + order + " would cross the book at " + opposite);
            }
            int slot;
            if (order.displaySize() == 0) {
                slot = book.rest(order.orderId(), order.owner(), order.side(), order.price(), order.openSize());
            } else {
                slot = book.restIceberg(order.orderId(), order.owner(), order.side(), order.price(),
                        order.visibleSize(), order.openSize() - order.visibleSize(), order.displaySize());
            }
            if (auction != null) {
                auction.rested(slot, immediateOrCancel);
            }
        } finally {
            busy = false;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A {@link MatchingPolicy#batchAuction batch-auction} book clears here when {@code now}
     * enters a later interval than the previous call's (see {@link MatchingPolicy#batchAuction});
     * other books do nothing. Allocates nothing.
     */
    @Override
    public void onTime(long now, MatchSink sink) {
        if (auction == null) {
            return;
        }
        enter();
        try {
            Objects.requireNonNull(sink, "sink");
            auction.onTime(now, sink);
        } finally {
            busy = false;
        }
    }

    /** Batch auction: GTC and IOC orders rest as they are; a FOK order returns whole. */
    private long placeForAuction(long orderId, long owner, Side side, long price, long size,
            TimeInForce timeInForce, MatchSink sink) {
        if (timeInForce == TimeInForce.FOK) {
            return size;
        }
        int slot = book.rest(orderId, owner, side, price, size);
        auction.rested(slot, timeInForce == TimeInForce.IOC);
        sink.onRested(orderId, side, price, size);
        return 0;
    }

    /** For tests: throws {@link IllegalStateException} if the book's structures disagree. */
    void checkInvariants() {
        book.checkInvariants();
    }

    /** The internal rule for a public mode; a switch expression, so a new mode cannot be forgotten. */
    private static SelfTradeRule ruleFor(SelfTradePrevention mode) {
        return switch (mode) {
            case NONE -> SelfTradeRule.NONE;
            case CANCEL_TAKER -> SelfTradeRule.cancelling(true, false);
            case CANCEL_MAKER -> SelfTradeRule.cancelling(false, true);
            case CANCEL_BOTH -> SelfTradeRule.cancelling(true, true);
            case DECREMENT_AND_CANCEL -> SelfTradeRule.decrementing();
        };
    }

    /** True if a {@code takerSide} order limited at {@code limit} may trade at {@code makerPrice}. */
    private static boolean reaches(Side takerSide, long limit, long makerPrice) {
        return takerSide == Side.BUY ? makerPrice <= limit : makerPrice >= limit;
    }

    /** Rests a remainder and tells the sink; the sink hears of it only once it rests. */
    private void rest(long orderId, long owner, Side side, long price, long openSize, MatchSink sink) {
        book.rest(orderId, owner, side, price, openSize);
        sink.onRested(orderId, side, price, openSize);
    }

    /**
     * Rests an iceberg's remainder showing its first slice, and tells the sink of both. Apart from
     * {@link #rest} so that the hot path of ordinary orders stays small enough to inline.
     */
    private void restIceberg(long orderId, long owner, Side side, long price, long openSize, long displaySize,
            MatchSink sink) {
        long visible = Math.min(displaySize, openSize);
        int slot = book.restIceberg(orderId, owner, side, price, visible, openSize - visible, displaySize);
        if (auction != null) {
            auction.rested(slot, false);
        }
        sink.onRested(orderId, side, price, openSize);
        sink.onReplenished(orderId, price, visible);
    }

    /** Refuses a change while another is under way: a sink or consumer calling back in. */
    private void enter() {
        if (busy) {
            throw new IllegalStateException("a MatchSink or consumer must not change the book it is called from");
        }
        busy = true;
    }

    private void checkOrder(long orderId, Side side, long price, long amount, String amountName, MatchSink sink) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(sink, "sink");
        requirePositive(price, "price");
        requirePositive(amount, amountName);
        requireNotResting(orderId);
    }

    private void requireNotResting(long orderId) {
        if (book.find(orderId) != Book.NONE) {
            throw new IllegalArgumentException("order " + orderId + " already rests in " + spec.id());
        }
    }

    private static void requireConsistentSizes(RestingOrder order) {
        boolean consistent = order.displaySize() == 0
                ? order.visibleSize() == order.openSize()
                : order.displaySize() > 0 && order.visibleSize() > 0
                        && order.visibleSize() <= Math.min(order.displaySize(), order.openSize());
        if (!consistent) {
            throw new IllegalArgumentException("restoring " + order + ": its display, visible and open sizes disagree");
        }
    }

    /**
     * Checks that {@code order}'s time in force can rest in this book, and says whether it is
     * immediate-or-cancel: GTC anywhere; IOC only waiting for a batch auction, and not as an
     * iceberg (placing an iceberg never makes it IOC); FOK never.
     */
    private boolean requireRestableTimeInForce(RestingOrder order) {
        return switch (order.timeInForce()) {
            case GTC -> false;
            case IOC -> {
                if (auction == null) {
                    throw new IllegalArgumentException("restoring " + order + ": an immediate-or-cancel order rests"
                            + " only in a batch-auction book, and " + spec.id() + " matches on arrival ("
                            + matchingPolicy + ")");
                }
                if (order.displaySize() != 0) {
                    throw new IllegalArgumentException("restoring " + order
                            + ": an iceberg is never immediate-or-cancel");
                }
                yield true;
            }
            case FOK -> throw new IllegalArgumentException("restoring " + order + ": a fill-or-kill order never rests");
        };
    }

    private static void requirePositive(long value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }

    /**
     * Configures an {@link OrderBook}: its {@link MatchingPolicy} (default
     * {@link MatchingPolicy#priceTime()}) and its {@link SelfTradePrevention} (default
     * {@link SelfTradePrevention#NONE}). Each setting may be given once; giving one twice, or
     * null, fails at once naming it. Example:
     * {@code OrderBook.builder(spec).matchingPolicy(MatchingPolicy.proRata()).build()}.
     */
    public static final class Builder {
        private final MarketSpec spec;
        private SelfTradePrevention selfTradePrevention;
        private MatchingPolicy matchingPolicy;

        private Builder(MarketSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** What the book does when an order would trade with its own owner's resting order. */
        public Builder selfTradePrevention(SelfTradePrevention mode) {
            Objects.requireNonNull(mode, "selfTradePrevention");
            requireUnset(selfTradePrevention, "selfTradePrevention");
            this.selfTradePrevention = mode;
            return this;
        }

        /** How the book shares a taker among the makers at one price. */
        public Builder matchingPolicy(MatchingPolicy policy) {
            Objects.requireNonNull(policy, "matchingPolicy");
            requireUnset(matchingPolicy, "matchingPolicy");
            this.matchingPolicy = policy;
            return this;
        }

        /** An empty book with these settings; the builder may build more. */
        public OrderBook build() {
            return new OrderBook(spec,
                    selfTradePrevention == null ? SelfTradePrevention.NONE : selfTradePrevention,
                    matchingPolicy == null ? MatchingPolicy.priceTime() : matchingPolicy);
        }

        private void requireUnset(Object current, String what) {
            if (current != null) {
                throw new IllegalStateException(spec.id() + ": " + what + " was already set to " + current);
            }
        }
    }
}
