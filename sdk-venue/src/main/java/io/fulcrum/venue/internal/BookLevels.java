package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.Side;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregated (L2) book of every market as the kernel's own record of resting orders adds it
 * up, and the levels a command changed. At the end of each accepted command the kernel emits one
 * {@link Event.BookLevelChanged} per changed level with its final size, in (market, side, price)
 * order, so a client holding an L2 snapshot can follow the book from events alone.
 */
final class BookLevels {
    private final MarketId[] markets;
    private final TreeMap<Long, Long>[] bids;
    private final TreeMap<Long, Long>[] asks;
    private final TreeSet<Long>[] dirtyBids;
    private final TreeSet<Long>[] dirtyAsks;
    private boolean dirty;

    @SuppressWarnings("unchecked")
    BookLevels(MarketRuntime[] runtimes) {
        int n = runtimes.length;
        markets = new MarketId[n];
        bids = new TreeMap[n];
        asks = new TreeMap[n];
        dirtyBids = new TreeSet[n];
        dirtyAsks = new TreeSet[n];
        for (int i = 0; i < n; i++) {
            markets[i] = runtimes[i].spec.id();
            bids[i] = new TreeMap<>(Collections.reverseOrder());
            asks[i] = new TreeMap<>();
            dirtyBids[i] = new TreeSet<>(Collections.reverseOrder());
            dirtyAsks[i] = new TreeSet<>();
        }
    }

    /** Adds {@code delta} (positive or negative) open size at {@code price} on {@code side} of {@code market}. */
    void add(int market, Side side, long price, long delta) {
        if (delta == 0) {
            return;
        }
        TreeMap<Long, Long> levels = side == Side.BUY ? bids[market] : asks[market];
        long size = levels.getOrDefault(price, 0L) + delta;
        if (size < 0) {
            throw new IllegalStateException(markets[market] + " " + side + " level " + price + " went negative: " + size);
        }
        if (size == 0) {
            levels.remove(price);
        } else {
            levels.put(price, size);
        }
        (side == Side.BUY ? dirtyBids[market] : dirtyAsks[market]).add(price);
        dirty = true;
    }

    /** Emits one event per level changed since the last flush, with its size now, and forgets them. */
    void flush(java.util.List<Event> out) {
        if (!dirty) {
            return;
        }
        for (int m = 0; m < markets.length; m++) {
            flushSide(m, Side.BUY, bids[m], dirtyBids[m], out);
            flushSide(m, Side.SELL, asks[m], dirtyAsks[m], out);
        }
        dirty = false;
    }

    /** Forgets pending changes without emitting them (a rejected command changed nothing). */
    void discardPending() {
        for (int m = 0; m < markets.length; m++) {
            dirtyBids[m].clear();
            dirtyAsks[m].clear();
        }
        dirty = false;
    }

    private void flushSide(int m, Side side, TreeMap<Long, Long> levels, TreeSet<Long> changed, java.util.List<Event> out) {
        for (long price : changed) {
            out.add(new Event.BookLevelChanged(markets[m], side, price, levels.getOrDefault(price, 0L)));
        }
        changed.clear();
    }

    /** The levels of one side, best first. */
    NavigableMap<Long, Long> side(int market, Side side) {
        return Collections.unmodifiableNavigableMap(side == Side.BUY ? bids[market] : asks[market]);
    }

    Map<Long, Long> bids(int market) {
        return bids[market];
    }
}
