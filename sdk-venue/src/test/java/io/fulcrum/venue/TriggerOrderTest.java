package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.TriggerPrice;
import io.fulcrum.api.TriggerType;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stop and take-profit orders: they wait for their reference price, then the venue places them
 * as ordinary orders, in the same command that moved the price.
 */
class TriggerOrderTest {
    private final TestVenue t = TestVenue.withTraders();

    private Command.PlaceTrigger trigger(AccountId account, Side side, TriggerType type, TriggerPrice reference,
            String at, String limit, String size, TimeInForce tif, boolean reduceOnly) {
        return new Command.PlaceTrigger(t.nextId(), t.now(), account, BTC, side, type, reference, price(at), price(limit),
                btc(size), tif, reduceOnly);
    }

    private OrderId accepted(CommandResult r) {
        return r.eventsOf(Event.TriggerAccepted.class).get(0).trigger();
    }

    private void aliceLongOneBtc() {
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1", TimeInForce.IOC);
    }

    private CommandResult publish(String px) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price(px), 0));
    }

    @Test
    void aStopLossFiresWhenTheMarkFallsToItsTrigger() {
        aliceLongOneBtc();
        OrderId stop = accepted(t.accept(trigger(ALICE, Side.SELL, TriggerType.STOP, TriggerPrice.MARK, "48000",
                "47500", "1", TimeInForce.IOC, true)));
        t.place(MAKER, Side.BUY, "47900", "1", TimeInForce.GTC);

        assertTrue(publish("48500").eventsOf(Event.TriggerFired.class).isEmpty());
        CommandResult r = publish("48000");

        Event.TriggerFired fired = r.eventsOf(Event.TriggerFired.class).get(0);
        assertEquals(stop, fired.trigger());
        assertEquals(price("48000"), fired.referencePrice());
        assertEquals(price("47900"), r.eventsOf(Event.Trade.class).get(0).price()); // within the 47,500 protection
        assertEquals(0, t.venue().account(ALICE).orElseThrow().position(BTC).orElseThrow().size());
    }

    @Test
    void aTakeProfitLimitFiresWhenThePriceRisesAndRests() {
        aliceLongOneBtc();
        t.accept(trigger(ALICE, Side.SELL, TriggerType.TAKE_PROFIT, TriggerPrice.MARK, "55000", "55000", "1",
                TimeInForce.GTC, true));

        CommandResult r = publish("55000");

        assertEquals(price("55000"), r.eventsOf(Event.OrderRested.class).get(0).price());
        assertEquals(price("55000"), t.venue().bestAsk(BTC));
    }

    @Test
    void aTriggerThatWouldFireAtOnceIsRejected() {
        t.rejects(RejectReason.TRIGGER_WOULD_FIRE_NOW, trigger(ALICE, Side.SELL, TriggerType.STOP, TriggerPrice.MARK,
                "51000", "50000", "0.1", TimeInForce.IOC, false));
    }

    @Test
    void aLastTradeTriggerNeedsATradeFirst() {
        t.rejects(RejectReason.NO_PRICE, trigger(ALICE, Side.BUY, TriggerType.STOP, TriggerPrice.LAST_TRADE,
                "50500", "51000", "0.1", TimeInForce.IOC, false));
    }

    @Test
    void aLastTradeStopFiresInTheCommandWhoseTradeReachedIt() {
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.BUY, "50000", "0.1", TimeInForce.IOC); // last trade 50,000
        t.accept(trigger(ALICE, Side.BUY, TriggerType.STOP, TriggerPrice.LAST_TRADE, "50500", "51000", "0.1",
                TimeInForce.IOC, false));
        t.place(MAKER, Side.SELL, "50500", "0.1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50800", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(BOB, Side.BUY, "50500", "0.1", TimeInForce.IOC));

        List<Event.Trade> trades = r.eventsOf(Event.Trade.class);
        assertEquals(2, trades.size());
        assertEquals(BOB, trades.get(0).taker());
        assertEquals(ALICE, trades.get(1).taker());
        assertEquals(price("50800"), trades.get(1).price());
    }

    @Test
    void aCancelledTriggerNeverFires() {
        OrderId stop = accepted(t.accept(trigger(ALICE, Side.BUY, TriggerType.STOP, TriggerPrice.MARK, "51000",
                "51500", "0.1", TimeInForce.IOC, false)));
        CommandResult cancel = t.accept(new Command.CancelOrder(t.nextId(), t.now(), ALICE, BTC, stop));
        assertEquals(CancelReason.USER_REQUEST, cancel.eventsOf(Event.OrderCancelled.class).get(0).reason());

        assertTrue(publish("52000").eventsOf(Event.TriggerFired.class).isEmpty());
    }

    @Test
    void aFiredOrderThatFailsItsChecksIsReported() {
        // 3 BTC at 51,000 needs 15,300 of initial margin; Alice has 10,000.
        t.accept(trigger(ALICE, Side.BUY, TriggerType.STOP, TriggerPrice.MARK, "51000", "51500", "3",
                TimeInForce.GTC, false));

        CommandResult r = publish("51000");

        Event.TriggerFailed failed = r.eventsOf(Event.TriggerFailed.class).get(0);
        assertEquals(RejectReason.INSUFFICIENT_MARGIN, failed.reason());
        assertTrue(r.eventsOf(Event.OrderAccepted.class).isEmpty());
    }

    @Test
    void aSnapshotKeepsWaitingTriggers() {
        aliceLongOneBtc();
        t.accept(trigger(ALICE, Side.SELL, TriggerType.STOP, TriggerPrice.MARK, "48000", "47500", "1",
                TimeInForce.IOC, true));
        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());
        assertEquals(t.venue().stateHash(), restored.stateHash());

        CommandResult r = restored.apply(new Command.PublishPrice(io.fulcrum.api.CommandId.of(9_999), t.now(),
                TestVenue.FEED, price("48000"), 0));

        assertEquals(1, r.eventsOf(Event.TriggerFired.class).size());
    }
}
