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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link OrderBook} passes the contracts, plus what only it promises. */
class OrderBookTest extends OrderBookContract {
    static final Engines REAL = new Engines() {
        @Override
        public OrderBook create(MarketSpec spec, SelfTradePrevention selfTrade, MatchingPolicy policy) {
            return OrderBook.builder(spec).selfTradePrevention(selfTrade).matchingPolicy(policy).build();
        }

        @Override
        public void checkInvariants(MatchingEngine book) {
            ((OrderBook) book).checkInvariants();
        }
    };

    @Override
    protected Engines engines() {
        return REAL;
    }

    @Nested
    class FillOrKill extends FillOrKillContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Nested
    class Icebergs extends IcebergContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Nested
    class BudgetOrders extends BudgetOrderContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Nested
    class SelfTrades extends SelfTradePreventionContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Nested
    class ProRata extends ProRataContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Nested
    class BatchAuctions extends BatchAuctionContract {
        @Override
        protected Engines engines() {
            return REAL;
        }
    }

    @Test
    void reportsTheMarketItWasBuiltFor() {
        assertSame(TestMarkets.BTC_PERP, new OrderBook(TestMarkets.BTC_PERP).spec());
    }

    @Test
    void aPlainBookAndAnUnconfiguredBuilderMatchByPriceTimeAndAllowSelfTrades() {
        for (OrderBook book : List.of(new OrderBook(TestMarkets.BTC_PERP), OrderBook.builder(TestMarkets.BTC_PERP).build())) {
            assertSame(MatchingPolicy.priceTime(), book.matchingPolicy());
            assertSame(SelfTradePrevention.NONE, book.selfTradePrevention());
        }
    }

    @Test
    void theBuilderTakesEachSettingOnceAndNamesTheOneGivenTwice() {
        OrderBook.Builder builder = OrderBook.builder(TestMarkets.BTC_PERP)
                .selfTradePrevention(SelfTradePrevention.CANCEL_MAKER)
                .matchingPolicy(MatchingPolicy.proRata());

        IllegalStateException twiceMode = assertThrows(IllegalStateException.class,
                () -> builder.selfTradePrevention(SelfTradePrevention.CANCEL_TAKER));
        IllegalStateException twicePolicy = assertThrows(IllegalStateException.class,
                () -> builder.matchingPolicy(MatchingPolicy.priceTime()));

        assertEquals("BTC-PERP: selfTradePrevention was already set to CANCEL_MAKER", twiceMode.getMessage());
        assertEquals("BTC-PERP: matchingPolicy was already set to pro-rata", twicePolicy.getMessage());
        OrderBook book = builder.build();
        assertSame(SelfTradePrevention.CANCEL_MAKER, book.selfTradePrevention());
        assertSame(MatchingPolicy.proRata(), book.matchingPolicy());
    }

    @Test
    void theBuilderRefusesNullsNamingThem() {
        OrderBook.Builder builder = OrderBook.builder(TestMarkets.BTC_PERP);

        assertEquals("selfTradePrevention",
                assertThrows(NullPointerException.class, () -> builder.selfTradePrevention(null)).getMessage());
        assertEquals("matchingPolicy", assertThrows(NullPointerException.class, () -> builder.matchingPolicy(null)).getMessage());
        assertEquals("spec", assertThrows(NullPointerException.class, () -> OrderBook.builder(null)).getMessage());
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
