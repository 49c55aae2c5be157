package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.FOK;
import static io.fulcrum.api.TimeInForce.GTC;
import static io.fulcrum.api.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Rested;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every price-time-priority book must do, run against {@link OrderBook} and against the
 * {@link NaiveOrderBook} reference (after exchange-core's OrderBookBaseTest). After every
 * command the book's internal consistency is checked. Numbers as in {@link ContractSupport}.
 */
abstract class OrderBookContract extends ContractSupport {
    // ---------------------------------------------------------------- priority

    @Test
    void fifoWithinALevel() {
        gtc(1, SELL, 1_000, 2);
        gtc(2, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        assertEquals(0, place(3, BUY, 1_000, 4, GTC, sink));

        // Order 1 came first, so it fills completely before order 2 gives anything.
        assertEquals(List.of(fill(1, 3, 1_000, 2), fill(2, 3, 1_000, 2)), sink.events());
        assertEquals(List.of(resting(2, SELL, 1_000, 1)), restingOrders());
    }

    @Test
    void aBuyTakesTheLowestAskFirst() {
        gtc(1, SELL, 1_001, 5);
        gtc(2, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        place(3, BUY, 1_001, 6, GTC, sink);

        // Order 2 arrived later but asks less, so it trades first.
        assertEquals(List.of(fill(2, 3, 1_000, 5), fill(1, 3, 1_001, 1)), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_001, 4)), restingOrders());
    }

    @Test
    void aSellTakesTheHighestBidFirst() {
        gtc(1, BUY, 999, 5);
        gtc(2, BUY, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        place(3, SELL, 999, 6, GTC, sink);

        assertEquals(List.of(fill(2, 3, 1_000, 5), fill(1, 3, 999, 1)), sink.events());
        assertEquals(List.of(resting(1, BUY, 999, 4)), restingOrders());
    }

    @Test
    void restingOrdersAreReportedBidsBestFirstThenAsksBestFirstEachInArrivalOrder() {
        gtc(1, BUY, 990, 2);
        gtc(2, SELL, 1_010, 5);
        gtc(3, BUY, 1_000, 4);
        gtc(4, BUY, 990, 1);
        gtc(5, SELL, 1_005, 7);
        gtc(6, SELL, 1_010, 3);

        assertEquals(List.of(
                resting(3, BUY, 1_000, 4),
                resting(1, BUY, 990, 2),
                resting(4, BUY, 990, 1),
                resting(5, SELL, 1_005, 7),
                resting(2, SELL, 1_010, 5),
                resting(6, SELL, 1_010, 3)), restingOrders());
        assertEquals(6, book.restingOrderCount());
        assertEquals(1_000, book.bestBid());
        assertEquals(1_005, book.bestAsk());
    }

    @Test
    void anEmptySideHasNoPrice() {
        assertEquals(MatchingEngine.NO_PRICE, book.bestBid());
        assertEquals(MatchingEngine.NO_PRICE, book.bestAsk());

        gtc(1, BUY, 1_000, 1);

        assertEquals(1_000, book.bestBid());
        assertEquals(MatchingEngine.NO_PRICE, book.bestAsk());
    }

    // ---------------------------------------------------------------- fills and remainders

    @Test
    void aPartialFillLeavesTheTakersRemainderResting() {
        gtc(1, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        assertEquals(0, place(2, BUY, 1_000, 5, GTC, sink));

        assertEquals(List.of(fill(1, 2, 1_000, 3), new Rested(2, BUY, 1_000, 2)), sink.events());
        assertEquals(2, book.openSize(2));
        assertEquals(1_000, book.bestBid());
        assertEquals(MatchingEngine.NO_PRICE, book.bestAsk());
    }

    @Test
    void aPartialFillLeavesTheMakersRemainderAtTheFrontOfItsLevel() {
        gtc(1, SELL, 1_000, 10);
        gtc(2, SELL, 1_000, 10);
        place(3, BUY, 1_000, 4, IOC, new RecordingSink());
        RecordingSink sink = new RecordingSink();

        place(4, BUY, 1_000, 7, IOC, sink);

        // Order 1 has 6 left and still goes before order 2.
        assertEquals(List.of(fill(1, 4, 1_000, 6), fill(2, 4, 1_000, 1)), sink.events());
    }

    @Test
    void anIocRemainderIsDroppedAndReturned() {
        gtc(1, SELL, 1_000, 3);
        RecordingSink sink = new RecordingSink();

        assertEquals(2, place(2, BUY, 1_000, 5, IOC, sink));

        assertEquals(List.of(fill(1, 2, 1_000, 3)), sink.events());
        assertEquals(-1, book.openSize(2));
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void anIocThatFindsNothingReturnsItsWholeSize() {
        gtc(1, SELL, 1_001, 3);
        RecordingSink sink = new RecordingSink();

        assertEquals(5, place(2, BUY, 1_000, 5, IOC, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_001, 3)), restingOrders());
    }

    @Test
    void aBuyStopsAtItsLimit() {
        gtc(1, SELL, 1_000, 2);
        gtc(2, SELL, 1_001, 2);
        gtc(3, SELL, 1_002, 2);
        RecordingSink sink = new RecordingSink();

        // Limited at 100.1: takes 2 at 100.0 and 2 at 100.1, never touches 100.2.
        assertEquals(6, place(4, BUY, 1_001, 10, IOC, sink));

        assertEquals(List.of(fill(1, 4, 1_000, 2), fill(2, 4, 1_001, 2)), sink.events());
        assertEquals(List.of(resting(3, SELL, 1_002, 2)), restingOrders());
    }

    @Test
    void aSellStopsAtItsLimitAndRestsThere() {
        gtc(1, BUY, 1_002, 2);
        gtc(2, BUY, 1_001, 2);
        gtc(3, BUY, 1_000, 2);
        RecordingSink sink = new RecordingSink();

        assertEquals(0, place(4, SELL, 1_001, 10, GTC, sink));

        assertEquals(List.of(fill(1, 4, 1_002, 2), fill(2, 4, 1_001, 2), new Rested(4, SELL, 1_001, 6)),
                sink.events());
        assertEquals(1_000, book.bestBid());
        assertEquals(1_001, book.bestAsk());
    }

    @Test
    void aBuyTradesAtTheMakersLowerPrice() {
        gtc(1, SELL, 1_000, 2);
        RecordingSink sink = new RecordingSink();

        place(2, BUY, 1_050, 2, GTC, sink);

        // Willing to pay 105.0, pays the 100.0 asked.
        assertEquals(List.of(fill(1, 2, 1_000, 2)), sink.events());
    }

    @Test
    void aSellTradesAtTheMakersHigherPrice() {
        gtc(1, BUY, 1_050, 2);
        RecordingSink sink = new RecordingSink();

        place(2, SELL, 1_000, 2, GTC, sink);

        assertEquals(List.of(fill(1, 2, 1_050, 2)), sink.events());
    }

    // ---------------------------------------------------------------- veto

    @Test
    void aVetoedMakerIsRemovedUnfilledAndMatchingContinues() {
        gtc(1, SELL, 1_000, 2);
        gtc(2, SELL, 1_000, 3);
        gtc(3, SELL, 1_001, 4);
        RecordingSink sink = RecordingSink.vetoing(2);

        assertEquals(0, place(4, BUY, 1_001, 6, GTC, sink));

        // 2 from order 1; order 2 is offered 3 but refused and removed; the other 4 come from order 3.
        assertEquals(List.of(fill(1, 4, 1_000, 2), fill(2, 4, 1_000, 3), fill(3, 4, 1_001, 4)), sink.events());
        assertEquals(-1, book.openSize(2));
        assertEquals(0, book.restingOrderCount());
    }

    @Test
    void aTakerWhoseEveryMakerIsVetoedRestsWhole() {
        gtc(1, SELL, 1_000, 2);
        RecordingSink sink = RecordingSink.vetoing(1);

        assertEquals(0, place(2, BUY, 1_000, 5, GTC, sink));

        assertEquals(List.of(fill(1, 2, 1_000, 2), new Rested(2, BUY, 1_000, 5)), sink.events());
        assertEquals(List.of(resting(2, BUY, 1_000, 5)), restingOrders());
    }

    // ---------------------------------------------------------------- cancel

    @Test
    void cancelReturnsTheOpenSize() {
        gtc(1, SELL, 1_000, 10);
        place(2, BUY, 1_000, 4, IOC, new RecordingSink());

        assertEquals(6, cancel(1));

        assertEquals(-1, book.openSize(1));
        assertEquals(0, book.restingOrderCount());
        assertEquals(MatchingEngine.NO_PRICE, book.bestAsk());
    }

    @Test
    void cancelOfAnOrderThatDoesNotRestReturnsMinusOne() {
        gtc(1, SELL, 1_000, 2);
        place(2, BUY, 1_000, 2, GTC, new RecordingSink());

        assertEquals(-1, cancel(42));
        assertEquals(-1, cancel(1), "order 1 filled completely");
        assertEquals(-1, cancel(2), "order 2 filled completely");
    }

    @Test
    void cancelFromTheMiddleOfALevelKeepsTheOthersInOrder() {
        gtc(1, BUY, 1_000, 1);
        gtc(2, BUY, 1_000, 2);
        gtc(3, BUY, 1_000, 3);

        assertEquals(2, cancel(2));

        assertEquals(List.of(resting(1, BUY, 1_000, 1), resting(3, BUY, 1_000, 3)), restingOrders());
        assertDepth(BUY, new long[] {1_000}, new long[] {4});
    }

    // ---------------------------------------------------------------- amend

    @Test
    void amendingDownAtTheSamePriceKeepsPriority() {
        gtc(1, SELL, 1_000, 5);
        gtc(2, SELL, 1_000, 5);

        assertTrue(amend(1, 1_000, 3, new RecordingSink()));

        RecordingSink sink = new RecordingSink();
        place(3, BUY, 1_000, 4, IOC, sink);
        // Order 1, now 3, is still first in the queue.
        assertEquals(List.of(fill(1, 3, 1_000, 3), fill(2, 3, 1_000, 1)), sink.events());
    }

    @Test
    void amendingToTheSameSizeAndPriceKeepsPriorityAndReportsNothing() {
        gtc(1, SELL, 1_000, 5);
        gtc(2, SELL, 1_000, 5);
        RecordingSink sink = new RecordingSink();

        assertTrue(amend(1, 1_000, 5, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_000, 5), resting(2, SELL, 1_000, 5)), restingOrders());
    }

    @Test
    void amendingUpLosesPriority() {
        gtc(1, SELL, 1_000, 5);
        gtc(2, SELL, 1_000, 5);
        RecordingSink amendSink = new RecordingSink();

        assertFalse(amend(1, 1_000, 8, amendSink));

        assertEquals(List.of(new Rested(1, SELL, 1_000, 8)), amendSink.events());
        RecordingSink sink = new RecordingSink();
        place(3, BUY, 1_000, 4, IOC, sink);
        // Order 1 went to the back, behind order 2.
        assertEquals(List.of(fill(2, 3, 1_000, 4)), sink.events());
    }

    @Test
    void amendingThePriceLosesPriority() {
        gtc(1, BUY, 1_000, 5);
        gtc(2, BUY, 990, 5);
        gtc(3, BUY, 990, 5);

        // Order 1 moves to 99.0, where it joins behind orders 2 and 3.
        assertFalse(amend(1, 990, 5, new RecordingSink()));

        RecordingSink sink = new RecordingSink();
        place(4, SELL, 990, 12, IOC, sink);
        assertEquals(List.of(fill(2, 4, 990, 5), fill(3, 4, 990, 5), fill(1, 4, 990, 2)), sink.events());
    }

    @Test
    void amendingThePriceAcrossTheSpreadMatchesAtOnce() {
        gtc(1, SELL, 1_010, 3);
        gtc(2, BUY, 990, 5);
        RecordingSink sink = new RecordingSink();

        // Bid 5 at 99.0 re-priced to 101.0 meets the ask of 3 at 101.0 and rests the other 2.
        assertFalse(amend(2, 1_010, 5, sink));

        assertEquals(List.of(fill(1, 2, 1_010, 3), new Rested(2, BUY, 1_010, 2)), sink.events());
        assertEquals(List.of(resting(2, BUY, 1_010, 2)), restingOrders());
    }

    @Test
    void anAmendThatFillsCompletelyLeavesNothingResting() {
        gtc(1, SELL, 1_010, 5);
        gtc(2, BUY, 990, 5);
        RecordingSink sink = new RecordingSink();

        assertFalse(amend(2, 1_020, 4, sink));

        assertEquals(List.of(fill(1, 2, 1_010, 4)), sink.events());
        assertEquals(-1, book.openSize(2));
        assertEquals(List.of(resting(1, SELL, 1_010, 1)), restingOrders());
    }

    @Test
    void amendingAnOrderThatDoesNotRestThrows() {
        gtc(1, SELL, 1_000, 5);

        assertThrows(IllegalArgumentException.class, () -> book.amend(42, 1_000, 5, new RecordingSink()));
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    @Test
    void amendingToANonPositiveSizeThrowsAndChangesNothing() {
        gtc(1, SELL, 1_000, 5);

        assertThrows(IllegalArgumentException.class, () -> book.amend(1, 1_000, 0, new RecordingSink()));
        assertThrows(IllegalArgumentException.class, () -> book.amend(1, 1_010, -3, new RecordingSink()));
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    // ---------------------------------------------------------------- guards

    @Test
    void placingAnIdThatAlreadyRestsThrowsAndChangesNothing() {
        gtc(1, SELL, 1_000, 5);

        assertThrows(IllegalArgumentException.class,
                () -> book.place(1, 101, BUY, 1_000, 5, GTC, new RecordingSink()));
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    @Test
    void restoringAnOrderThatWouldCrossThrows() {
        gtc(1, SELL, 1_000, 5);

        assertThrows(IllegalArgumentException.class, () -> book.restore(new RestingOrder(2, 102, BUY, 1_000, 1)));
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    @Test
    void restoringAnImmediateOrCancelOrFillOrKillOrderIntoAContinuousBookThrows() {
        gtc(1, SELL, 1_000, 5);

        for (TimeInForce timeInForce : List.of(IOC, FOK)) {
            RestingOrder order = new RestingOrder(2, 102, BUY, 990, 1, 0, 1, timeInForce);
            assertThrows(IllegalArgumentException.class, () -> book.restore(order), order::toString);
        }
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 5)), restingOrders());
    }

    // ---------------------------------------------------------------- depth

    @Test
    void depthAggregatesLevelsBestFirst() {
        gtc(1, BUY, 990, 2);
        gtc(2, BUY, 990, 3);
        gtc(3, BUY, 980, 1);
        gtc(4, BUY, 970, 4);
        gtc(5, SELL, 1_010, 5);
        gtc(6, SELL, 1_030, 7);
        gtc(7, SELL, 1_010, 1);

        // Two slots: the best two bid levels, 5 at 99.0 and 1 at 98.0.
        assertDepth(BUY, new long[2], new long[] {990, 980}, new long[] {5, 1});
        // Five slots, two ask levels: 6 at 101.0 and 7 at 103.0.
        assertDepth(SELL, new long[] {1_010, 1_030}, new long[] {6, 7});
        assertEquals(0, book.depth(BUY, new long[0], new long[0]));
    }

    @Test
    void depthFollowsFillsAndCancels() {
        gtc(1, SELL, 1_010, 5);
        gtc(2, SELL, 1_010, 5);
        gtc(3, SELL, 1_020, 5);
        place(4, BUY, 1_010, 7, IOC, new RecordingSink());
        cancel(3);

        assertDepth(SELL, new long[] {1_010}, new long[] {3});
    }

    // ---------------------------------------------------------------- snapshot

    @Test
    void restoreAppendsAtTheBackOfItsLevel() {
        gtc(1, SELL, 1_000, 2);

        book.restore(new RestingOrder(2, 102, SELL, 1_000, 3));
        checkInvariants(book);

        RecordingSink sink = new RecordingSink();
        place(3, BUY, 1_000, 3, IOC, sink);
        assertEquals(List.of(fill(1, 3, 1_000, 2), fill(2, 3, 1_000, 1)), sink.events());
    }

    @Test
    void aSnapshotRestoredIntoAnEmptyBookGivesIdenticalFills() {
        gtc(1, BUY, 990, 4);
        gtc(2, BUY, 1_000, 3);
        gtc(3, BUY, 990, 6);
        gtc(4, SELL, 1_020, 5);
        gtc(5, SELL, 1_010, 2);
        gtc(6, SELL, 1_010, 8);
        place(7, BUY, 1_010, 3, IOC, new RecordingSink());   // fills order 5; order 6 leads 101.0 with 7 open

        List<RestingOrder> snapshot = restingOrders();
        MatchingEngine copy = newBook(TestMarkets.BTC_PERP);
        snapshot.forEach(copy::restore);
        checkInvariants(copy);

        assertEquals(snapshot, restingOrders(copy));
        for (MatchingEngine engine : List.of(book, copy)) {
            assertEquals(1_000, engine.bestBid());
            assertEquals(1_010, engine.bestAsk());
        }
        RecordingSink original = new RecordingSink();
        RecordingSink restored = new RecordingSink();
        assertEquals(book.place(8, 108, SELL, 980, 12, GTC, original), copy.place(8, 108, SELL, 980, 12, GTC, restored));
        assertEquals(book.place(9, 109, BUY, 1_020, 9, IOC, original), copy.place(9, 109, BUY, 1_020, 9, IOC, restored));
        assertEquals(List.of(
                fill(2, 8, 1_000, 3), fill(1, 8, 990, 4), fill(3, 8, 990, 5),
                fill(6, 9, 1_010, 7), fill(4, 9, 1_020, 2)), original.events());
        assertEquals(original.events(), restored.events());
        checkInvariants(book);
        checkInvariants(copy);
        assertEquals(restingOrders(book), restingOrders(copy));
    }
}
