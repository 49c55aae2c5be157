package io.fulcrum.orderbook.internal;

import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The resting orders of one market and the primitive changes to them: rest an order at the back
 * of its level, reduce one in place, refill an iceberg's slice, remove one. Deciding what to do
 * (matching, time in force, amend rules, argument checks) is for the {@link Matcher}s and the
 * public {@code OrderBook}; this class only keeps the structures consistent with each other.
 *
 * <p>Structures: orders in an {@link OrderPool} (a record per int slot), found by id through an
 * {@link OrderIdIndex}; each order linked into the FIFO queue of its level in a
 * {@link LevelPool}; each side's levels sorted in a {@link BookSide}, and found by price through
 * its {@link LevelIndex}. An iceberg order is an ordinary order whose open size in the pool is
 * its visible slice (so level totals and depth count only what shows), plus an entry in the
 * {@link IcebergReserve} with its slice size and hidden reserve. All are primitive arrays that
 * double when full, reused through free lists, so once they have grown to a book's peak nothing
 * here allocates.
 *
 * <p>Example: {@code rest(7, 3, BUY, 1_000, 5)} creates the bid level at 1,000 and queues order 7
 * in it; {@code openSize(find(7))} is then 5, and {@code remove(find(7))} empties and unlists
 * the level again.
 */
public final class Book {
    /** What {@link #find} returns for an order that does not rest. */
    public static final int NONE = OrderPool.NONE;

    /** Small, since a venue has a book per market: an empty book costs about 22 KB. */
    private static final int INITIAL_ORDERS = 252;
    private static final int INITIAL_LEVELS = 64;
    private static final int INITIAL_ICEBERGS = 4;

    final OrderPool orders = new OrderPool(INITIAL_ORDERS);
    final OrderIdIndex index = new OrderIdIndex(orders, INITIAL_ORDERS);
    final LevelPool levels = new LevelPool(INITIAL_LEVELS);
    final BookSide bids = new BookSide(Side.BUY, levels, INITIAL_LEVELS / 2);
    final BookSide asks = new BookSide(Side.SELL, levels, INITIAL_LEVELS / 2);
    final IcebergReserve icebergs = new IcebergReserve(INITIAL_ICEBERGS);
    /** True for a batch-auction book, where orders rest crossed between auctions; {@link BookInvariants} then allows it. */
    boolean crossAllowed;

    /** Lets bids and asks rest crossed (a batch-auction book between auctions) without failing {@link #checkInvariants}. */
    public void allowCrossing() {
        crossAllowed = true;
    }

    /** The slot of resting order {@code orderId}, or {@link #NONE}. */
    public int find(long orderId) {
        return index.get(orderId);
    }

    public long orderId(int slot) {
        return orders.id(slot);
    }

    public long owner(int slot) {
        return orders.owner(slot);
    }

    /** What is still open: the visible slice plus, for an iceberg, its hidden reserve. */
    public long openSize(int slot) {
        long visible = orders.openSize(slot);
        if (icebergs.isEmpty()) {
            return visible;
        }
        int entry = icebergs.find(slot);
        return entry == IcebergReserve.ABSENT ? visible : visible + icebergs.hidden(entry);
    }

    /** An iceberg's slice size, or 0 for an ordinary order. */
    public long displaySize(int slot) {
        if (icebergs.isEmpty()) {
            return 0;
        }
        int entry = icebergs.find(slot);
        return entry == IcebergReserve.ABSENT ? 0 : icebergs.display(entry);
    }

    public long price(int slot) {
        return levels.price(orders.level(slot));
    }

    public Side side(int slot) {
        return levels.side(orders.level(slot));
    }

    /** The number of resting orders. */
    public int orderCount() {
        return index.size();
    }

    /** The best price of {@code side}, or {@link MatchingEngine#NO_PRICE} if it is empty. */
    public long bestPrice(Side side) {
        int best = sideOf(side).best();
        return best == NONE ? MatchingEngine.NO_PRICE : levels.price(best);
    }

    /**
     * Queues a new order at the back of its level, creating the level if needed, and returns its
     * slot; reports nothing. The caller has checked that {@code orderId} does not rest and that
     * price and size are positive.
     *
     * @throws ArithmeticException if the level's total size would overflow; nothing changes then
     */
    public int rest(long orderId, long owner, Side side, long price, long openSize) {
        BookSide book = sideOf(side);
        int level = book.find(price);
        long total;
        if (level != NONE) {
            // Before anything changes, so an overflow leaves the book as it was.
            total = Math.addExact(levels.totalSize(level), openSize);
        } else {
            int position = -book.positionOf(price) - 1;
            level = levels.allocate(price, side);
            book.insertAt(position, price, level);
            total = openSize;
        }
        int slot = orders.allocate(orderId, owner, openSize, level);
        index.put(orderId, slot);
        int tail = levels.tail(level);
        if (tail == NONE) {
            levels.setEnds(level, slot, slot);
        } else {
            orders.setPrev(slot, tail);
            orders.setNext(tail, slot);
            levels.setEnds(level, levels.head(level), slot);
        }
        levels.setTotalSize(level, total);
        levels.setOrderCount(level, levels.orderCount(level) + 1);
        return slot;
    }

    /**
     * Queues a new iceberg order showing {@code visible} and keeping {@code hidden} back, slices of
     * {@code displaySize}, as {@link #rest} queues an ordinary one.
     */
    public int restIceberg(long orderId, long owner, Side side, long price, long visible, long hidden,
            long displaySize) {
        int slot = rest(orderId, owner, side, price, visible);
        icebergs.put(slot, displaySize, hidden);
        return slot;
    }

    /**
     * Lowers the open size of the order in {@code slot} by {@code quantity}, keeping its place
     * in the queue. The caller keeps the result positive; a fully filled order is removed instead.
     */
    public void reduce(int slot, long quantity) {
        orders.setOpenSize(slot, orders.openSize(slot) - quantity);
        int level = orders.level(slot);
        levels.setTotalSize(level, levels.totalSize(level) - quantity);
    }

    /**
     * Sets the open size of the order in {@code slot} to {@code newOpenSize}, no more than it is
     * and positive, keeping its place in the queue. An iceberg gives up hidden size first, and
     * shows less only once nothing is hidden any more.
     */
    public void shrink(int slot, long newOpenSize) {
        long cut = openSize(slot) - newOpenSize;
        int entry = icebergs.isEmpty() ? IcebergReserve.ABSENT : icebergs.find(slot);
        if (entry != IcebergReserve.ABSENT) {
            long fromHidden = Math.min(cut, icebergs.hidden(entry));
            icebergs.setHidden(entry, icebergs.hidden(entry) - fromHidden);
            cut -= fromHidden;
        }
        if (cut > 0) {
            reduce(slot, cut);
        }
    }

    /**
     * The visible slice of the order in {@code slot} has just been taken whole (by a fill or by
     * self-trade prevention), though the pool still holds it: if the order is an iceberg with a
     * hidden reserve, cuts a new slice of at most its display size from the reserve, puts it at
     * the back of its level (it loses priority) and returns the new slice. Otherwise changes
     * nothing and returns 0: the caller removes the order.
     */
    public long replenish(int slot) {
        if (icebergs.isEmpty()) {
            return 0;
        }
        int entry = icebergs.find(slot);
        if (entry == IcebergReserve.ABSENT || icebergs.hidden(entry) == 0) {
            return 0;
        }
        long hidden = icebergs.hidden(entry);
        long slice = Math.min(icebergs.display(entry), hidden);
        icebergs.setHidden(entry, hidden - slice);
        int level = orders.level(slot);
        levels.setTotalSize(level, levels.totalSize(level) - orders.openSize(slot) + slice);
        orders.setOpenSize(slot, slice);
        moveToBack(slot, level);
        return slice;
    }

    /** Removes resting order {@code orderId} and returns its open size, or -1 if it does not rest. */
    public long cancel(long orderId) {
        int slot = index.remove(orderId);
        if (slot == NONE) {
            return -1;
        }
        long openSize = openSize(slot);
        unlink(slot);
        return openSize;
    }

    /** Removes the order in {@code slot}, wherever it is queued, and the level if it empties; hidden size included. */
    public void remove(int slot) {
        index.remove(orders.id(slot));
        unlink(slot);
    }

    /**
     * Removes the order in {@code slot}, which must be the head of the best level of {@code side}:
     * what matching does to a filled or refused maker. Cheaper than {@link #remove}: it has no
     * neighbour ahead to relink and an emptied level is simply the last one listed.
     */
    void removeBestHead(BookSide side, int level, int slot) {
        index.remove(orders.id(slot));
        forgetIceberg(slot);
        int next = orders.next(slot);
        long openSize = orders.openSize(slot);
        orders.free(slot);
        if (next == NONE) {
            side.removeBest();
            levels.free(level);
        } else {
            orders.setPrev(next, NONE);
            levels.setEnds(level, next, levels.tail(level));
            levels.setTotalSize(level, levels.totalSize(level) - openSize);
            levels.setOrderCount(level, levels.orderCount(level) - 1);
        }
    }

    /**
     * Fills {@code prices} and {@code sizes} with up to {@code min(prices.length, sizes.length)}
     * levels of {@code side}, best first, and returns how many. Allocates nothing.
     */
    public int depth(Side side, long[] prices, long[] sizes) {
        BookSide book = sideOf(side);
        int count = Math.min(book.size(), Math.min(prices.length, sizes.length));
        int position = book.size() - 1;
        for (int rank = 0; rank < count; rank++, position--) {
            int level = book.levelAt(position);
            prices[rank] = levels.price(level);
            sizes[rank] = levels.totalSize(level);
        }
        return count;
    }

    /**
     * Reports every resting order, bids best first then asks best first, each level in queue
     * order, all good-till-cancelled.
     */
    public void forEachRestingOrder(Consumer<RestingOrder> consumer) {
        forEachRestingOrder(consumer, slot -> false);
    }

    /**
     * Reports every resting order as {@link #forEachRestingOrder(Consumer)} does, each
     * immediate-or-cancel if {@code immediateOrCancel} says so of its slot (a batch auction's
     * waiting IOC orders), else good-till-cancelled.
     */
    public void forEachRestingOrder(Consumer<RestingOrder> consumer, IntPredicate immediateOrCancel) {
        report(bids, consumer, immediateOrCancel);
        report(asks, consumer, immediateOrCancel);
    }

    /** Throws {@link IllegalStateException} describing the first inconsistency between the structures. */
    public void checkInvariants() {
        BookInvariants.check(this);
    }

    /**
     * Bytes of heap the book's arrays occupy, computed from their lengths: what the book retains
     * however many orders rest, since arrays never shrink.
     */
    public long retainedBytes() {
        return orders.retainedBytes() + index.retainedBytes() + levels.retainedBytes() + bids.retainedBytes()
                + asks.retainedBytes() + icebergs.retainedBytes();
    }

    BookSide sideOf(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    /** The side a taker of {@code takerSide} trades against. */
    BookSide makersFor(Side takerSide) {
        return takerSide == Side.BUY ? asks : bids;
    }

    private void forgetIceberg(int slot) {
        if (!icebergs.isEmpty()) {
            icebergs.remove(slot);
        }
    }

    /** Requeues {@code slot} at the tail of {@code level}; totals and counts stay as they are. */
    private void moveToBack(int slot, int level) {
        int tail = levels.tail(level);
        if (tail == slot) {
            return;
        }
        int prev = orders.prev(slot);
        int next = orders.next(slot);   // not NONE: the slot is not the tail
        int head = levels.head(level);
        if (prev == NONE) {
            head = next;
        } else {
            orders.setNext(prev, next);
        }
        orders.setPrev(next, prev);
        orders.setLinks(slot, tail, NONE);
        orders.setNext(tail, slot);
        levels.setEnds(level, head, slot);
    }

    /** Takes {@code slot} out of its level's queue and frees it; the index entry is already gone. */
    private void unlink(int slot) {
        forgetIceberg(slot);
        int level = orders.level(slot);
        int prev = orders.prev(slot);
        int next = orders.next(slot);
        int head = prev == NONE ? next : levels.head(level);
        int tail = next == NONE ? prev : levels.tail(level);
        if (prev != NONE) {
            orders.setNext(prev, next);
        }
        if (next != NONE) {
            orders.setPrev(next, prev);
        }
        levels.setEnds(level, head, tail);
        levels.setTotalSize(level, levels.totalSize(level) - orders.openSize(slot));
        levels.setOrderCount(level, levels.orderCount(level) - 1);
        orders.free(slot);
        if (head == NONE) {
            sideOf(levels.side(level)).remove(levels.price(level));
            levels.free(level);
        }
    }

    private void report(BookSide side, Consumer<RestingOrder> consumer, IntPredicate immediateOrCancel) {
        for (int rank = 0; rank < side.size(); rank++) {
            int level = side.levelAtRank(rank);
            for (int slot = levels.head(level); slot != NONE; slot = orders.next(slot)) {
                long visible = orders.openSize(slot);
                consumer.accept(new RestingOrder(orders.id(slot), orders.owner(slot), side.side(), levels.price(level),
                        openSize(slot), displaySize(slot), visible,
                        immediateOrCancel.test(slot) ? TimeInForce.IOC : TimeInForce.GTC));
            }
        }
    }
}
