package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountReport;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fills settle into positions and balances with exact worked numbers. Alice buys 0.1 BTC at
 * 50,000 from the maker (notional 5,000 USDC; maker fee 2 bps = 1, taker fee 5 bps = 2.5), the
 * index moves to 52,000, and she sells it back at 52,000 (realises +200, pays 2.6).
 */
class FillSettlementTest {
    private final TestVenue t = TestVenue.withTraders();

    @Test
    void aTakerBuyEmitsTradeBothPositionChangesAndTheBookLevelInOrder() {
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));

        List<Class<?>> kinds = r.events().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Event.OrderAccepted.class, Event.Trade.class, Event.PositionChanged.class,
                Event.PositionChanged.class, Event.BookLevelChanged.class), kinds);
        // The maker's ask level at 50,000 now holds 0.9 BTC.
        assertEquals(new Event.BookLevelChanged(BTC, Side.SELL, price("50000"), btc("0.9")),
                r.eventsOf(Event.BookLevelChanged.class).get(0));
        Event.Trade trade = r.eventsOf(Event.Trade.class).get(0);
        assertEquals(price("50000"), trade.price());
        assertEquals(btc("0.1"), trade.quantity());
        assertEquals(usdc("5000"), trade.notional());
        assertEquals(usdc("1"), trade.makerFee());
        assertEquals(usdc("2.5"), trade.takerFee());
    }

    @Test
    void aFillOpensPositionsOnBothSidesAtTheMakersPrice() {
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50500", "0.1", TimeInForce.IOC));

        PositionReport alice = position(ALICE);
        assertEquals(btc("0.1"), alice.size());
        assertEquals(usdc("5000"), alice.costBasis());
        assertEquals(price("50000"), alice.entryPrice());
        assertEquals(usdc("9997.5"), t.venue().account(ALICE).orElseThrow().balance(USDC_ID));

        PositionReport maker = position(MAKER);
        assertEquals(-btc("0.1"), maker.size());
        assertEquals(-usdc("5000"), maker.costBasis());
        assertEquals(usdc("999999"), t.venue().account(MAKER).orElseThrow().balance(USDC_ID));
        assertEquals(usdc("3.5"), t.venue().feePool());
    }

    @Test
    void aPriceMoveChangesUnrealisedPnlAndMargin() {
        t.place(MAKER, Side.SELL, "50000", "1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));
        t.publish("52000");

        AccountReport alice = t.venue().account(ALICE).orElseThrow();
        assertEquals(usdc("200"), alice.position(BTC).orElseThrow().unrealizedPnl());
        assertEquals(usdc("10197.5"), alice.equity());
        assertEquals(usdc("520"), alice.initialRequirement());
        assertEquals(usdc("260"), alice.maintenanceRequirement());
    }

    @Test
    void closingAPositionRealisesPnlIntoTheBalance() {
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));
        t.publish("52000");
        t.place(MAKER, Side.BUY, "52000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.SELL, "52000", "0.1", TimeInForce.IOC));

        Event.PositionChanged alice = r.eventsOf(Event.PositionChanged.class).get(1);
        assertEquals(ALICE, alice.account());
        assertEquals(0, alice.size());
        assertEquals(0, alice.costBasis());
        assertEquals(usdc("200"), alice.realizedPnl());
        assertEquals(usdc("2.6"), alice.fee());
        assertEquals(usdc("10194.9"), alice.balance()); // 9,997.5 + 200 − 2.6

        Event.PositionChanged maker = r.eventsOf(Event.PositionChanged.class).get(0);
        assertEquals(usdc("-200"), maker.realizedPnl());
        assertEquals(usdc("999797.96"), maker.balance()); // 999,999 − 200 − 1.04
        assertEquals(usdc("7.14"), t.venue().feePool());
        assertTrue(t.venue().audit().isConserved(), () -> t.venue().audit().toString());
    }

    @Test
    void aFillLargerThanThePositionFlipsIt() {
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));
        t.place(MAKER, Side.BUY, "51000", "0.3", TimeInForce.GTC);

        t.accept(t.order(ALICE, Side.SELL, "51000", "0.3", TimeInForce.IOC));

        PositionReport alice = position(ALICE);
        assertEquals(-btc("0.2"), alice.size());
        assertEquals(-usdc("10200"), alice.costBasis()); // the opening 0.2 at 51,000
        assertEquals(usdc("100"), alice.realizedPnl()); // the closing 0.1: 5,100 − 5,000
    }

    @Test
    void aGtcRemainderRestsAndAnIocRemainderIsCancelled() {
        t.place(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        CommandResult ioc = t.accept(t.order(ALICE, Side.BUY, "50000", "0.3", TimeInForce.IOC));
        Event.OrderCancelled dropped = ioc.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(btc("0.2"), dropped.unfilledSize());
        assertEquals(CancelReason.UNFILLED_IOC, dropped.reason());

        CommandResult gtc = t.accept(t.order(ALICE, Side.BUY, "49000", "0.2", TimeInForce.GTC));
        Event.OrderRested rested = gtc.eventsOf(Event.OrderRested.class).get(0);
        assertEquals(btc("0.2"), rested.size());
        assertEquals(price("49000"), t.venue().bestBid(BTC));
        assertEquals(btc("0.2"), position(ALICE).openBuySize());
    }

    @Test
    void cancellingReleasesTheOrdersMarginReservation() {
        long freeBefore = t.venue().account(ALICE).orElseThrow().freeCollateral();
        OrderId bid = t.place(ALICE, Side.BUY, "49000", "1", TimeInForce.GTC);
        // The bid reserves initial margin at the mark, 10 % x 50,000; the gain a fill below the
        // mark would show is not credited before it happens.
        assertEquals(freeBefore - usdc("5000"), t.venue().account(ALICE).orElseThrow().freeCollateral());

        t.accept(new Command.CancelOrder(t.nextId(), t.now(), ALICE, BTC, bid));

        assertEquals(freeBefore, t.venue().account(ALICE).orElseThrow().freeCollateral());
    }

    @Test
    void amendingDownKeepsPriorityAndAmendingThePriceLosesIt() {
        OrderId first = t.place(MAKER, Side.SELL, "50000", "0.2", TimeInForce.GTC);
        OrderId second = t.place(BOB, Side.SELL, "50000", "0.2", TimeInForce.GTC);
        CommandResult down = t.accept(new Command.AmendOrder(t.nextId(), t.now(), MAKER, BTC, first, price("50000"),
                btc("0.1")));
        assertTrue(down.eventsOf(Event.OrderAmended.class).get(0).keptPriority());

        CommandResult fill = t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));
        assertEquals(first, fill.eventsOf(Event.Trade.class).get(0).makerOrder());

        CommandResult reprice = t.accept(new Command.AmendOrder(t.nextId(), t.now(), BOB, BTC, second,
                price("49500"), btc("0.2")));
        assertEquals(false, reprice.eventsOf(Event.OrderAmended.class).get(0).keptPriority());
        assertEquals(price("49500"), t.venue().bestAsk(BTC));
    }

    private PositionReport position(io.fulcrum.api.AccountId account) {
        return t.venue().account(account).orElseThrow().position(BTC).orElseThrow();
    }
}
