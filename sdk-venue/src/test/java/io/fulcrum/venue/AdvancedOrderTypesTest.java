package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fill-or-kill, iceberg and market orders (by size or by quote budget) through the venue. */
class AdvancedOrderTypesTest {
    private final TestVenue t = TestVenue.withTraders();

    private Command.PlaceOrder iceberg(AccountId account, Side side, String px, String size, String display) {
        return new Command.PlaceOrder(t.nextId(), t.now(), account, BTC, side, price(px), btc(size), TimeInForce.GTC,
                OrderOptions.NONE.withDisplaySize(btc(display)));
    }

    private Command.PlaceMarketOrder market(AccountId account, Side side, String size, String budget, String protection) {
        return new Command.PlaceMarketOrder(t.nextId(), t.now(), account, BTC, side, btc(size), usdc(budget),
                price(protection));
    }

    @Test
    void fillOrKillFillsWholeWhenTheBookHoldsEnough() {
        t.place(MAKER, Side.SELL, "50000", "0.3", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "0.2", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50010", "0.4", TimeInForce.FOK));

        assertEquals(List.of(btc("0.3"), btc("0.1")),
                r.eventsOf(Event.Trade.class).stream().map(Event.Trade::quantity).toList());
    }

    @Test
    void fillOrKillKillsWholeWhenTheBookHoldsTooLittle() {
        t.place(MAKER, Side.SELL, "50000", "0.3", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "0.2", TimeInForce.GTC);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50010", "0.6", TimeInForce.FOK));

        assertTrue(r.eventsOf(Event.Trade.class).isEmpty());
        Event.OrderCancelled killed = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(btc("0.6"), killed.unfilledSize());
        assertEquals(CancelReason.UNFILLED_FOK, killed.reason());
        assertEquals(2, t.venue().depth(BTC, Side.SELL, 5).size());
    }

    @Test
    void anIcebergShowsOnlyItsSliceButReservesMarginForAll() {
        CommandResult r = t.accept(iceberg(MAKER, Side.SELL, "50000", "1", "0.2"));

        assertEquals(btc("1"), r.eventsOf(Event.OrderRested.class).get(0).size());
        assertEquals(btc("0.2"), r.eventsOf(Event.IcebergReplenished.class).get(0).visibleSize());
        assertEquals(List.of(new Venue.DepthLevel(price("50000"), btc("0.2"))), t.venue().depth(BTC, Side.SELL, 5));
        assertEquals(btc("1"), t.venue().account(MAKER).orElseThrow().position(BTC).orElseThrow().openSellSize());
    }

    @Test
    void anIcebergRefillGoesToTheBackOfItsLevel() {
        OrderId ice = t.accept(iceberg(MAKER, Side.SELL, "50000", "0.4", "0.2"))
                .eventsOf(Event.OrderAccepted.class).get(0).order();
        OrderId bobs = t.place(BOB, Side.SELL, "50000", "0.2", TimeInForce.GTC);

        CommandResult first = t.accept(t.order(ALICE, Side.BUY, "50000", "0.2", TimeInForce.IOC));
        assertEquals(ice, first.eventsOf(Event.Trade.class).get(0).makerOrder());
        assertEquals(btc("0.2"), first.eventsOf(Event.IcebergReplenished.class).get(0).visibleSize());

        CommandResult second = t.accept(t.order(ALICE, Side.BUY, "50000", "0.2", TimeInForce.IOC));
        assertEquals(bobs, second.eventsOf(Event.Trade.class).get(0).makerOrder());
    }

    @Test
    void anIcebergMustShowFewerLotsThanItHoldsAndRest() {
        t.rejects(RejectReason.INVALID_ICEBERG, iceberg(MAKER, Side.SELL, "50000", "0.2", "0.2"));
        t.rejects(RejectReason.INVALID_ICEBERG, new Command.PlaceOrder(t.nextId(), t.now(), MAKER, BTC, Side.SELL,
                price("50000"), btc("1"), TimeInForce.IOC, OrderOptions.NONE.withDisplaySize(btc("0.2"))));
    }

    @Test
    void aMarketOrderByBudgetBuysWholeLotsUntilTheBudgetRunsOut() {
        t.place(MAKER, Side.SELL, "50000", "0.01", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50100", "0.05", TimeInForce.GTC);

        // 1,000 USDC: 0.01 BTC at 50,000 = 500; then 9 lots of 0.001 at 50,100 = 450.9; 49.1 left.
        CommandResult r = t.accept(market(ALICE, Side.BUY, "0", "1000", "50500"));

        List<Event.Trade> trades = r.eventsOf(Event.Trade.class);
        assertEquals(List.of(btc("0.01"), btc("0.009")), trades.stream().map(Event.Trade::quantity).toList());
        assertEquals(usdc("950.9"), trades.stream().mapToLong(Event.Trade::notional).sum());
        // The worst case the margin check used: 1,000 USDC at the best ask buys 0.02 BTC.
        assertEquals(btc("0.02"), r.eventsOf(Event.OrderAccepted.class).get(0).size());
        assertEquals(btc("0.001"), r.eventsOf(Event.OrderCancelled.class).get(0).unfilledSize());
    }

    @Test
    void aMarketOrderBySizeStopsAtItsProtectionPrice() {
        t.place(MAKER, Side.SELL, "50000", "0.01", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50100", "0.05", TimeInForce.GTC);

        CommandResult r = t.accept(market(ALICE, Side.BUY, "0.05", "0", "50050"));

        assertEquals(1, r.eventsOf(Event.Trade.class).size());
        Event.OrderCancelled rest = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(btc("0.04"), rest.unfilledSize());
        assertEquals(CancelReason.UNFILLED_IOC, rest.reason());
    }

    @Test
    void aMarketOrderNeedsExactlyOneOfSizeAndBudget() {
        t.rejects(RejectReason.MARKET_ORDER_SIZE, market(ALICE, Side.BUY, "0.01", "100", "50500"));
        t.rejects(RejectReason.MARKET_ORDER_SIZE, market(ALICE, Side.BUY, "0", "0", "50500"));
    }

    @Test
    void aBudgetOrderWithNothingWithinItsProtectionIsRejected() {
        t.place(MAKER, Side.SELL, "51000", "1", TimeInForce.GTC);
        t.rejects(RejectReason.NO_LIQUIDITY, market(ALICE, Side.BUY, "0", "1000", "50500"));
    }
}
