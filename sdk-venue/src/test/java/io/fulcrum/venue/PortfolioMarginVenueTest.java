package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MarginModel;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.PortfolioMargin;
import io.fulcrum.margin.ThresholdIndex;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Portfolio margin inside a venue: spot BTC held as collateral nets against a short BTC-PERP
 * (the carry trade), and the venue's health index still finds every breach. BTC spot counts at
 * a 5 % haircut; the portfolio model scans BTC ±16 % (Hyperliquid-like grid, initial twice
 * maintenance).
 */
class PortfolioMarginVenueTest {
    private static final AssetSpec BTC_SPOT = AssetSpec.of("BTC", 8);
    private static final HaircutCollateral COLLATERAL = HaircutCollateral.builder(USDC).haircut(BTC_SPOT.id(), 50_000).build();
    private static final MarginModel PORTFOLIO = PortfolioMargin.hyperliquidLike(USDC, COLLATERAL)
            .underlying("BTC", 160_000).market(BTC, "BTC").asset(BTC_SPOT.id(), "BTC").build();

    private static Venue.Builder builder(MarginModel model) {
        return Venue.builder().settlementAsset(USDC).collateralAsset(BTC_SPOT, "BTC-SPOT")
                .market(TestVenue.BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(model);
    }

    /** BTC at 50,000 on spot and perp; Alice holds 1 BTC and shorts 1 BTC-PERP to the maker. */
    private static TestVenue carryTrade(Venue venue) {
        TestVenue t = TestVenue.withTraders(venue);
        t.accept(new Command.PublishPrice(t.nextId(), t.now(), "BTC-SPOT", usdc("50000"), 0));
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, BTC_SPOT.id(), 100_000_000L));
        t.place(MAKER, Side.BUY, "50000", "1", TimeInForce.GTC);
        t.place(ALICE, Side.SELL, "50000", "1", TimeInForce.IOC);
        return t;
    }

    @Test
    void theCarryTradeAsksTenPercentUnderCrossMarginAndAlmostNothingUnderPortfolioMargin() {
        // Equity in both: 10,000 USDC + 1 BTC × 50,000 × 95 % = 57,500. Cross: 10 % of the 50,000 short = 5,000
        // initial, 5 % = 2,500 maintenance. Portfolio: +50,000 spot and −50,000 perp net to zero in every
        // scenario; only the one-unit floor remains (initial twice that).
        TestVenue cross = carryTrade(builder(CrossMargin.with(COLLATERAL)).build());
        TestVenue portfolio = carryTrade(builder(PORTFOLIO).build());

        assertEquals(new io.fulcrum.api.spi.MarginState(usdc("57500"), usdc("5000"), usdc("2500")),
                cross.venue().margin(ALICE).orElseThrow());
        assertEquals(new io.fulcrum.api.spi.MarginState(usdc("57500"), 2, 1), portfolio.venue().margin(ALICE).orElseThrow());
    }

    @Test
    void theHealthIndexFindsTheSameBreachesUnderPortfolioMargin() {
        // Bob is long 0.5 BTC-PERP at 50,000 on 10,000 USDC (initial 2 × 16 % × 25,000 = 8,000). The perp falls
        // to 35,000 while spot stays: Bob's equity 10,000 − 7,500 = 2,500 against 16 % × 0.5 × 35,000 = 2,800:
        // breached. Alice's carry trade gains 15,000 on the perp: it is not.
        TestVenue indexed = carryTrade(builder(PORTFOLIO).healthIndex(ThresholdIndex::create).build());
        TestVenue scanned = carryTrade(builder(PORTFOLIO).build());
        for (TestVenue t : List.of(indexed, scanned)) {
            t.place(MAKER, Side.SELL, "50000", "0.5", TimeInForce.GTC);
            t.place(BOB, Side.BUY, "50000", "0.5", TimeInForce.IOC);
        }

        CommandResult fromIndex = indexed.accept(new Command.PublishPrice(indexed.nextId(), indexed.now(), TestVenue.FEED,
                price("35000"), 0));
        CommandResult fromScan = scanned.accept(new Command.PublishPrice(scanned.nextId(), scanned.now(), TestVenue.FEED,
                price("35000"), 0));

        assertEquals(fromScan, fromIndex);
        assertEquals(List.of(new Event.MaintenanceBreached(BOB, usdc("2500"), usdc("2800"))),
                fromIndex.eventsOf(Event.MaintenanceBreached.class));
        assertEquals(scanned.venue().stateHash(), indexed.venue().stateHash());
    }
}
