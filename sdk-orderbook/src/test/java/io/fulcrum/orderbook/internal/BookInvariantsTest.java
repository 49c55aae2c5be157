package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.junit.jupiter.api.Test;

/** The consistency check the book tests lean on does catch what it claims to catch. */
class BookInvariantsTest {
    private final LongObjectHashMap<OrderNode> orders = new LongObjectHashMap<>();
    private final BookSide bids = new BookSide(Side.BUY);
    private final BookSide asks = new BookSide(Side.SELL);

    @Test
    void aConsistentBookPasses() {
        rest(new OrderNode(1, 101, Side.BUY, 990, 2));
        rest(new OrderNode(2, 102, Side.BUY, 990, 3));
        rest(new OrderNode(3, 103, Side.SELL, 1_000, 4));

        assertDoesNotThrow(this::check);
    }

    @Test
    void aCrossedBookFails() {
        rest(new OrderNode(1, 101, Side.BUY, 1_000, 2));
        rest(new OrderNode(2, 102, Side.SELL, 1_000, 2));

        assertFailsWith("crossed");
    }

    @Test
    void anOrderMissingFromTheLookupFails() {
        rest(new OrderNode(1, 101, Side.BUY, 1_000, 2));
        orders.remove(1);

        assertFailsWith("not what the id lookup returns");
    }

    @Test
    void aLookupEntryWithoutAQueuedOrderFails() {
        rest(new OrderNode(1, 101, Side.BUY, 1_000, 2));
        orders.put(7, new OrderNode(7, 107, Side.BUY, 1_000, 2));

        assertFailsWith("holds 2 orders but the levels hold 1");
    }

    @Test
    void anEmptyLevelLeftListedFails() {
        bids.findOrCreate(1_000);

        assertFailsWith("is empty but still listed");
    }

    @Test
    void anOrderOnTheWrongSideFails() {
        OrderNode sell = new OrderNode(1, 101, Side.SELL, 1_000, 2);
        bids.findOrCreate(1_000).append(sell);
        orders.put(1, sell);

        assertFailsWith("has price 1000 and side SELL");
    }

    private void rest(OrderNode node) {
        (node.side() == Side.BUY ? bids : asks).findOrCreate(node.price()).append(node);
        orders.put(node.orderId(), node);
    }

    private void check() {
        BookInvariants.check(orders, bids, asks);
    }

    private void assertFailsWith(String fragment) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, this::check);
        assertTrue(failure.getMessage().contains(fragment), failure.getMessage());
    }
}
