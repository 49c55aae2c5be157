package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.PositionMode;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.PositionSide;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.TriggerPrice;
import io.fulcrum.api.TriggerType;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.FullCloseLiquidation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hedge mode (Binance, MECHANISMS.md §5.1): a long and a short leg per market, side by side,
 * sharing the account's cross margin. TestVenue's BTC-PERP: 10 % initial, 5 % maintenance, fees
 * 0.02 % maker and 0.05 % taker; Alice holds 10,000 USDC.
 */
class HedgeModeTest {

    private static TestVenue hedged() {
        TestVenue t = TestVenue.withTraders();
        t.accept(new Command.SetPositionMode(t.nextId(), t.now(), ALICE, PositionMode.HEDGE));
        return t;
    }

    private static Command.PlaceOrder order(TestVenue t, Side side, PositionSide leg, String price, String size,
            TimeInForce tif) {
        return new Command.PlaceOrder(t.nextId(), t.now(), ALICE, BTC, side, price(price), btc(size), tif,
                OrderOptions.NONE.onLeg(leg));
    }

    /** The maker rests the other side, then Alice takes it on {@code leg}. */
    private static CommandResult aliceTakes(TestVenue t, Side side, PositionSide leg, String size) {
        t.place(MAKER, side.opposite(), "50000", size, TimeInForce.GTC);
        return t.accept(order(t, side, leg, "50000", size, TimeInForce.IOC));
    }

    /** Alice's open legs' sizes (a closed leg with realised PnL is still reported, at size 0). */
    private static List<Long> positionSizes(TestVenue t) {
        return t.venue().account(ALICE).orElseThrow().positions().stream().map(PositionReport::size)
                .filter(size -> size != 0).toList();
    }

    @Test
    void switchingModeIsReported() {
        TestVenue t = TestVenue.withTraders();

        CommandResult r = t.accept(new Command.SetPositionMode(t.nextId(), t.now(), ALICE, PositionMode.HEDGE));

        assertEquals(List.of(new Event.PositionModeChanged(ALICE, PositionMode.HEDGE)), r.events());
    }

    @Test
    void theModeCannotChangeWithAPositionOpen() {
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");

        t.rejects(RejectReason.POSITION_MODE_LOCKED,
                new Command.SetPositionMode(t.nextId(), t.now(), ALICE, PositionMode.ONE_WAY));
    }

    @Test
    void ordersMustNameALegThatFitsTheMode() {
        TestVenue oneWay = TestVenue.withTraders();
        TestVenue hedge = hedged();

        oneWay.rejects(RejectReason.POSITION_SIDE_MISMATCH, order(oneWay, Side.BUY, PositionSide.LONG, "49000", "0.1",
                TimeInForce.GTC));
        hedge.rejects(RejectReason.POSITION_SIDE_MISMATCH, order(hedge, Side.BUY, PositionSide.BOTH, "49000", "0.1",
                TimeInForce.GTC));
    }

    @Test
    void aSaleOnTheShortLegOpensAShortBesideTheLong() {
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");

        CommandResult r = aliceTakes(t, Side.SELL, PositionSide.SHORT, "0.05");

        Event.PositionChanged alice = r.eventsOf(Event.PositionChanged.class).stream()
                .filter(e -> e.account().equals(ALICE)).findFirst().orElseThrow();
        assertEquals(PositionSide.SHORT, alice.leg());
        assertEquals(-btc("0.05"), alice.size());
        assertEquals(List.of(btc("0.1"), -btc("0.05")), positionSizes(t));
    }

    @Test
    void bothLegsNeedMargin() {
        // Long 0.1 (5,000) and short 0.05 (2,500) at 50,000: maintenance 5 % of each, 250 + 125 = 375;
        // initial 10 %: 500 + 250 = 750. In one-way mode the two would net to a 0.05 long.
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");
        aliceTakes(t, Side.SELL, PositionSide.SHORT, "0.05");

        var margin = t.venue().margin(ALICE).orElseThrow();
        assertEquals(usdc("375"), margin.maintenanceRequirement());
        assertEquals(usdc("750"), margin.initialRequirement());
    }

    @Test
    void aClosingOrderMayNotExceedItsLeg() {
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");
        t.place(MAKER, Side.BUY, "50000", "1", TimeInForce.GTC);

        t.rejects(RejectReason.REDUCE_ONLY_WOULD_INCREASE, order(t, Side.SELL, PositionSide.LONG, "50000", "0.2",
                TimeInForce.IOC));
        t.rejects(RejectReason.REDUCE_ONLY_WOULD_INCREASE, order(t, Side.BUY, PositionSide.SHORT, "50000", "0.01",
                TimeInForce.IOC));
    }

    @Test
    void closingTheLongLegLeavesTheShortLegAlone() {
        // Long 0.1 bought at 50,000 and sold at 51,000: +100 realised on the long leg only.
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");
        aliceTakes(t, Side.SELL, PositionSide.SHORT, "0.05");
        t.place(MAKER, Side.BUY, "51000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(order(t, Side.SELL, PositionSide.LONG, "51000", "0.1", TimeInForce.IOC));

        Event.PositionChanged closed = r.eventsOf(Event.PositionChanged.class).stream()
                .filter(e -> e.account().equals(ALICE)).findFirst().orElseThrow();
        assertEquals(new Event.PositionChanged(ALICE, BTC, 0, 0, usdc("100"), usdc("2.55"), closed.balance(),
                PositionSide.LONG), closed);
        assertEquals(List.of(-btc("0.05")), positionSizes(t));
    }

    @Test
    void marketOrdersAndTriggersNameTheirLegToo() {
        TestVenue t = hedged();
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);

        t.accept(new Command.PlaceMarketOrder(t.nextId(), t.now(), ALICE, BTC, Side.BUY, btc("0.1"), 0, price("51000"),
                PositionSide.LONG));
        CommandResult stop = t.accept(new Command.PlaceTrigger(t.nextId(), t.now(), ALICE, BTC, Side.SELL,
                TriggerType.STOP, TriggerPrice.MARK, price("45000"), price("44000"), btc("0.1"), TimeInForce.IOC, false,
                PositionSide.LONG));

        assertEquals(List.of(btc("0.1")), positionSizes(t));
        assertEquals(1, stop.eventsOf(Event.TriggerAccepted.class).size());
        t.rejects(RejectReason.POSITION_SIDE_MISMATCH, new Command.PlaceMarketOrder(t.nextId(), t.now(), ALICE, BTC,
                Side.BUY, btc("0.1"), 0, price("51000")));
    }

    @Test
    void liquidationClosesEachLegWithAnOrderOnThatLeg() {
        // Long 1.5 and short 0.1 on 10,000 USDC; at 45,000 the long loses 7,500 and the short gains 500:
        // equity ≈ 2,961 against maintenance 5 % × (67,500 + 4,500) = 3,600. Both legs are closed, each by an
        // order on its own leg.
        TestVenue t = TestVenue.withTraders(TestVenue.builder(FullCloseLiquidation.withBand(200_000)).build());
        t.accept(new Command.SetPositionMode(t.nextId(), t.now(), ALICE, PositionMode.HEDGE));
        aliceTakes(t, Side.BUY, PositionSide.LONG, "1.5");
        aliceTakes(t, Side.SELL, PositionSide.SHORT, "0.1");
        t.place(MAKER, Side.BUY, "45000", "2", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "45500", "1", TimeInForce.GTC);

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("45000"), 0));

        List<Event.OrderAccepted> liquidations = r.eventsOf(Event.OrderAccepted.class);
        assertEquals(List.of(PositionSide.LONG, PositionSide.SHORT),
                liquidations.stream().map(o -> o.options().positionSide()).toList());
        assertTrue(positionSizes(t).isEmpty(), () -> "positions left: " + positionSizes(t));
    }

    @Test
    void legsSurviveASnapshot() {
        TestVenue t = hedged();
        aliceTakes(t, Side.BUY, PositionSide.LONG, "0.1");
        aliceTakes(t, Side.SELL, PositionSide.SHORT, "0.05");
        t.accept(order(t, Side.SELL, PositionSide.LONG, "52000", "0.05", TimeInForce.GTC));

        Venue restored = Venue.replay(TestVenue.builder(LiquidationPolicy.NONE),
                VenueSnapshot.fromJson(t.venue().snapshot().toJson()), List.of());

        assertEquals(t.venue().stateHash(), restored.stateHash());
        assertEquals(t.venue().account(ALICE), restored.account(ALICE));
    }
}
