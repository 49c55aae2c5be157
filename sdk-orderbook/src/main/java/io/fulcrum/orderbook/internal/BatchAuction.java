package io.fulcrum.orderbook.internal;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.spi.MatchSink;
import java.util.Arrays;

/**
 * The periodic batch auction over a {@link Book}: orders rest without matching, and
 * {@link #onTime} clears the book at one uniform price once the clock enters a new interval. The
 * public {@code MatchingPolicy.batchAuction} documents the rules with a worked example; this class
 * implements them.
 *
 * <p>Clearing price: one merge pass over both sides' sorted level arrays, lowest price first,
 * with running sums of the bids below and the asks at or below each candidate price. Pairing: a
 * cursor walks the bids best first (levels by array position from the best end, each level's
 * queue head to tail) and, for each bid, a scan walks the asks best first from the first ask
 * still open, skipping asks of the bid's owner. Removing a level only shifts the positions of
 * better levels, so walking towards worse levels survives removals; the next order is always
 * found before the current one may be removed. Nothing here allocates except the IOC flag array
 * growing with the order pool.
 *
 * <p>Example: bids 1 at 101, 1 at 100, 1 at 99; asks 1 at 98, 1 at 100, 2 at 102: the clearing
 * price is 100 (volume 2), the bid at 101 crosses the ask at 98, then the bid at 100 the ask at
 * 100, both at 100.
 */
public final class BatchAuction {
    private static final int NONE = OrderPool.NONE;

    private final Book book;
    private final OrderPool orders;
    private final LevelPool levels;
    private final long intervalMillis;
    /** Per order slot: true if the order was placed immediate-or-cancel (it leaves after the next auction). */
    private boolean[] ioc;
    /** The clock bucket ({@code now / interval}) of the last {@link #onTime}; {@link Long#MIN_VALUE} before the first. */
    private long lastBucket = Long.MIN_VALUE;

    public BatchAuction(Book book, long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("a batch auction's interval must be positive: " + intervalMillis + " ms");
        }
        this.book = book;
        this.orders = book.orders;
        this.levels = book.levels;
        this.intervalMillis = intervalMillis;
        this.ioc = new boolean[orders.capacity()];
        book.allowCrossing();
    }

    /** Records whether the order just rested in {@code slot} is immediate-or-cancel. */
    public void rested(int slot, boolean immediateOrCancel) {
        if (slot >= ioc.length) {
            ioc = Arrays.copyOf(ioc, Math.max(orders.capacity(), slot + 1));
        }
        ioc[slot] = immediateOrCancel;
    }

    /** True if the order in {@code slot} was placed immediate-or-cancel. */
    public boolean isImmediateOrCancel(int slot) {
        return slot < ioc.length && ioc[slot];
    }

    /**
     * Clears the book if {@code now} lies in a later interval than the previous call's; the first
     * call only notes its interval.
     */
    public void onTime(long now, MatchSink sink) {
        long bucket = Math.floorDiv(now, intervalMillis);
        long previous = lastBucket;
        if (bucket <= previous) {
            return;
        }
        lastBucket = bucket;
        if (previous != Long.MIN_VALUE) {
            clear(sink);
        }
    }

    /** Runs one auction now, whatever the clock says. */
    void clear(MatchSink sink) {
        long price = clearingPrice();
        if (price != 0) {
            pair(price, sink);
        }
        removeImmediateOrCancel(sink);
    }

    /**
     * The price among the resting orders' prices that maximises {@code min(bids at or above, asks
     * at or below)}; ties go to the smallest imbalance, then the lowest price. 0 if nothing crosses.
     */
    long clearingPrice() {
        BookSide bids = book.bids;
        BookSide asks = book.asks;
        if (bids.size() == 0 || asks.size() == 0 || bids.priceAt(bids.size() - 1) < asks.priceAt(asks.size() - 1)) {
            return 0;
        }
        long totalBids = 0;
        for (int position = 0; position < bids.size(); position++) {
            totalBids += levelOpenSize(bids.levelAt(position));
        }
        // Bids ascend with their array position; asks descend, so they are walked from the end.
        int bid = 0;
        int ask = asks.size() - 1;
        long bidsBelow = 0;
        long asksAtOrBelow = 0;
        long bestPrice = 0;
        long bestVolume = 0;
        long bestImbalance = Long.MAX_VALUE;
        while (bid < bids.size() || ask >= 0) {
            long bidPrice = bid < bids.size() ? bids.priceAt(bid) : Long.MAX_VALUE;
            long askPrice = ask >= 0 ? asks.priceAt(ask) : Long.MAX_VALUE;
            long price = Math.min(bidPrice, askPrice);
            if (askPrice == price) {
                asksAtOrBelow += levelOpenSize(asks.levelAt(ask--));
            }
            long bidsAtOrAbove = totalBids - bidsBelow;
            long volume = Math.min(bidsAtOrAbove, asksAtOrBelow);
            long imbalance = Math.abs(bidsAtOrAbove - asksAtOrBelow);
            if (volume > bestVolume || (volume == bestVolume && volume > 0 && imbalance < bestImbalance)) {
                bestPrice = price;
                bestVolume = volume;
                bestImbalance = imbalance;
            }
            if (bidPrice == price) {
                bidsBelow += levelOpenSize(bids.levelAt(bid++));
            }
        }
        return bestPrice;
    }

    /** Pairs bids at or above {@code price} with asks at or below it, both in price-time priority, all at {@code price}. */
    private void pair(long price, MatchSink sink) {
        BookSide bids = book.bids;
        BookSide asks = book.asks;
        int buy = bids.size() == 0 ? NONE : levels.head(bids.best());
        int firstSell = asks.size() == 0 ? NONE : levels.head(asks.best());
        while (buy != NONE && firstSell != NONE && book.price(buy) >= price && book.price(firstSell) <= price) {
            long buyOwner = orders.owner(buy);
            int nextBuy = next(bids, buy);
            boolean buyGone = false;
            int sell = firstSell;
            while (sell != NONE && book.price(sell) <= price) {
                int nextSell = next(asks, sell);
                if (orders.owner(sell) == buyOwner) {
                    sell = nextSell;
                    continue;
                }
                long buyOpen = book.openSize(buy);
                long sellOpen = book.openSize(sell);
                long quantity = Math.min(buyOpen, sellOpen);
                int answer = sink.onCross(orders.id(buy), orders.id(sell), price, quantity);
                boolean removeBuy;
                boolean removeSell;
                switch (answer) {
                    case MatchSink.CROSS -> {
                        removeBuy = quantity == buyOpen;
                        removeSell = quantity == sellOpen;
                        if (!removeBuy) {
                            take(buy, quantity);
                        }
                        if (!removeSell) {
                            take(sell, quantity);
                        }
                    }
                    case MatchSink.REMOVE_BUY -> {
                        removeBuy = true;
                        removeSell = false;
                    }
                    case MatchSink.REMOVE_SELL -> {
                        removeBuy = false;
                        removeSell = true;
                    }
                    case MatchSink.REMOVE_BOTH -> {
                        removeBuy = true;
                        removeSell = true;
                    }
                    default -> throw new IllegalStateException("onCross answered " + answer
                            + "; expected CROSS, REMOVE_BUY, REMOVE_SELL or REMOVE_BOTH");
                }
                if (removeSell) {
                    if (sell == firstSell) {
                        firstSell = nextSell;
                    }
                    book.remove(sell);
                }
                if (removeBuy) {
                    book.remove(buy);
                    buyGone = true;
                    break;
                }
                sell = nextSell;
            }
            if (!buyGone && firstSell == NONE) {
                break;
            }
            buy = nextBuy;
        }
    }

    /** Takes {@code quantity}, less than its open size, off the order in {@code slot}: hidden reserve first, keeping its place. */
    private void take(int slot, long quantity) {
        book.shrink(slot, book.openSize(slot) - quantity);
    }

    /** Removes every resting immediate-or-cancel order, reporting each as unfilled. */
    private void removeImmediateOrCancel(MatchSink sink) {
        removeImmediateOrCancel(book.bids, sink);
        removeImmediateOrCancel(book.asks, sink);
    }

    private void removeImmediateOrCancel(BookSide side, MatchSink sink) {
        int slot = side.size() == 0 ? NONE : levels.head(side.best());
        while (slot != NONE) {
            int next = next(side, slot);
            if (isImmediateOrCancel(slot)) {
                long id = orders.id(slot);
                long open = book.openSize(slot);
                book.remove(slot);
                sink.onReduced(id, open, 0, CancelReason.UNFILLED_IOC);
            }
            slot = next;
        }
    }

    /** The order after {@code slot} in priority order on {@code side}: behind it in its level, else the head of the next worse level. */
    private int next(BookSide side, int slot) {
        int behind = orders.next(slot);
        if (behind != NONE) {
            return behind;
        }
        int position = side.positionOf(book.price(slot));
        int worse = (position >= 0 ? position : -position - 1) - 1;
        return worse < 0 ? NONE : levels.head(side.levelAt(worse));
    }

    /** What a level holds open: its visible total, plus its icebergs' hidden reserves. */
    private long levelOpenSize(int level) {
        long total = levels.totalSize(level);
        if (book.icebergs.isEmpty()) {
            return total;
        }
        for (int slot = levels.head(level); slot != NONE; slot = orders.next(slot)) {
            total += book.openSize(slot) - orders.openSize(slot);
        }
        return total;
    }
}
