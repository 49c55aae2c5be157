package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import org.junit.jupiter.api.Test;

/** The consistency check the book tests lean on does catch what it claims to catch. */
class BookInvariantsTest {
    private final Book book = new Book();

    @Test
    void aConsistentBookPasses() {
        book.rest(1, 101, Side.BUY, 990, 2);
        book.rest(2, 102, Side.BUY, 990, 3);
        book.rest(3, 103, Side.SELL, 1_000, 4);

        assertDoesNotThrow(book::checkInvariants);
    }

    @Test
    void aCrossedBookFails() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        book.rest(2, 102, Side.SELL, 1_000, 2);

        assertFailsWith("crossed");
    }

    @Test
    void anOrderMissingFromTheLookupFails() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        book.index.remove(1);

        assertFailsWith("not what the id lookup returns");
    }

    @Test
    void aLookupEntryWithoutAQueuedOrderFails() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        int stray = book.orders.allocate(7, 107, 2, book.bids.best());
        book.index.put(7, stray);

        assertFailsWith("holds 2 orders but the levels hold 1");
    }

    @Test
    void anEmptyLevelLeftListedFails() {
        int level = book.levels.allocate(1_000, Side.BUY);
        book.bids.insertAt(0, 1_000, level);

        assertFailsWith("is empty but still listed");
    }

    @Test
    void aLevelNobodyListsFails() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        book.levels.allocate(1_010, Side.SELL);

        assertFailsWith("levels in use but the sides list 1");
    }

    @Test
    void aLevelOnTheWrongSideFails() {
        int level = book.levels.allocate(1_000, Side.SELL);
        book.bids.insertAt(0, 1_000, level);
        int slot = book.orders.allocate(1, 101, 2, level);
        book.index.put(1, slot);
        book.levels.setEnds(level, slot, slot);
        book.levels.setTotalSize(level, 2);
        book.levels.setOrderCount(level, 1);

        assertFailsWith("BUY level 1000 is marked as a SELL level");
    }

    @Test
    void brokenQueueLinksFail() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        book.rest(2, 102, Side.BUY, 1_000, 3);
        book.orders.setPrev(book.find(2), Book.NONE);

        assertFailsWith("order 2 in BUY level 1000 has broken links");
    }

    @Test
    void aLevelTotalThatDisagreesWithItsQueueFails() {
        book.rest(1, 101, Side.SELL, 1_000, 2);
        book.levels.setTotalSize(book.asks.best(), 3);

        assertFailsWith("reports 1 orders of total 3 but holds 1 of total 2");
    }

    @Test
    void anIcebergShowingMoreThanItsSliceFails() {
        book.restIceberg(1, 101, Side.BUY, 1_000, 5, 10, 3);

        assertFailsWith("iceberg 1 in BUY level 1000 shows 5 of slices of 3 with 10 hidden");
    }

    @Test
    void anIcebergEntryWithoutAnOrderFails() {
        book.rest(1, 101, Side.BUY, 1_000, 2);
        book.icebergs.put(book.find(1) + 1, 3, 4);

        assertFailsWith("the iceberg table holds 1 icebergs but the levels hold 0");
    }

    @Test
    void anIcebergThatRestsConsistentlyPasses() {
        book.restIceberg(1, 101, Side.SELL, 1_000, 3, 17, 3);
        book.rest(2, 102, Side.SELL, 1_000, 4);

        assertDoesNotThrow(book::checkInvariants);
    }

    private void assertFailsWith(String fragment) {
        IllegalStateException failure = assertThrows(IllegalStateException.class, book::checkInvariants);
        assertTrue(failure.getMessage().contains(fragment), failure.getMessage());
    }
}
