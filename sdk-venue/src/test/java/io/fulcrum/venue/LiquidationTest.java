package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountReport;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.FullCloseLiquidation;
import org.junit.jupiter.api.Test;

/**
 * A price move that takes an account below maintenance is reported, and the venue's
 * liquidation policy closes it through the book. Alice is long 1.9 BTC from 50,000 with a
 * balance of 9,952.5; at 46,000 her equity is 9,952.5 − 7,600 = 2,352.5 against maintenance
 * 5 % × 87,400 = 4,370.
 */
class LiquidationTest {

    private static TestVenue aliceLongWithBidsBelow(LiquidationPolicy policy) {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(policy).build());
        t.place(MAKER, Side.SELL, "50000", "1.9", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1.9", TimeInForce.IOC);
        t.place(MAKER, Side.BUY, "45900", "5", TimeInForce.GTC);
        return t;
    }

    @Test
    void aBreachIsReportedWithEquityAndRequirement() {
        TestVenue t = aliceLongWithBidsBelow(LiquidationPolicy.NONE);

        CommandResult r = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("46000"), 0));

        Event.MaintenanceBreached breach = r.eventsOf(Event.MaintenanceBreached.class).get(0);
        assertEquals(ALICE, breach.account());
        assertEquals(usdc("2352.5"), breach.equity());
        assertEquals(usdc("4370"), breach.maintenanceRequirement());
        assertEquals(btc("1.9"), t.venue().account(ALICE).orElseThrow().position(BTC).orElseThrow().size());
    }

    @Test
    void fullCloseLiquidationSellsThePositionIntoTheBook() {
        TestVenue t = aliceLongWithBidsBelow(FullCloseLiquidation.withBand(50_000));

        CommandResult r = t.accept(new io.fulcrum.api.Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED,
                price("46000"), 0));

        Event.OrderAccepted liquidation = r.eventsOf(Event.OrderAccepted.class).get(0);
        assertEquals(ALICE, liquidation.account());
        assertEquals(Side.SELL, liquidation.side());
        assertEquals(price("43700"), liquidation.price()); // 46,000 less the 5 % band
        Event.Trade trade = r.eventsOf(Event.Trade.class).get(0);
        assertEquals(price("45900"), trade.price()); // the best bid, inside the band
        assertEquals(usdc("87210"), trade.notional());

        AccountReport alice = t.venue().account(ALICE).orElseThrow();
        assertTrue(alice.position(BTC).orElseThrow().size() == 0);
        // 9,952.5 − 7,790 realised − 43.605 taker fee
        assertEquals(usdc("2118.895"), alice.balance(USDC_ID));
        assertTrue(t.venue().audit().isConserved());
    }
}
