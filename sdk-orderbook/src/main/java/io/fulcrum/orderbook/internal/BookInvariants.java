package io.fulcrum.orderbook.internal;

import org.eclipse.collections.api.map.primitive.LongObjectMap;

/**
 * Checks that an order book's structures agree with each other; tests run it after every
 * command. It walks everything, so it is for tests and debugging, never the hot path.
 *
 * <p>What must hold: each side's levels are strictly sorted best first and none is empty; each
 * level's total size and order count equal the sum and count of its queue, whose links run
 * both ways; every queued order has a positive open size, its level's price and its side's
 * side, and is exactly the node the id lookup returns; the lookup holds nothing else; and the
 * book is not crossed (best bid below best ask). Example: a bid at 1,000 and an ask at 1,000
 * resting together violate the last rule, since they should have traded.
 */
public final class BookInvariants {
    private BookInvariants() {}

    /**
     * Throws {@link IllegalStateException} describing the first broken rule, if any.
     *
     * @param orders the id lookup
     * @param bids the buy side
     * @param asks the sell side
     */
    public static void check(LongObjectMap<OrderNode> orders, BookSide bids, BookSide asks) {
        int queued = checkSide(orders, bids) + checkSide(orders, asks);
        if (queued != orders.size()) {
            fail("the id lookup holds " + orders.size() + " orders but the levels hold " + queued);
        }
        PriceLevel bestBid = bids.best();
        PriceLevel bestAsk = asks.best();
        if (bestBid != null && bestAsk != null && bestBid.price() >= bestAsk.price()) {
            fail("the book is crossed: best bid " + bestBid.price() + " >= best ask " + bestAsk.price());
        }
    }

    private static int checkSide(LongObjectMap<OrderNode> orders, BookSide side) {
        int queued = 0;
        for (int rank = 0; rank < side.levelCount(); rank++) {
            PriceLevel level = side.level(rank);
            if (rank > 0 && !side.isBetter(side.level(rank - 1).price(), level.price())) {
                fail(side.side() + " level " + level.price() + " at rank " + rank + " is not worse than the one before");
            }
            if (level.isEmpty()) {
                fail(side.side() + " level " + level.price() + " is empty but still listed");
            }
            queued += checkLevel(orders, side, level);
        }
        return queued;
    }

    private static int checkLevel(LongObjectMap<OrderNode> orders, BookSide side, PriceLevel level) {
        long sum = 0;
        int count = 0;
        OrderNode previous = null;
        for (OrderNode node = level.head(); node != null; node = node.next()) {
            String where = "order " + node.orderId() + " in " + side.side() + " level " + level.price();
            if (node.level() != level || node.prev() != previous) {
                fail(where + " has broken links");
            }
            if (node.price() != level.price() || node.side() != side.side()) {
                fail(where + " has price " + node.price() + " and side " + node.side());
            }
            if (node.openSize() <= 0) {
                fail(where + " has open size " + node.openSize());
            }
            if (orders.get(node.orderId()) != node) {
                fail(where + " is not what the id lookup returns");
            }
            sum += node.openSize();
            count++;
            previous = node;
        }
        if (level.tail() != previous) {
            fail(side.side() + " level " + level.price() + " has a tail that is not its last order");
        }
        if (sum != level.totalSize() || count != level.orderCount()) {
            fail(side.side() + " level " + level.price() + " reports " + level.orderCount() + " orders of total "
                    + level.totalSize() + " but holds " + count + " of total " + sum);
        }
        return count;
    }

    private static void fail(String message) {
        throw new IllegalStateException(message);
    }
}
