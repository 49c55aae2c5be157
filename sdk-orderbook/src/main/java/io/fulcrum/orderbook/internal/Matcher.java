package io.fulcrum.orderbook.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;

/**
 * A matching policy over a {@link Book}: which makers a taker trades with, in what order and how
 * much with each. The policies ({@link PriceTimeMatcher}, {@link ProRataMatcher}) differ in that
 * only; what happens to one maker (a fill, a veto, an iceberg refill, self-trade prevention) is
 * the same for all and lives here.
 *
 * <p>Every fill is offered to {@link MatchSink#onMatch} before anything changes; a refused maker
 * is removed unfilled, hidden reserve included. Other callbacks report a change already made, so
 * the book is consistent at every callback and a sink may read it; if a sink throws, what was
 * done stays done. Nothing here allocates.
 *
 * <p>Example, self-trade prevention "decrement both": a taker of owner 7 with 6 left meets its
 * own maker showing 4: both lose 4 without a trade ({@code onReduced(maker, 4, 0, ..)},
 * {@code onReduced(taker, 4, 2, ..)}) and the taker goes on with 2.
 */
public abstract class Matcher {
    final Book book;
    final OrderPool orders;
    final LevelPool levels;
    final IcebergReserve icebergs;
    final SelfTradeRule selfTrade;
    /** {@code selfTrade.active}, a field of this object so the matching loop reads it without a hop. */
    final boolean preventsSelfTrades;
    /** The incoming order of the call under way; one, reused, so matching allocates nothing. */
    final Taker taker;

    Matcher(Book book, SelfTradeRule selfTrade, MarketSpec spec) {
        this.book = book;
        this.orders = book.orders;
        this.levels = book.levels;
        this.icebergs = book.icebergs;
        this.selfTrade = selfTrade;
        this.preventsSelfTrades = selfTrade.active;
        this.taker = new Taker(spec);
    }

    /**
     * Matches an order of {@code size} on {@code side} limited at {@code limit} against the other
     * side, until it has nothing left, self-trade prevention ends it, or it meets no maker within
     * its limit.
     *
     * @return the size left: neither filled nor taken away by self-trade prevention
     */
    public long match(long id, long owner, Side side, long limit, long size, MatchSink sink) {
        taker.startSized(id, owner, side, limit, size);
        match(taker, sink);
        return taker.remaining();
    }

    /**
     * Matches a market order spending at most {@code budget} settlement units, trading no worse
     * than {@code limit}, in whole lots (see {@link Taker}).
     *
     * @return the budget left unspent
     */
    public long matchBudget(long id, long owner, Side side, long limit, long budget, MatchSink sink) {
        taker.startBudget(id, owner, side, limit, budget);
        match(taker, sink);
        return taker.budget();
    }

    /**
     * True if {@link #match} would fill all of an order of {@code size} of {@code owner}, provided
     * the sink accepts every fill: the liquidity within its limit, less what self-trade prevention
     * would remove or stop it at, covers its size. Reads the book, changes nothing.
     */
    public boolean canFillWhole(long owner, Side side, long limit, long size) {
        taker.startSized(0, owner, side, limit, size);
        return canFillWhole(taker);
    }

    /** Matches {@code taker} until it is done or meets no maker within its limit; the taker then holds what is left. */
    abstract void match(Taker taker, MatchSink sink);

    /** As {@link #canFillWhole(long, Side, long, long)}, for the sized {@code taker}. */
    abstract boolean canFillWhole(Taker taker);

    /** True if {@code maker} belongs to the taker's owner and the book prevents self-trades. */
    final boolean isOwn(int maker, Taker taker) {
        return preventsSelfTrades && orders.owner(maker) == taker.owner();
    }

    /**
     * Offers a fill of {@code quantity} of the {@code offered} the taker was offered, no more than
     * what {@code maker} shows, and applies the sink's answer: a refused maker leaves the book; an
     * accepted fill reduces the maker or, if it takes the whole slice, refills an iceberg or
     * removes the order.
     */
    final void fill(int maker, long price, long quantity, long offered, Taker taker, MatchSink sink) {
        long makerId = orders.id(maker);
        if (!sink.onMatch(makerId, orders.owner(maker), taker.id(), price, quantity)) {
            book.remove(maker);
            return;
        }
        taker.took(quantity, price, offered);
        if (quantity < orders.openSize(maker)) {
            book.reduce(maker, quantity);
        } else {
            sliceTaken(maker, makerId, price, sink);
        }
    }

    /** The whole visible slice of {@code maker} is gone: a new slice from the reserve, or the order leaves. */
    final void sliceTaken(int maker, long makerId, long price, MatchSink sink) {
        long slice = book.replenish(maker);
        if (slice == 0) {
            book.remove(maker);
        } else {
            sink.onReplenished(makerId, price, slice);
        }
    }

    /**
     * The taker met its own {@code maker} at {@code price}, where it would have taken
     * {@code quantity}: applies the rule. The maker's changes are reported before the taker's.
     */
    final void preventSelfTrade(int maker, long price, long quantity, Taker taker, MatchSink sink) {
        long makerId = orders.id(maker);
        if (selfTrade.decrements) {
            long makerOpen = book.openSize(maker) - quantity;
            long shown = orders.openSize(maker);
            long slice = 0;
            if (quantity < shown) {
                book.reduce(maker, quantity);
            } else {
                slice = book.replenish(maker);
                if (slice == 0) {
                    book.remove(maker);
                }
            }
            sink.onReduced(makerId, quantity, makerOpen, CancelReason.SELF_TRADE_PREVENTION);
            if (slice > 0) {
                sink.onReplenished(makerId, price, slice);
            }
            taker.took(quantity, price, shown);
            sink.onReduced(taker.id(), quantity, taker.openAt(price), CancelReason.SELF_TRADE_PREVENTION);
            return;
        }
        if (selfTrade.cancelsMaker) {
            long makerOpen = book.openSize(maker);
            book.remove(maker);
            sink.onReduced(makerId, makerOpen, 0, CancelReason.SELF_TRADE_PREVENTION);
        }
        if (selfTrade.cancelsTaker) {
            long takerOpen = taker.openAt(price);
            taker.cancel();
            sink.onReduced(taker.id(), takerOpen, 0, CancelReason.SELF_TRADE_PREVENTION);
        }
    }
}
