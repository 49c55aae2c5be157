package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A side keeps its levels sorted best first by rank, whatever order prices arrive in. */
class BookSideTest {
    private final LevelPool pool = new LevelPool(4);
    @Test
    void bidsRankHighestPriceFirst() {
        BookSide bids = sideWith(Side.BUY, 1_000, 1_002, 999, 1_001);

        assertEquals(List.of(1_002L, 1_001L, 1_000L, 999L), prices(bids));
        assertEquals(1_002, bids.priceAt(bids.size() - 1));
    }

    @Test
    void asksRankLowestPriceFirst() {
        BookSide asks = sideWith(Side.SELL, 1_000, 1_002, 999, 1_001);

        assertEquals(List.of(999L, 1_000L, 1_001L, 1_002L), prices(asks));
        assertEquals(999, asks.priceAt(asks.size() - 1));
    }

    @Test
    void theLevelNumberTravelsWithItsPrice() {
        BookSide asks = new BookSide(Side.SELL, pool, 2);
        int at1000 = insert(asks, 1_000);
        int at990 = insert(asks, 990);
        int at1010 = insert(asks, 1_010);

        assertEquals(at990, asks.best());
        assertEquals(List.of(at990, at1000, at1010), List.of(asks.levelAtRank(0), asks.levelAtRank(1), asks.levelAtRank(2)));
        assertEquals(at1000, asks.levelAt(asks.positionOf(1_000)));
        assertEquals(at1000, asks.find(1_000));
        assertEquals(Book.NONE, asks.find(1_001));
    }

    @Test
    void aKnownPriceIsFoundAndAnUnknownOneGetsItsInsertionPoint() {
        BookSide bids = sideWith(Side.BUY, 1_000, 1_002, 999);   // positions: 999, 1_000, 1_002

        assertEquals(2, bids.positionOf(1_002));
        assertEquals(0, bids.positionOf(999));
        assertEquals(-(2 + 1), bids.positionOf(1_001));
        assertEquals(-(3 + 1), bids.positionOf(1_005), "a new best bid goes at the end");
        assertEquals(-(0 + 1), bids.positionOf(10), "a new worst bid goes at the start");
        assertEquals(-1, new BookSide(Side.BUY, pool, 1).positionOf(1_000));
    }

    @Test
    void onlyTheBestLevelWithinATakersLimitIsOffered() {
        BookSide asks = sideWith(Side.SELL, 1_000, 1_001);

        assertEquals(asks.best(), asks.bestWithin(asks.keyOf(1_000)), "a buy limited at 1,000 reaches 1,000");
        assertEquals(asks.best(), asks.bestWithin(asks.keyOf(1_050)));
        assertEquals(Book.NONE, asks.bestWithin(asks.keyOf(999)), "a buy limited at 999 does not");
        assertEquals(Book.NONE, new BookSide(Side.BUY, pool, 1).bestWithin(Long.MIN_VALUE));
    }

    @Test
    void manyLevelsInScrambledOrderStaySortedAndCanBeRemovedFromAnywhere() {
        BookSide bids = new BookSide(Side.BUY, pool, 4);
        // 100 distinct prices in a scrambled order (37 is coprime to 100), beyond the initial capacity.
        for (int i = 0; i < 100; i++) {
            insert(bids, 1_000 + (i * 37) % 100);
        }
        List<Long> expected = new ArrayList<>();
        for (long price = 1_099; price >= 1_000; price--) {
            expected.add(price);
        }
        assertEquals(expected, prices(bids));

        bids.remove(1_099);   // the best
        bids.remove(1_049);   // a middle one
        bids.remove(1_000);   // the worst
        expected.remove(Long.valueOf(1_099));
        expected.remove(Long.valueOf(1_049));
        expected.remove(Long.valueOf(1_000));
        assertEquals(expected, prices(bids));
        assertEquals(Book.NONE, bids.find(1_049));
        for (long price : expected) {
            assertEquals(price, pool.price(bids.find(price)), "the price index finds " + price);
        }
        assertEquals(97, bids.indexedCount());
    }

    @Test
    void theGallopingSearchAgreesWithASortedSetEverywhere() {
        Random random = new Random(42);
        for (Side side : Side.values()) {
            BookSide book = new BookSide(side, pool, 1);
            TreeSet<Long> reference = new TreeSet<>();
            for (int step = 0; step < 5_000; step++) {
                long price = 1 + random.nextInt(600);
                int position = book.positionOf(price);
                assertEquals(reference.contains(price), position >= 0, side + " price " + price);
                assertEquals(position >= 0, book.find(price) != Book.NONE, side + " price " + price + " indexed");
                if (position >= 0) {
                    book.remove(price);
                    reference.remove(price);
                } else {
                    book.insertAt(-position - 1, price, pool.allocate(price, side));
                    reference.add(price);
                }
                List<Long> ranked = new ArrayList<>(side == Side.BUY ? reference.descendingSet() : reference);
                if (step % 97 == 0) {
                    assertEquals(ranked, prices(book));
                }
            }
        }
    }

    @Test
    void removingTheLastLevelEmptiesTheSide() {
        BookSide asks = sideWith(Side.SELL, 1_000);
        asks.remove(1_000);

        assertEquals(Book.NONE, asks.best());
        assertEquals(Book.NONE, asks.find(1_000));
        assertEquals(0, asks.size());
    }

    @Test
    void removingTheBestLevelLeavesTheNextOneBest() {
        BookSide bids = sideWith(Side.BUY, 1_000, 1_002, 999);
        bids.removeBest();

        assertEquals(List.of(1_000L, 999L), prices(bids));
        assertEquals(Book.NONE, bids.find(1_002));
        assertEquals(2, bids.indexedCount());
    }

    @Test
    void removingAPriceTheSideDoesNotListIsRefused() {
        BookSide bids = sideWith(Side.BUY, 1_000);

        assertThrows(IllegalStateException.class, () -> bids.remove(1_001));
        assertEquals(1, bids.size());
    }

    @Test
    void rankOutsideTheLevelsIsRefused() {
        BookSide bids = sideWith(Side.BUY, 1_000);

        assertThrows(IndexOutOfBoundsException.class, () -> bids.levelAtRank(1));
        assertThrows(IndexOutOfBoundsException.class, () -> bids.levelAtRank(-1));
    }

    /** Lists a new level at {@code price} and returns its number. */
    private int insert(BookSide side, long price) {
        int position = side.positionOf(price);
        assertEquals(true, position < 0, "price " + price + " is new");
        int level = pool.allocate(price, side.side());
        side.insertAt(-position - 1, price, level);
        return level;
    }

    private BookSide sideWith(Side side, long... prices) {
        BookSide book = new BookSide(side, pool, 2);
        for (long price : prices) {
            insert(book, price);
        }
        return book;
    }

    private static List<Long> prices(BookSide side) {
        List<Long> prices = new ArrayList<>();
        for (int rank = 0; rank < side.size(); rank++) {
            prices.add(side.priceAt(side.size() - 1 - rank));
        }
        return prices;
    }
}
