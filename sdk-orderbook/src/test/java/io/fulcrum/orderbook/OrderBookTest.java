package io.fulcrum.orderbook;

import static io.fulcrum.api.Side.BUY;
import static io.fulcrum.api.Side.SELL;
import static io.fulcrum.api.TimeInForce.GTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OrderBook} passes the contract, plus what only it promises. */
class OrderBookTest extends OrderBookContract {
    @Override
    protected MatchingEngine newBook(MarketSpec spec) {
        return new OrderBook(spec);
    }

    @Override
    protected void checkInvariants(MatchingEngine book) {
        ((OrderBook) book).checkInvariants();
    }

    @Test
    void reportsTheMarketItWasBuiltFor() {
        assertSame(TestMarkets.BTC_PERP, new OrderBook(TestMarkets.BTC_PERP).spec());
    }

    @Test
    void aSinkThatChangesTheBookFromACallbackIsRefusedAndTheBookStaysConsistent() {
        OrderBook book = new OrderBook(TestMarkets.BTC_PERP);
        book.place(1, 101, SELL, 1_000, 5, GTC, new RecordingSink());
        List<Long> bestAsksSeen = new ArrayList<>();
        MatchSink meddling = new MatchSink() {
            @Override
            public boolean onMatch(long maker, long makerOwner, long taker, long price, long quantity) {
                bestAsksSeen.add(book.bestAsk());   // reading is allowed
                book.cancel(maker);                 // changing is not
                return true;
            }

            @Override
            public void onRested(long orderId, Side side, long price, long openSize) {}
        };

        assertThrows(IllegalStateException.class, () -> book.place(2, 102, BUY, 1_000, 2, GTC, meddling));

        assertEquals(List.of(1_000L), bestAsksSeen);
        book.checkInvariants();
        assertEquals(5, book.openSize(1), "the refused call changed nothing, and the fill it was in was abandoned");
        // The guard is released: the book takes the next call normally.
        assertEquals(5, book.cancel(1));
    }

    @Test
    void aSnapshotConsumerThatChangesTheBookIsRefused() {
        OrderBook book = new OrderBook(TestMarkets.BTC_PERP);
        book.place(1, 101, SELL, 1_000, 5, GTC, new RecordingSink());

        assertThrows(IllegalStateException.class, () -> book.forEachRestingOrder(order -> book.cancel(order.orderId())));

        book.checkInvariants();
        assertEquals(List.of(new RestingOrder(1, 101, SELL, 1_000, 5)), restingOrders(book));
    }

    @Test
    void aLevelTotalThatWouldOverflowIsRefusedBeforeAnythingRests() {
        OrderBook book = new OrderBook(TestMarkets.BTC_PERP);
        book.place(1, 101, BUY, 1_000, Long.MAX_VALUE - 1, GTC, new RecordingSink());

        assertThrows(ArithmeticException.class, () -> book.place(2, 102, BUY, 1_000, 2, GTC, new RecordingSink()));

        book.checkInvariants();
        assertEquals(-1, book.openSize(2));
        assertEquals(1, book.restingOrderCount());
    }
}
