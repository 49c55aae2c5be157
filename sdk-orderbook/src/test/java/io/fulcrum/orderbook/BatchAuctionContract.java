package io.fulcrum.orderbook;

import static io.fulcrum.api.CancelReason.UNFILLED_IOC;
import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.FOK;
import static io.fulcrum.api.TimeInForce.GTC;
import static io.fulcrum.api.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import io.fulcrum.orderbook.RecordingSink.Cross;
import io.fulcrum.orderbook.RecordingSink.Reduced;
import io.fulcrum.orderbook.RecordingSink.Rested;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic batch auction ({@link MatchingPolicy#batchAuction}), interval 1,000 ms: nothing
 * matches on arrival; {@code onTime} clears the book at one uniform price maximising the matched
 * volume when the clock enters a new interval. Each test's book has seen {@code onTime(0)} (its
 * clock starts in bucket 0), so {@code onTime(1_000)} runs an auction. Prices in 0.1 USDC:
 * 1_010 is 101.0.
 */
abstract class BatchAuctionContract extends ContractSupport {
    private static final long INTERVAL = 1_000;

    @BeforeEach
    void batchBook() {
        useBatchBook(SelfTradePrevention.NONE);
    }

    private void useBatchBook(SelfTradePrevention mode) {
        useBook(TestMarkets.BTC_PERP, mode, MatchingPolicy.batchAuction(INTERVAL));
        book.onTime(0, setupSink);
    }

    private RecordingSink auctionAt(long now) {
        return auctionAt(now, new RecordingSink());
    }

    private RecordingSink auctionAt(long now, RecordingSink sink) {
        book.onTime(now, sink);
        checkInvariants(book);
        return sink;
    }

    @Test
    void theWorkedExampleClearsAt100ForAVolumeOf2() {
        gtc(1, BUY, 1_010, 1);
        gtc(2, BUY, 1_000, 1);
        gtc(3, BUY, 990, 1);
        gtc(4, SELL, 980, 1);
        gtc(5, SELL, 1_000, 1);
        gtc(6, SELL, 1_020, 2);

        // Volumes: 98: min(3,1)=1; 99: min(3,1)=1; 100: min(2,2)=2; 101: min(1,2)=1; 102: min(0,4)=0.
        RecordingSink sink = auctionAt(1_000);

        assertEquals(List.of(new Cross(1, 4, 1_000, 1), new Cross(2, 5, 1_000, 1)), sink.events());
        assertEquals(List.of(resting(3, BUY, 990, 1), resting(6, SELL, 1_020, 2)), restingOrders());
    }

    @Test
    void equalVolumesGoToTheSmallestImbalance() {
        gtc(1, BUY, 1_010, 2);
        gtc(2, BUY, 990, 1);
        gtc(3, SELL, 990, 2);

        // 99: min(3, 2) = 2, imbalance 1; 101: min(2, 2) = 2, imbalance 0: 101 wins though higher.
        RecordingSink sink = auctionAt(1_000);

        assertEquals(List.of(new Cross(1, 3, 1_010, 2)), sink.events());
        assertEquals(List.of(resting(2, BUY, 990, 1)), restingOrders());
    }

    @Test
    void equalVolumesAndImbalancesGoToTheLowestPrice() {
        gtc(1, BUY, 1_010, 1);
        gtc(2, SELL, 1_000, 1);

        // 100 and 101 both: volume 1, imbalance 0.
        assertEquals(List.of(new Cross(1, 2, 1_000, 1)), auctionAt(1_000).events());
        assertEquals(List.of(), restingOrders());
    }

    @Test
    void crossingOrdersRestUntilTheClockEntersTheNextInterval() {
        gtc(1, SELL, 1_000, 3);
        RecordingSink placing = new RecordingSink();

        assertEquals(0, place(2, BUY, 1_010, 2, GTC, placing));

        assertEquals(List.of(new Rested(2, BUY, 1_010, 2)), placing.events());
        assertEquals(1_010, book.bestBid());
        assertEquals(1_000, book.bestAsk());
        assertEquals(List.of(), auctionAt(999).events(), "same interval as onTime(0): no auction");
        assertEquals(List.of(), auctionAt(500).events(), "an earlier time does nothing");
        // 100: min(2, 3) = 2; 101: min(2, 3) = 2, imbalance equal: the lower, 100.
        assertEquals(List.of(new Cross(2, 1, 1_000, 2)), auctionAt(1_000).events());
        assertEquals(List.of(resting(1, SELL, 1_000, 1)), restingOrders());
        gtc(3, BUY, 1_000, 1);
        assertEquals(List.of(), auctionAt(1_999).events(), "one auction an interval");
        assertEquals(List.of(new Cross(3, 1, 1_000, 1)), auctionAt(5_000).events());
    }

    @Test
    void theFirstOnTimeOnlyStartsTheClock() {
        useBook(TestMarkets.BTC_PERP, SelfTradePrevention.NONE, MatchingPolicy.batchAuction(INTERVAL));
        gtc(1, SELL, 1_000, 1);
        gtc(2, BUY, 1_000, 1);

        assertEquals(List.of(), auctionAt(7_300).events());
        assertEquals(List.of(), auctionAt(7_999).events());
        assertEquals(List.of(new Cross(2, 1, 1_000, 1)), auctionAt(8_000).events());
    }

    @Test
    void immediateOrCancelOrdersRestUntilTheAuctionThenLeaveUnfilled() {
        gtc(1, SELL, 1_000, 3);
        RecordingSink placing = new RecordingSink();
        assertEquals(0, place(2, BUY, 1_000, 5, IOC, placing));
        assertEquals(0, place(3, BUY, 900, 1, IOC, placing));
        assertEquals(List.of(new Rested(2, BUY, 1_000, 5), new Rested(3, BUY, 900, 1)), placing.events());

        RecordingSink sink = auctionAt(1_000);

        assertEquals(List.of(new Cross(2, 1, 1_000, 3), new Reduced(2, 2, 0, UNFILLED_IOC),
                new Reduced(3, 1, 0, UNFILLED_IOC)), sink.events());
        assertEquals(List.of(), restingOrders());
    }

    @Test
    void anAuctionWithNothingCrossingStillRemovesImmediateOrCancelOrders() {
        gtc(1, SELL, 1_010, 3);
        place(2, BUY, 1_000, 5, IOC, setupSink);

        assertEquals(List.of(new Reduced(2, 5, 0, UNFILLED_IOC)), auctionAt(1_000).events());
        assertEquals(List.of(resting(1, SELL, 1_010, 3)), restingOrders());
    }

    @Test
    void fillOrKillAndBudgetOrdersCannotWaitAndReturnWhole() {
        gtc(1, SELL, 1_000, 10);
        RecordingSink sink = new RecordingSink();

        assertEquals(4, place(2, BUY, 1_000, 4, FOK, sink));
        assertEquals(1_000_000, book.placeWithBudget(3, owner(3), BUY, 1_010, 1_000_000, sink));

        assertEquals(List.of(), sink.events());
        assertEquals(List.of(resting(1, SELL, 1_000, 10)), restingOrders());
    }

    @Test
    void aRemovedBuyLetsTheNextBuyCross() {
        gtc(1, BUY, 1_000, 1);
        gtc(2, BUY, 1_000, 1);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink()
                .answeringCrosses((buy, sell) -> buy == 1 ? MatchSink.REMOVE_BUY : MatchSink.CROSS);

        auctionAt(1_000, sink);

        assertEquals(List.of(new Cross(1, 3, 1_000, 1), new Cross(2, 3, 1_000, 1)), sink.events());
        assertEquals(List.of(), restingOrders());
    }

    @Test
    void aRemovedSellLetsTheSameBuyGoOnWithTheNextSell() {
        gtc(1, BUY, 1_000, 2);
        gtc(2, SELL, 1_000, 1);
        gtc(3, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink()
                .answeringCrosses((buy, sell) -> sell == 2 ? MatchSink.REMOVE_SELL : MatchSink.CROSS);

        auctionAt(1_000, sink);

        assertEquals(List.of(new Cross(1, 2, 1_000, 1), new Cross(1, 3, 1_000, 1)), sink.events());
        assertEquals(List.of(resting(1, BUY, 1_000, 1)), restingOrders());
    }

    @Test
    void removingBothGoesOnWithTheNextPair() {
        gtc(1, BUY, 1_000, 1);
        gtc(2, BUY, 1_000, 1);
        gtc(3, SELL, 1_000, 1);
        gtc(4, SELL, 1_000, 1);
        RecordingSink sink = new RecordingSink()
                .answeringCrosses((buy, sell) -> buy == 1 ? MatchSink.REMOVE_BOTH : MatchSink.CROSS);

        auctionAt(1_000, sink);

        assertEquals(List.of(new Cross(1, 3, 1_000, 1), new Cross(2, 4, 1_000, 1)), sink.events());
        assertEquals(List.of(), restingOrders());
    }

    @Test
    void ordersOfOneOwnerNeverCrossEvenWithSelfTradesAllowed() {
        gtc(1, 7, BUY, 1_000, 2);
        gtc(2, 7, SELL, 990, 1);
        gtc(3, 9, SELL, 1_000, 1);

        // 99: min(2, 1) = 1; 100: min(2, 2) = 2: clears at 100, but order 1 skips its own order 2.
        RecordingSink sink = auctionAt(1_000);

        assertEquals(List.of(new Cross(1, 3, 1_000, 1)), sink.events());
        assertEquals(List.of(new RestingOrder(1, 7, BUY, 1_000, 1), new RestingOrder(2, 7, SELL, 990, 1)),
                restingOrders());
    }

    @Test
    void aSkippedOwnSellCrossesTheNextBuyOfAnotherOwner() {
        useBatchBook(SelfTradePrevention.CANCEL_BOTH);
        gtc(1, 7, BUY, 1_010, 1);
        gtc(2, 8, BUY, 1_000, 1);
        gtc(3, 7, SELL, 990, 1);
        gtc(4, 9, SELL, 1_000, 1);

        // 99: min(2, 1) = 1; 100: min(2, 2) = 2; 101: min(1, 2) = 1: clears at 100.
        RecordingSink sink = auctionAt(1_000);

        assertEquals(List.of(new Cross(1, 4, 1_000, 1), new Cross(2, 3, 1_000, 1)), sink.events());
        assertEquals(List.of(), restingOrders());
    }

    @Test
    void amendRestsAgainWithoutMatching() {
        gtc(1, SELL, 1_000, 2);
        gtc(2, BUY, 990, 1);
        gtc(3, BUY, 990, 1);
        RecordingSink sink = new RecordingSink();

        assertFalse(amend(2, 1_010, 1, sink), "a new price loses priority");
        assertTrue(amend(1, 1_000, 1, sink), "a smaller size keeps it");

        assertEquals(List.of(new Rested(2, BUY, 1_010, 1)), sink.events());
        assertEquals(List.of(resting(2, BUY, 1_010, 1), resting(3, BUY, 990, 1), resting(1, SELL, 1_000, 1)),
                restingOrders());
        assertEquals(List.of(new Cross(2, 1, 1_000, 1)), auctionAt(1_000).events());
    }

    @Test
    void anAmendedImmediateOrCancelOrderStaysImmediateOrCancel() {
        place(1, BUY, 990, 3, IOC, setupSink);

        assertFalse(amend(1, 1_000, 3, new RecordingSink()));

        assertEquals(List.of(new Reduced(1, 3, 0, UNFILLED_IOC)), auctionAt(1_000).events());
    }

    @Test
    void anIcebergTakesPartWithItsWholeOpenSizeGivingUpItsHiddenReserveFirst() {
        iceberg(1, SELL, 1_000, 10, 2);
        gtc(2, BUY, 1_000, 6);
        assertDepth(SELL, new long[] {1_000}, new long[] {2});

        assertEquals(List.of(new Cross(2, 1, 1_000, 6)), auctionAt(1_000).events());

        assertEquals(List.of(new RestingOrder(1, owner(1), SELL, 1_000, 4, 2, 2)), restingOrders());
    }

    @Test
    void aSnapshotOfACrossedBookRestoresAndClearsTheSame() {
        gtc(1, BUY, 1_010, 1);
        gtc(2, BUY, 1_000, 1);
        gtc(3, SELL, 980, 1);
        iceberg(4, SELL, 1_000, 3, 1);
        List<RestingOrder> snapshot = restingOrders();
        MatchingEngine copy = engines().create(TestMarkets.BTC_PERP, SelfTradePrevention.NONE,
                MatchingPolicy.batchAuction(INTERVAL));

        snapshot.forEach(copy::restore);
        checkInvariants(copy);

        assertEquals(snapshot, restingOrders(copy));
        copy.onTime(0, setupSink);
        RecordingSink fromCopy = new RecordingSink();
        copy.onTime(1_000, fromCopy);
        RecordingSink fromOriginal = auctionAt(1_000);
        assertEquals(fromOriginal.events(), fromCopy.events());
        assertEquals(restingOrders(), restingOrders(copy));
        assertEquals(List.of(new Cross(1, 3, 1_000, 1), new Cross(2, 4, 1_000, 1)), fromCopy.events());
    }

    @Test
    void aRestoredBookKeepsItsImmediateOrCancelOrdersImmediateOrCancel() {
        gtc(1, SELL, 1_000, 3);
        place(2, BUY, 1_000, 5, IOC, setupSink);
        place(3, BUY, 900, 1, IOC, setupSink);
        gtc(4, BUY, 890, 2);
        List<RestingOrder> snapshot = restingOrders();
        assertEquals(List.of(new RestingOrder(2, owner(2), BUY, 1_000, 5, 0, 5, IOC),
                new RestingOrder(3, owner(3), BUY, 900, 1, 0, 1, IOC), resting(4, BUY, 890, 2),
                resting(1, SELL, 1_000, 3)), snapshot);
        MatchingEngine copy = engines().create(TestMarkets.BTC_PERP, SelfTradePrevention.NONE,
                MatchingPolicy.batchAuction(INTERVAL));

        snapshot.forEach(copy::restore);
        checkInvariants(copy);
        assertEquals(snapshot, restingOrders(copy));
        RecordingSink seeding = new RecordingSink();
        copy.onTime(0, seeding);   // the original's last onTime: only sets the restored book's clock
        assertEquals(List.of(), seeding.events());

        RecordingSink fromCopy = new RecordingSink();
        copy.onTime(1_000, fromCopy);
        checkInvariants(copy);
        assertEquals(auctionAt(1_000).events(), fromCopy.events());
        assertEquals(List.of(new Cross(2, 1, 1_000, 3), new Reduced(2, 2, 0, UNFILLED_IOC),
                new Reduced(3, 1, 0, UNFILLED_IOC)), fromCopy.events());
        assertEquals(List.of(resting(4, BUY, 890, 2)), restingOrders(copy));
        assertEquals(restingOrders(), restingOrders(copy));
    }

    @Test
    void anAmendedImmediateOrCancelOrderIsStillReportedImmediateOrCancel() {
        place(1, BUY, 990, 3, IOC, setupSink);

        amend(1, 1_000, 4, new RecordingSink());

        assertEquals(List.of(new RestingOrder(1, owner(1), BUY, 1_000, 4, 0, 4, IOC)), restingOrders());
    }

    @Test
    void restoringAFillOrKillOrAnImmediateOrCancelIcebergThrows() {
        gtc(1, SELL, 1_000, 3);

        for (RestingOrder bad : List.of(new RestingOrder(2, owner(2), BUY, 990, 1, 0, 1, FOK),
                new RestingOrder(2, owner(2), BUY, 990, 6, 2, 2, IOC))) {
            assertThrows(IllegalArgumentException.class, () -> book.restore(bad), bad::toString);
        }
        checkInvariants(book);
        assertEquals(List.of(resting(1, SELL, 1_000, 3)), restingOrders());
    }

    @Test
    void theIntervalMustBePositive() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> MatchingPolicy.batchAuction(0));
        assertThrows(IllegalArgumentException.class, () -> MatchingPolicy.batchAuction(-5));

        assertEquals("a batch auction's interval must be positive: 0 ms", zero.getMessage());
        assertEquals(MatchingPolicy.batchAuction(250), MatchingPolicy.batchAuction(250));
        assertEquals("batch-auction(250 ms)", MatchingPolicy.batchAuction(250).toString());
    }
}
