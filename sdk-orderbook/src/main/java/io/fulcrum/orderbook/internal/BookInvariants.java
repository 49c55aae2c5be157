package io.fulcrum.orderbook.internal;

/**
 * Checks that a {@link Book}'s structures agree with each other; tests run it after every
 * command. It walks everything, so it is for tests and debugging, never the hot path.
 *
 * <p>What must hold: each side's levels are strictly sorted best first, listed under their own
 * price, found there by the side's price index (which holds nothing else), marked with that side
 * and none empty; each level's total size and order count equal
 * the sum and count of its queue, whose links run both ways and end at its head and tail; every
 * queued order has a positive open size, points back at its level, and is the slot the id index
 * returns for its id; the index holds nothing else and every entry in it is reachable; an
 * iceberg's slice size is positive, it shows no more than that, and its hidden reserve is not
 * negative, and the iceberg table holds no entry for a slot that is not queued; no level or order
 * slot is in use without being listed; and the book is not crossed (best bid below best ask),
 * unless it is a batch-auction book ({@link Book#allowCrossing}). Example: a bid at 1,000 and an ask at 1,000 resting together violate the last rule,
 * since they should have traded.
 */
final class BookInvariants {
    private BookInvariants() {}

    /** Throws {@link IllegalStateException} describing the first broken rule, if any. */
    static void check(Book book) {
        int queued = checkSide(book, book.bids) + checkSide(book, book.asks);
        if (queued != book.index.size()) {
            fail("the id lookup holds " + book.index.size() + " orders but the levels hold " + queued);
        }
        if (queued != book.orders.live()) {
            fail("the pool has " + book.orders.live() + " slots in use but the levels hold " + queued + " orders");
        }
        int listed = book.bids.size() + book.asks.size();
        if (listed != book.levels.live()) {
            fail("the level pool has " + book.levels.live() + " levels in use but the sides list " + listed);
        }
        book.index.verify();
        book.icebergs.verify();
        int icebergs = countIcebergs(book, book.bids) + countIcebergs(book, book.asks);
        if (icebergs != book.icebergs.size()) {
            fail("the iceberg table holds " + book.icebergs.size() + " icebergs but the levels hold " + icebergs);
        }
        int bestBid = book.bids.best();
        int bestAsk = book.asks.best();
        if (!book.crossAllowed && bestBid != Book.NONE && bestAsk != Book.NONE
                && book.levels.price(bestBid) >= book.levels.price(bestAsk)) {
            fail("the book is crossed: best bid " + book.levels.price(bestBid) + " >= best ask "
                    + book.levels.price(bestAsk));
        }
    }

    private static int checkSide(Book book, BookSide side) {
        LevelPool levels = book.levels;
        int queued = 0;
        for (int rank = 0; rank < side.size(); rank++) {
            int level = side.levelAtRank(rank);
            long price = levels.price(level);
            String where = side.side() + " level " + price;
            if (rank > 0 && !side.isBetter(levels.price(side.levelAtRank(rank - 1)), price)) {
                fail(where + " at rank " + rank + " is not worse than the one before");
            }
            if (side.priceAt(side.size() - 1 - rank) != price) {
                fail(where + " is listed under price " + side.priceAt(side.size() - 1 - rank));
            }
            if (side.find(price) != level) {
                fail(where + " is not what the price index returns");
            }
            if (levels.side(level) != side.side()) {
                fail(where + " is marked as a " + levels.side(level) + " level");
            }
            if (levels.head(level) == Book.NONE) {
                fail(where + " is empty but still listed");
            }
            queued += checkQueue(book, where, level);
        }
        if (side.indexedCount() != side.size()) {
            fail("the " + side.side() + " price index holds " + side.indexedCount() + " levels but the side lists "
                    + side.size());
        }
        return queued;
    }

    private static int checkQueue(Book book, String where, int level) {
        OrderPool orders = book.orders;
        LevelPool levels = book.levels;
        long sum = 0;
        int count = 0;
        int previous = Book.NONE;
        for (int slot = levels.head(level); slot != Book.NONE; slot = orders.next(slot)) {
            String order = "order " + orders.id(slot) + " in " + where;
            if (orders.level(slot) != level || orders.prev(slot) != previous) {
                fail(order + " has broken links");
            }
            if (orders.openSize(slot) <= 0) {
                fail(order + " has open size " + orders.openSize(slot));
            }
            if (book.index.get(orders.id(slot)) != slot) {
                fail(order + " is not what the id lookup returns");
            }
            sum += orders.openSize(slot);
            count++;
            if (count > orders.live()) {
                fail(where + " has a queue that loops");
            }
            previous = slot;
        }
        if (levels.tail(level) != previous) {
            fail(where + " has a tail that is not its last order");
        }
        if (sum != levels.totalSize(level) || count != levels.orderCount(level)) {
            fail(where + " reports " + levels.orderCount(level) + " orders of total " + levels.totalSize(level)
                    + " but holds " + count + " of total " + sum);
        }
        return count;
    }

    private static int countIcebergs(Book book, BookSide side) {
        int count = 0;
        for (int rank = 0; rank < side.size(); rank++) {
            int level = side.levelAtRank(rank);
            for (int slot = book.levels.head(level); slot != Book.NONE; slot = book.orders.next(slot)) {
                int entry = book.icebergs.find(slot);
                if (entry == IcebergReserve.ABSENT) {
                    continue;
                }
                count++;
                long display = book.icebergs.display(entry);
                String order = "iceberg " + book.orders.id(slot) + " in " + side.side() + " level " + book.levels.price(level);
                if (display <= 0 || book.orders.openSize(slot) > display || book.icebergs.hidden(entry) < 0) {
                    fail(order + " shows " + book.orders.openSize(slot) + " of slices of " + display + " with "
                            + book.icebergs.hidden(entry) + " hidden");
                }
            }
        }
        return count;
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
