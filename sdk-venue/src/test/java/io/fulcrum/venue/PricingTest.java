package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.price;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.FixedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import org.junit.jupiter.api.Test;

/** How markets get their index and mark prices. */
class PricingTest {

    @Test
    void aPublishedPriceSetsTheIndexAndTheMark() {
        TestVenue t = TestVenue.withTraders();

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("51234.5"), 7));

        Event.MarkPriceChanged changed = r.eventsOf(Event.MarkPriceChanged.class).get(0);
        assertEquals(price("51234.5"), changed.indexPrice());
        assertEquals(price("51234.5"), changed.markPrice());
        assertEquals(price("51234.5"), t.venue().markPrice(BTC));
    }

    @Test
    void aMarketWithAFixedPriceIsTradeableFromTheStart() {
        Venue venue = Venue.builder()
                .settlementAsset(TestVenue.USDC)
                .market(TestVenue.BTC_SPEC, OrderBook::new, FixedPriceSource.of(price("50000")))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(TestVenue.USDC)))
                .build();
        TestVenue t = new TestVenue(venue);
        t.openWith(ALICE, "1000");

        assertEquals(price("50000"), venue.markPrice(BTC));
        t.accept(t.order(ALICE, Side.BUY, "49000", "0.01", TimeInForce.GTC));
    }
}
