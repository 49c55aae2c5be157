package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.OrderId;
import io.fulcrum.api.OrderOptions;
import io.fulcrum.api.PostOnly;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules an order carries beyond price and size, which the venue enforces. */
class OrderOptionsTest {
    private final TestVenue t = TestVenue.withTraders();

    private Command.PlaceOrder order(io.fulcrum.api.AccountId account, Side side, String px, String size,
            TimeInForce tif, OrderOptions options) {
        return new Command.PlaceOrder(t.nextId(), t.now(), account, BTC, side, price(px), btc(size), tif, options);
    }

    private OrderId placed(CommandResult r) {
        return r.eventsOf(Event.OrderAccepted.class).get(0).order();
    }

    private void aliceLong(String size) {
        t.place(MAKER, Side.SELL, "50000", size, TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", size, TimeInForce.IOC);
    }

    @Test
    void reduceOnlyOrderWithoutAPositionIsRejected() {
        t.rejects(RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                order(ALICE, Side.SELL, "50000", "0.1", TimeInForce.GTC, OrderOptions.NONE.withReduceOnly()));
    }

    @Test
    void reduceOnlyOrderOnTheSideOfThePositionIsRejected() {
        aliceLong("1");
        t.rejects(RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                order(ALICE, Side.BUY, "49000", "0.1", TimeInForce.GTC, OrderOptions.NONE.withReduceOnly()));
    }

    @Test
    void reduceOnlyCountsRestingOrdersThatWouldFlipThePosition() {
        aliceLong("1");
        t.place(ALICE, Side.SELL, "52000", "0.5", TimeInForce.GTC); // an ordinary sell already rests
        t.rejects(RejectReason.REDUCE_ONLY_WOULD_INCREASE,
                order(ALICE, Side.SELL, "53000", "0.6", TimeInForce.GTC, OrderOptions.NONE.withReduceOnly()));
        t.accept(order(ALICE, Side.SELL, "53000", "0.5", TimeInForce.GTC, OrderOptions.NONE.withReduceOnly()));
    }

    @Test
    void aReduceOnlyMakerWhosePositionShrankIsRemovedInsteadOfFilled() {
        aliceLong("0.2");
        OrderId takeProfit = placed(t.accept(
                order(ALICE, Side.SELL, "51000", "0.2", TimeInForce.GTC, OrderOptions.NONE.withReduceOnly())));
        // Alice closes the position another way: an ordinary IOC into a bid at 50,000.
        t.place(BOB, Side.BUY, "50000", "0.2", TimeInForce.GTC);
        t.accept(t.order(ALICE, Side.SELL, "50000", "0.2", TimeInForce.IOC));

        CommandResult r = t.accept(t.order(BOB, Side.BUY, "51000", "0.2", TimeInForce.IOC));

        assertTrue(r.eventsOf(Event.Trade.class).isEmpty());
        Event.OrderCancelled removed = r.eventsOf(Event.OrderCancelled.class).get(0);
        assertEquals(takeProfit, removed.order());
        assertEquals(CancelReason.REDUCE_ONLY_WOULD_INCREASE, removed.reason());
    }

    @Test
    void postOnlyThatWouldCrossIsRejected() {
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);
        t.rejects(RejectReason.POST_ONLY_WOULD_TAKE, order(ALICE, Side.BUY, "50020", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withPostOnly(PostOnly.REJECT)));
    }

    @Test
    void postOnlyThatWouldCrossIsRepricedOneTickBehindTheTouch() {
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);

        CommandResult r = t.accept(order(ALICE, Side.BUY, "50020", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withPostOnly(PostOnly.REPRICE)));

        assertTrue(r.eventsOf(Event.Trade.class).isEmpty());
        assertEquals(price("50009.5"), r.eventsOf(Event.OrderRested.class).get(0).price()); // tick 0.5
        assertEquals(price("50009.5"), t.venue().bestBid(BTC));
    }

    @Test
    void postOnlyThatDoesNotCrossRestsAtItsPrice() {
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);
        CommandResult r = t.accept(order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withPostOnly(PostOnly.REJECT)));
        assertEquals(price("50000"), r.eventsOf(Event.OrderRested.class).get(0).price());
    }

    @Test
    void postOnlyMustBeGtc() {
        t.rejects(RejectReason.OPTION_NEEDS_GTC, order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC,
                OrderOptions.NONE.withPostOnly(PostOnly.REJECT)));
    }

    @Test
    void anExpiryThatIsNotInTheFutureIsRejected() {
        t.rejects(RejectReason.EXPIRY_NOT_IN_FUTURE, order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withExpiry(t.now())));
    }

    @Test
    void advancingTimeRemovesExpiredOrdersInExpiryOrder() {
        OrderId later = placed(t.accept(order(ALICE, Side.BUY, "49000", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withExpiry(t.now() + 2_000))));
        OrderId sooner = placed(t.accept(order(BOB, Side.BUY, "49500", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withExpiry(t.now() + 1_000))));
        OrderId forever = t.place(ALICE, Side.BUY, "48000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(new Command.AdvanceTime(t.nextId(), t.now() + 5_000));

        List<Event.OrderCancelled> gone = r.eventsOf(Event.OrderCancelled.class);
        assertEquals(List.of(sooner, later), gone.stream().map(Event.OrderCancelled::order).toList());
        assertTrue(gone.stream().allMatch(e -> e.reason() == CancelReason.EXPIRED));
        assertEquals(price("48000"), t.venue().bestBid(BTC));
        assertEquals(1, t.venue().depth(BTC, Side.BUY, 5).size());
        assertTrue(forever.value() > 0);
    }

    @Test
    void anExpiredOrderNeverFillsEvenBeforeTimeIsAdvanced() {
        OrderId stale = placed(t.accept(order(MAKER, Side.SELL, "50000", "0.1", TimeInForce.GTC,
                OrderOptions.NONE.withExpiry(t.now() + 1_000))));
        t.place(BOB, Side.SELL, "50000", "0.1", TimeInForce.GTC);
        t.advance(1_000);

        CommandResult r = t.accept(t.order(ALICE, Side.BUY, "50000", "0.1", TimeInForce.IOC));

        assertEquals(stale, r.eventsOf(Event.OrderCancelled.class).get(0).order());
        assertEquals(CancelReason.EXPIRED, r.eventsOf(Event.OrderCancelled.class).get(0).reason());
        assertEquals(BOB, r.eventsOf(Event.Trade.class).get(0).maker());
    }

    @Test
    void cancelAllRemovesEveryOrderOfTheAccountAndNoOneElses() {
        OrderId a1 = t.place(ALICE, Side.BUY, "49000", "0.1", TimeInForce.GTC);
        t.place(BOB, Side.BUY, "49100", "0.1", TimeInForce.GTC);
        OrderId a2 = t.place(ALICE, Side.SELL, "51000", "0.1", TimeInForce.GTC);

        CommandResult r = t.accept(new Command.CancelAll(t.nextId(), t.now(), ALICE, BTC));

        assertEquals(List.of(a1, a2), r.eventsOf(Event.OrderCancelled.class).stream()
                .map(Event.OrderCancelled::order).toList());
        assertEquals(price("49100"), t.venue().bestBid(BTC));
        assertEquals(0, t.venue().bestAsk(BTC));
    }

    @Test
    void anAccountMayRestOnlyAsManyOrdersAsTheMarketAllows() {
        MarketSpec strict = MarketSpec.builder(BTC, TestVenue.USDC).sizeDecimals(4).priceDecimals(1).tickSize(5)
                .lotSize(10).maxOpenOrdersPerAccount(2).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
        Venue venue = Venue.builder().settlementAsset(TestVenue.USDC)
                .market(strict, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, TestVenue.STALE_AFTER_MS))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(TestVenue.USDC)))
                .build();
        TestVenue v = TestVenue.withTraders(venue);
        v.place(ALICE, Side.BUY, "49000", "0.01", TimeInForce.GTC);
        v.place(ALICE, Side.BUY, "48000", "0.01", TimeInForce.GTC);

        v.rejects(RejectReason.TOO_MANY_OPEN_ORDERS, v.order(ALICE, Side.BUY, "47000", "0.01", TimeInForce.GTC));
        v.accept(v.order(ALICE, Side.BUY, "47000", "0.01", TimeInForce.IOC)); // an IOC never rests
    }
}
