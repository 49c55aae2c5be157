package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.GTC;
import static io.fulcrum.api.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Rested;
import io.fulcrum.orderbook.RecordingSink.Replenished;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Iceberg orders: they match like good-till-cancelled orders, then rest showing one slice; each
 * time a slice is taken whole a new one is cut from the hidden reserve and joins the back of its
 * level. Depth shows slices only; open sizes and snapshots count the reserve.
 */
abstract class IcebergContract extends ContractSupport {
    @Test
    void anIcebergShowsOnlyItsSliceInDepth() {
        RecordingSink sink = new RecordingSink();

        assertEquals(0, book.placeIceberg(1, owner(1), SELL, 1_000, 20, 5, sink));
        checkInvariants(book);
        gtc(2, SELL, 1_000, 3);

        assertEquals(List.of(new Rested(1, SELL, 1_000, 20), new Replenished(1, 1_000, 5)), sink.events());
        // 5 of the iceberg's 20 show, plus order 2's 3.
        assertDepth(SELL, new long[] {1_000}, new long[] {8});
        assertEquals(20, book.openSize(1));
        assertEquals(List.of(icebergResting(1, SELL, 1_000, 20, 5, 5), resting(2, SELL, 1_000, 3)), restingOrders());
    }

    @Test
    void anIcebergMatchesLikeAnyOrderBeforeItRests() {
        gtc(1, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        assertEquals(0, book.placeIceberg(2, owner(2), BUY, 1_000, 20, 5, sink));
        checkInvariants(book);

        assertEquals(List.of(fill(1, 2, 1_000, 3), new Rested(2, BUY, 1_000, 17), new Replenished(2, 1_000, 5)),
                sink.events());
        assertDepth(BUY, new long[] {1_000}, new long[] {5});
    }

    @Test
    void anIcebergRefillLosesPriority() {
        iceberg(1, SELL, 1_000, 10, 4);
        gtc(2, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        // Takes the iceberg's slice of 4; the refill of 4 (6 hidden, 2 left) goes behind order 2.
        place(3, BUY, 1_000, 6, IOC, sink);
        assertEquals(List.of(fill(1, 3, 1_000, 4), new Replenished(1, 1_000, 4), fill(2, 3, 1_000, 2)), sink.events());

        // So order 2 is first now, though it came second.
        sink.clear();
        place(4, BUY, 1_000, 5, IOC, sink);
        assertEquals(List.of(fill(2, 4, 1_000, 3), fill(1, 4, 1_000, 2)), sink.events());
        assertEquals(List.of(icebergResting(1, SELL, 1_000, 4, 4, 2)), restingOrders());
    }

    @Test
    void aLargeTakerMeetsARefilledSliceAgainFurtherAlongTheLevel() {
        iceberg(1, SELL, 1_000, 10, 3);
        gtc(2, SELL, 1_000, 2);
        RecordingSink sink = new RecordingSink();

        // 3 from the iceberg, 2 from order 2, then the refilled 3, then 1 of the next refill.
        assertEquals(0, place(3, BUY, 1_000, 9, IOC, sink));

        assertEquals(List.of(
                fill(1, 3, 1_000, 3), new Replenished(1, 1_000, 3),
                fill(2, 3, 1_000, 2),
                fill(1, 3, 1_000, 3), new Replenished(1, 1_000, 3),
                fill(1, 3, 1_000, 1)), sink.events());
        // 10 - 7 = 3 open: 2 of the slice show, 1 is hidden.
        assertEquals(List.of(icebergResting(1, SELL, 1_000, 3, 3, 2)), restingOrders());
    }

    @Test
    void anIcebergsOpenSizeCountsItsHiddenReserveAndCancelRemovesAll() {
        iceberg(1, SELL, 1_000, 20, 5);
        RecordingSink sink = new RecordingSink();

        place(2, BUY, 1_000, 7, IOC, sink);

        assertEquals(List.of(fill(1, 2, 1_000, 5), new Replenished(1, 1_000, 5), fill(1, 2, 1_000, 2)), sink.events());
        // 13 open: 3 show, 10 hidden.
        assertEquals(13, book.openSize(1));
        assertDepth(SELL, new long[] {1_000}, new long[] {3});
        assertEquals(13, cancel(1));
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void theLastSliceIsWhatTheReserveHasLeft() {
        iceberg(1, SELL, 1_000, 7, 3);
        RecordingSink sink = new RecordingSink();

        place(2, BUY, 1_000, 3, IOC, sink);
        place(3, BUY, 1_000, 3, IOC, sink);
        place(4, BUY, 1_000, 5, IOC, sink);

        // Slices of 3, 3 and the 1 left; the last fill takes it and the order is gone.
        assertEquals(List.of(
                fill(1, 2, 1_000, 3), new Replenished(1, 1_000, 3),
                fill(1, 3, 1_000, 3), new Replenished(1, 1_000, 1),
                fill(1, 4, 1_000, 1)), sink.events());
        assertEquals(-1, book.openSize(1));
    }

    @Test
    void aRefusedIcebergLeavesWithItsHiddenReserve() {
        iceberg(1, SELL, 1_000, 20, 5);
        gtc(2, SELL, 1_000, 4);
        RecordingSink sink = RecordingSink.vetoing(1);

        place(3, BUY, 1_000, 6, IOC, sink);

        assertEquals(List.of(fill(1, 3, 1_000, 5), fill(2, 3, 1_000, 4)), sink.events());
        assertEquals(-1, book.openSize(1));
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void amendingAnIcebergDownTakesFromTheHiddenReserveFirst() {
        iceberg(1, SELL, 1_000, 20, 5);
        gtc(2, SELL, 1_000, 4);

        assertTrue(amend(1, 1_000, 12, new RecordingSink()));
        // Still first, still showing 5, 7 hidden.
        assertEquals(List.of(icebergResting(1, SELL, 1_000, 12, 5, 5), resting(2, SELL, 1_000, 4)), restingOrders());

        assertTrue(amend(1, 1_000, 3, new RecordingSink()));
        // Nothing hidden is left, so the slice shrinks to 3.
        assertEquals(List.of(icebergResting(1, SELL, 1_000, 3, 5, 3), resting(2, SELL, 1_000, 4)), restingOrders());
        assertDepth(SELL, new long[] {1_000}, new long[] {7});
    }

    @Test
    void amendingAnIcebergUpRequeuesItAsAnIceberg() {
        iceberg(1, SELL, 1_000, 10, 4);
        gtc(2, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        assertFalse(amend(1, 1_000, 12, sink));

        assertEquals(List.of(new Rested(1, SELL, 1_000, 12), new Replenished(1, 1_000, 4)), sink.events());
        assertEquals(List.of(resting(2, SELL, 1_000, 5), icebergResting(1, SELL, 1_000, 12, 4, 4)), restingOrders());
    }

    @Test
    void aSnapshotOfIcebergsRestoresThemExactly() {
        iceberg(1, SELL, 1_010, 20, 5);
        gtc(2, SELL, 1_010, 4);
        iceberg(3, SELL, 1_020, 9, 4);
        iceberg(4, BUY, 990, 6, 10);
        gtc(5, BUY, 990, 2);
        // Takes iceberg 1's slice of 5, order 2's 4 and 2 of the refilled slice: 3 show, 10 hidden.
        place(6, BUY, 1_010, 11, IOC, new RecordingSink());

        List<RestingOrder> snapshot = restingOrders();
        MatchingEngine copy = newBook(TestMarkets.BTC_PERP);
        snapshot.forEach(copy::restore);
        checkInvariants(copy);

        assertEquals(List.of(
                icebergResting(4, BUY, 990, 6, 10, 6), resting(5, BUY, 990, 2),
                icebergResting(1, SELL, 1_010, 13, 5, 3),
                icebergResting(3, SELL, 1_020, 9, 4, 4)), snapshot);
        assertEquals(snapshot, restingOrders(copy));
        RecordingSink original = new RecordingSink();
        RecordingSink restored = new RecordingSink();
        assertEquals(book.place(7, 107, BUY, 1_020, 30, GTC, original), copy.place(7, 107, BUY, 1_020, 30, GTC, restored));
        assertEquals(original.events(), restored.events());
        assertEquals(restingOrders(book), restingOrders(copy));
    }

    @Test
    void restoringSizesThatDisagreeThrowsAndChangesNothing() {
        gtc(1, SELL, 1_000, 5);

        // Shows more than its slice; shows more than is open; an ordinary order hiding some.
        for (RestingOrder bad : List.of(new RestingOrder(2, 102, SELL, 1_000, 10, 4, 5),
                new RestingOrder(2, 102, SELL, 1_000, 3, 4, 4), new RestingOrder(2, 102, SELL, 1_000, 10, 0, 5))) {
            assertThrows(IllegalArgumentException.class, () -> book.restore(bad), bad::toString);
        }

        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    @Test
    void aNonPositiveDisplaySizeThrowsAndChangesNothing() {
        gtc(1, SELL, 1_000, 5);

        assertThrows(IllegalArgumentException.class, () -> book.placeIceberg(2, 102, BUY, 1_000, 10, 0, new RecordingSink()));

        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    static RestingOrder icebergResting(long id, Side side, long price, long openSize, long displaySize, long visible) {
        return new RestingOrder(id, owner(id), side, price, openSize, displaySize, visible);
    }
}
