package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import java.util.function.Consumer;

/**
 * Matches orders for one market: a limit order book, or a pool that quotes against the oracle.
 * The engine decides who trades with whom at what price; it never touches balances. Everything
 * it does is reported to a {@link MatchSink}; the venue settles the fills.
 *
 * <p>The venue validates orders (tick, lot, limits, margin) before calling {@link #place}; an
 * engine may assume valid input. Order ids are unique per venue. Calls are single-threaded.
 *
 * <p>Example, price-time priority: asks of 2 lots at 100 (order 1) then 3 at 100 (order 2);
 * {@code place(3, owner, BUY, 100, 4, GTC, sink)} fills 2 from order 1 and 2 from order 2.
 */
public interface MatchingEngine {
    /** Reported by {@link #bestBid()} / {@link #bestAsk()} when that side is empty. */
    long NO_PRICE = 0L;

    /** The market this engine matches. */
    MarketSpec spec();

    /**
     * Matches a new limit order against the book, then rests a GTC remainder or drops an IOC
     * one; a FOK order fills whole or not at all.
     *
     * @return the size that neither filled nor rested (an IOC or FOK remainder, or what
     *     self-trade prevention did not already report); 0 otherwise
     */
    long place(long orderId, long owner, Side side, long price, long size, TimeInForce timeInForce, MatchSink sink);

    /**
     * Places an iceberg order: it matches like a GTC limit order of {@code size}, then rests
     * showing only a slice of {@code displaySize}; each time the slice is filled, a new one is
     * cut from the hidden reserve and joins the back of its price level.
     *
     * @return the size that neither filled nor rested (what self-trade prevention left); 0 otherwise
     */
    long placeIceberg(long orderId, long owner, Side side, long price, long size, long displaySize, MatchSink sink);

    /**
     * Places a market order sized by a quote budget: it takes liquidity no worse than
     * {@code protectionPrice} until {@code quoteBudget} settlement units are spent (notional of
     * each fill as {@link io.fulcrum.api.MarketSpec#notional} rounds it half-even; fees not
     * included), buying or selling whole lots only. Nothing rests.
     *
     * @return the budget left unspent
     */
    long placeWithBudget(long orderId, long owner, Side side, long protectionPrice, long quoteBudget, MatchSink sink);

    /**
     * Lets the engine act on the passage of time: a periodic batch auction clears here, reporting
     * its crosses through {@link MatchSink#onCross}. The venue calls it on
     * {@code Command.AdvanceTime}. Engines that match continuously do nothing.
     */
    default void onTime(long now, MatchSink sink) {}

    /**
     * True if this engine is a pool: it rests no orders and fills takers itself, at a price it
     * derives from the oracle (GMX, Avantis) or from virtual reserves (a vAMM), reporting each
     * fill through {@link MatchSink#onPoolFill}. The venue then keeps a pool account for the
     * market that takes the other side of every fill.
     */
    default boolean isPool() {
        return false;
    }

    /**
     * For a pool: the market as the venue sees it just before a taker order arrives, so that the
     * engine need keep no state of its own (and snapshots need none): the oracle index, and the
     * traders' open interest on each side in size units (the pool holds the difference).
     */
    default void onPoolState(long indexPrice, long tradersLong, long tradersShort) {}

    /**
     * For a pool with a curve of its own (a vAMM): how many {@code long}s of memory its curve
     * needs. The venue owns that memory, snapshots and hashes it, and passes it with every
     * {@link #onPoolState(long, long, long, long, long[])}; 0 (the default) for pools that price from
     * the oracle alone.
     */
    default int poolStateSize() {
        return 0;
    }

    /** Writes the pool's starting curve into fresh memory of {@link #poolStateSize()} slots. */
    default void initPoolState(long[] state) {}

    /**
     * What the venue calls before each taker order on a pool: {@link #onPoolState(long, long, long)}
     * with the oracle's confidence interval around the index ({@code confidence}, price units, 0
     * if the source gives none: GMX prices longs at the top of the interval and shorts at the
     * bottom, Avantis refuses a trade while it is too wide) and, for a pool with memory, its
     * curve ({@code state}, moved by the traders' net position).
     */
    default void onPoolState(long indexPrice, long confidence, long tradersLong, long tradersShort, long[] state) {
        onPoolState(indexPrice, tradersLong, tradersShort);
    }

    /**
     * Re-tunes the pool's curve where the traders' net position now stands (Perpetual Protocol
     * v1's repeg and k-adjustment): a new peg ({@code pegPpm}, 0 keeps it) and the depth scaled
     * by {@code depthPpm} / 1,000,000 (1,000,000 keeps it), written into {@code state}.
     *
     * @return what the change would cost a venue that settles traders on the curve (positive:
     *     the protocol pays), settlement units
     * @throws UnsupportedOperationException if the pool has no curve to re-tune
     * @throws IllegalArgumentException if the new curve could not close the traders' net position
     */
    default long retune(long[] state, long tradersLong, long tradersShort, long pegPpm, long depthPpm) {
        throw new UnsupportedOperationException(this + " has no curve to re-tune");
    }

    /**
     * Removes a resting order.
     *
     * @return its open size, or -1 if no such order rests
     */
    long cancel(long orderId);

    /**
     * Changes a resting order's price and open size. A smaller size at the same price keeps its
     * place in the queue; a new price or a larger size re-enters the book at the back of its
     * level (and may match at once, as a taker, reporting to {@code sink}).
     *
     * @return {@code true} if the order kept its queue priority
     * @throws IllegalArgumentException if no such order rests
     */
    boolean amend(long orderId, long newPrice, long newOpenSize, MatchSink sink);

    /** The open size of a resting order, or -1 if it does not rest. */
    long openSize(long orderId);

    /** The highest bid price, or {@link #NO_PRICE}. */
    long bestBid();

    /** The lowest ask price, or {@link #NO_PRICE}. */
    long bestAsk();

    /**
     * Fills {@code prices} and {@code sizes} with up to their length of aggregated levels of
     * {@code side}, best first.
     *
     * @return the number of levels written
     */
    int depth(Side side, long[] prices, long[] sizes);

    /** The number of resting orders. */
    int restingOrderCount();

    /** Reports every resting order in priority order (bids best first, then asks best first). */
    void forEachRestingOrder(Consumer<RestingOrder> consumer);

    /**
     * Puts back a resting order from a snapshot at the back of its price level. Restoring the
     * orders of {@link #forEachRestingOrder} in their order rebuilds the identical book.
     */
    void restore(RestingOrder order);
}
