package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.orderbook.SelfTradePrevention;
import org.junit.jupiter.api.Test;

/** An account's order never trades with its own: the book's self-trade prevention, seen through the venue. */
class SelfTradePreventionTest {

    private static TestVenue venue(SelfTradePrevention mode) {
        Venue venue = Venue.builder()
                .settlementAsset(TestVenue.USDC)
                .market(TestVenue.BTC_SPEC, spec -> OrderBook.builder(spec).selfTradePrevention(mode).build(),
                        PushedPriceSource.of(TestVenue.FEED, TestVenue.STALE_AFTER_MS))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(TestVenue.USDC)))
                .build();
        return TestVenue.withTraders(venue);
    }

    @Test
    void cancelMakerRemovesTheOwnRestingOrderAndTradesWithTheNext() {
        TestVenue t = venue(SelfTradePrevention.CANCEL_MAKER);
        OrderId own = t.place(ALICE, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.SELL, "50000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));

        Event.OrderCancelled removed = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(own, removed.order());
        assertEquals(CancelReason.SELF_TRADE_PREVENTION, removed.reason());
        assertEquals(BOB, r.eventsOf(Event.Trade.class).get(0).maker());
        assertEquals(0, t.venue().account(ALICE).orElseThrow().position(BTC).orElseThrow().openSellSize());
    }

    @Test
    void cancelTakerStopsTheIncomingOrderAtItsOwnRestingOrder() {
        TestVenue t = venue(SelfTradePrevention.CANCEL_TAKER);
        t.place(ALICE, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.SELL, "50000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50000", "0.2", TimeInForce.GTC));

        assertTrue(r.eventsOf(Event.Trade.class).isEmpty());
        Event.OrderCancelled taker = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(btc("0.2"), taker.unfilledSize());
        assertEquals(CancelReason.SELF_TRADE_PREVENTION, taker.reason());
        assertTrue(r.eventsOf(Event.OrderRested.class).isEmpty());
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void decrementAndCancelShrinksBothWithoutATrade() {
        TestVenue t = venue(SelfTradePrevention.DECREMENT_AND_CANCEL);
        OrderId own = t.place(ALICE, Side.SELL, "50000", "0.3", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50010", "0.5", TimeInForce.IOC));

        // 0.3 off both: Alice's resting sell is gone, her buy goes on with 0.2 and takes the maker's.
        Event.OrderCancelled resting = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(own, resting.order());
        Event.OrderReduced incoming = r.eventsOf(Event.OrderReduced.class).get(0);
        assertEquals(btc("0.3"), incoming.reducedBy());
        assertEquals(btc("0.2"), incoming.openSize());
        assertEquals(btc("0.2"), r.eventsOf(Event.Trade.class).get(0).quantity());
        assertEquals(MAKER, r.eventsOf(Event.Trade.class).get(0).maker());
    }
}
