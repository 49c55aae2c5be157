package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A side keeps its levels sorted best first by rank, whatever order prices arrive in. */
class BookSideTest {
    @Test
    void bidsRankHighestPriceFirst() {
        BookSide bids = sideWith(Side.BUY, 1_000, 1_002, 999, 1_001);

        assertEquals(List.of(1_002L, 1_001L, 1_000L, 999L), prices(bids));
        assertEquals(1_002, bids.best().price());
    }

    @Test
    void asksRankLowestPriceFirst() {
        BookSide asks = sideWith(Side.SELL, 1_000, 1_002, 999, 1_001);

        assertEquals(List.of(999L, 1_000L, 1_001L, 1_002L), prices(asks));
        assertEquals(999, asks.best().price());
    }

    @Test
    void findOrCreateReturnsTheExistingLevelForAKnownPrice() {
        BookSide asks = new BookSide(Side.SELL);
        PriceLevel first = asks.findOrCreate(1_000);

        assertSame(first, asks.findOrCreate(1_000));
        assertEquals(1, asks.levelCount());
    }

    @Test
    void manyLevelsInScrambledOrderStaySortedAndCanBeRemovedFromAnywhere() {
        BookSide bids = new BookSide(Side.BUY);
        // 100 distinct prices in a scrambled order (37 is coprime to 100), beyond the initial capacity.
        for (int i = 0; i < 100; i++) {
            bids.findOrCreate(1_000 + (i * 37) % 100);
        }
        List<Long> expected = new ArrayList<>();
        for (long price = 1_099; price >= 1_000; price--) {
            expected.add(price);
        }
        assertEquals(expected, prices(bids));

        bids.remove(bids.level(0));    // the best, 1_099
        bids.remove(bids.level(49));   // a middle one, 1_049
        bids.remove(bids.level(97));   // the worst, 1_000
        expected.remove(Long.valueOf(1_099));
        expected.remove(Long.valueOf(1_049));
        expected.remove(Long.valueOf(1_000));
        assertEquals(expected, prices(bids));
    }

    @Test
    void removingTheLastLevelEmptiesTheSide() {
        BookSide asks = new BookSide(Side.SELL);
        asks.remove(asks.findOrCreate(1_000));

        assertNull(asks.best());
        assertEquals(0, asks.levelCount());
    }

    @Test
    void removingALevelOfAnotherSideIsRefused() {
        BookSide bids = sideWith(Side.BUY, 1_000);
        PriceLevel foreign = new PriceLevel(1_000);

        assertThrows(IllegalStateException.class, () -> bids.remove(foreign));
        assertEquals(1, bids.levelCount());
    }

    @Test
    void rankOutsideTheLevelsIsRefused() {
        BookSide bids = sideWith(Side.BUY, 1_000);

        assertThrows(IndexOutOfBoundsException.class, () -> bids.level(1));
        assertThrows(IndexOutOfBoundsException.class, () -> bids.level(-1));
    }

    private static BookSide sideWith(Side side, long... prices) {
        BookSide book = new BookSide(side);
        for (long price : prices) {
            book.findOrCreate(price);
        }
        return book;
    }

    private static List<Long> prices(BookSide side) {
        List<Long> prices = new ArrayList<>();
        for (int rank = 0; rank < side.levelCount(); rank++) {
            prices.add(side.level(rank).price());
        }
        return prices;
    }
}
