package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.AggregatedPriceSource;
import io.fulcrum.oracle.HyperliquidMark;
import io.fulcrum.oracle.PriceAggregator;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adversarial oracle cases of issue 4, each with its named outcome: what price the venue
 * uses, what state the market is in, and which events say so. The index comes from five
 * exchanges through a median that needs three fresh sources (10 s each) and flags a source more
 * than 2 % from the median.
 */
class OracleScenarioTest {
    private static final List<String> EXCHANGES = List.of("binance", "okx", "bybit", "kraken", "coinbase");
    private static final long MAX_AGE_MS = 10_000;

    private static AggregatedPriceSource fiveExchangeMedian() {
        AggregatedPriceSource.Builder b = AggregatedPriceSource.builder("BTC index");
        EXCHANGES.forEach(feed -> b.source(feed, 1, MAX_AGE_MS));
        return b.aggregator(PriceAggregator.median())
                .minFreshSources(3)
                .divergence(20_000, io.fulcrum.oracle.DivergenceRule.USE_AGGREGATE)
                .build();
    }

    /** Maker, Alice and Bob funded, every exchange at 50,000; liquidation closes whole positions. */
    private static TestVenue fiveExchangeVenue() {
        TestVenue t = new TestVenue(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, fiveExchangeMedian())
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .liquidationPolicy(LiquidationPolicy.NONE)
                .build());
        t.openWith(MAKER, "1000000");
        t.openWith(ALICE, "10000");
        t.openWith(BOB, "10000");
        EXCHANGES.forEach(feed -> publish(t, feed, "50000"));
        return t;
    }

    private static CommandResult publish(TestVenue t, String feed, String decimalPrice) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), feed, price(decimalPrice), 0));
    }

    /** Alice buys (or sells) {@code size} BTC from the maker at 50,000. */
    private static void aliceTakes(TestVenue t, Side side, String size) {
        t.place(MAKER, side.opposite(), "50000", size, TimeInForce.GTC);
        t.place(ALICE, side, "50000", size, TimeInForce.IOC);
    }

    @Test
    void oneSourceSpikingTenfoldLeavesTheIndexWhereTheOthersAreAndRaisesAnAlert() {
        // Alice is short 0.1 BTC. Binance prints 500,000; the median of
        // [50,000 × 4, 500,000] is 50,000, so her position is untouched and the spike is reported.
        TestVenue t = fiveExchangeVenue();
        aliceTakes(t, Side.SELL, "0.1");

        CommandResult r = publish(t, "binance", "500000");

        assertEquals(price("50000"), t.venue().indexPrice(BTC));
        assertEquals(price("50000"), t.venue().markPrice(BTC));
        Event.PriceAlert alert = r.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals(PriceStatus.OK, alert.status());
        assertEquals(Set.of(PriceFlag.SOURCE_DIVERGED), alert.flags());
        assertTrue(alert.detail().contains("binance"), alert.detail());
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
        assertEquals(MarketStatus.OPEN, t.venue().marketStatus(BTC));
    }

    @Test
    void theSpikeAlertIsReportedOnceAndClearedWhenTheSourceComesBack() {
        TestVenue t = fiveExchangeVenue();
        publish(t, "binance", "500000");

        CommandResult again = publish(t, "okx", "50010");
        CommandResult back = publish(t, "binance", "50005");

        assertTrue(again.eventsOf(Event.PriceAlert.class).isEmpty(), "the same condition is not reported twice");
        Event.PriceAlert cleared = back.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals(PriceStatus.OK, cleared.status());
        assertEquals(Set.of(), cleared.flags());
    }

    @Test
    void twoOfFiveSourcesStaleStillPriceTheMarketFromTheThreeFreshOnes() {
        // At +11 s binance and coinbase (last seen at 50,000) are past their 10 s limit; okx, bybit and
        // kraken publish 49,000, 49,100, 48,900: median 49,000, flagged SOURCE_STALE.
        TestVenue t = fiveExchangeVenue();
        t.advance(11_000);

        CommandResult first = publish(t, "okx", "49000");
        t.rejects(RejectReason.STALE_ORACLE, t.order(ALICE, Side.BUY, "49000", "0.01", TimeInForce.GTC));
        publish(t, "bybit", "49100");
        CommandResult third = publish(t, "kraken", "48900");

        assertEquals(PriceStatus.STALE, first.eventsOf(Event.PriceAlert.class).get(0).status());
        assertTrue(first.eventsOf(Event.MarkPriceChanged.class).isEmpty(), "one fresh source of three needed");
        Event.PriceAlert recovered = third.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals(PriceStatus.OK, recovered.status());
        assertEquals(Set.of(PriceFlag.SOURCE_STALE), recovered.flags());
        assertEquals(price("49000"), t.venue().indexPrice(BTC));
        t.accept(t.order(ALICE, Side.BUY, "48900", "0.01", TimeInForce.GTC));
    }

    @Test
    void allSourcesStaleHoldTheLastPriceRejectOrdersAndLiquidateNobody() {
        // Alice is long 1.5 BTC at 50,000 on 10,000 USDC. After 11 s of silence one exchange prints
        // 30,000: one fresh source of the three needed, so the reading is STALE and the venue stays at
        // 50,000. Had it used 30,000 she would have lost 30,000 and been breached.
        TestVenue t = fiveExchangeVenue();
        aliceTakes(t, Side.BUY, "1.5");
        t.advance(11_000);

        t.rejects(RejectReason.STALE_ORACLE, t.order(BOB, Side.BUY, "49000", "0.01", TimeInForce.GTC));
        CommandResult r = publish(t, "kraken", "30000");

        assertEquals(price("50000"), t.venue().indexPrice(BTC));
        assertEquals(price("50000"), t.venue().markPrice(BTC));
        assertTrue(r.eventsOf(Event.MarkPriceChanged.class).isEmpty());
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
        Event.PriceAlert alert = r.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals(PriceStatus.STALE, alert.status());
        assertTrue(alert.detail().contains("need 3"), alert.detail());
        t.rejects(RejectReason.STALE_ORACLE, t.order(BOB, Side.BUY, "49000", "0.01", TimeInForce.GTC));
    }

    // ---- thin-book manipulation ----------------------------------------------------------------

    /** Median of best bid, best ask and last trade: Hyperliquid's second input on its own. */
    private static final MarkPriceRule BOOK_ONLY = (in, state) -> {
        if (in.bestBid() == 0 || in.bestAsk() == 0 || in.lastTradePrice() == 0) {
            return in.indexPrice();
        }
        return Math.max(Math.min(in.bestBid(), in.bestAsk()),
                Math.min(Math.max(in.bestBid(), in.bestAsk()), in.lastTradePrice()));
    };

    private static final MarkPriceRule HYPERLIQUID = HyperliquidMark.builder()
            .externalPerpFeed("binance-perp", 3, 60_000)
            .externalPerpFeed("okx-perp", 2, 60_000)
            .externalPerpFeed("bybit-perp", 2, 60_000)
            .build();

    /**
     * Alice long 1.5 BTC at 50,000 on 10,000 USDC; the maker then quotes 49,990 / 50,010 for ten
     * minutes while the oracle and the external perps say 50,000 (time ticks every 10 s, so a
     * Hyperliquid basis EMA learns a basis of 0). Then Bob sells 1 BTC into the only bid and
     * quotes 43,990 / 44,000 for 0.01: the book now says 44,000.
     */
    private static TestVenue manipulatedVenue(MarkPriceRule rule) {
        TestVenue t = new TestVenue(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000), rule)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .build());
        t.openWith(MAKER, "1000000");
        t.openWith(ALICE, "10000");
        t.openWith(BOB, "10000");
        List<String> perps = rule.feeds();
        t.publish("50000");
        perps.forEach(feed -> publish(t, feed, "50000"));
        aliceTakes(t, Side.BUY, "1.5");
        t.place(MAKER, Side.BUY, "49990", "1", TimeInForce.GTC);
        t.place(MAKER, Side.SELL, "50010", "1", TimeInForce.GTC);
        for (int i = 0; i < 60; i++) {
            t.advance(10_000);
            t.publish("50000");
            perps.forEach(feed -> publish(t, feed, "50000"));
        }
        t.advance(500);
        t.place(BOB, Side.SELL, "49990", "1", TimeInForce.IOC);
        t.place(BOB, Side.BUY, "43990", "0.01", TimeInForce.GTC);
        t.place(BOB, Side.SELL, "44000", "0.01", TimeInForce.GTC);
        t.advance(500);
        return t;
    }

    @Test
    void aThinBookManipulationMovesABookMarkAndBreachesTheVictim() {
        // Book mark = median(43,990, 44,000, last 49,990) = 44,000. Alice: 10,000 − 37.5 fee − 1.5 × 6,000
        // = 962.5 equity against maintenance 5 % × 66,000 = 3,300.
        TestVenue t = manipulatedVenue(BOOK_ONLY);

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("50000"), 0));

        assertEquals(price("50000"), t.venue().indexPrice(BTC));
        assertEquals(price("44000"), t.venue().markPrice(BTC));
        Event.MaintenanceBreached breach = r.eventsOf(Event.MaintenanceBreached.class).get(0);
        assertEquals(ALICE, breach.account());
        assertEquals(usdc("962.5"), breach.equity());
    }

    @Test
    void theSameManipulationBarelyMovesTheHyperliquidMark() {
        // Inputs: oracle 50,000 + basis EMA (ten minutes at 0, then one second of a 44,000 book: about
        // −6,005 × 1 s / 152 s ≈ −39.5), the book median 44,000, the perps' weighted median 50,000. The
        // median of the three is the first, 0.08 % below the oracle, and Alice is safe.
        TestVenue t = manipulatedVenue(HYPERLIQUID);

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("50000"), 0));

        assertEquals(price("50000"), t.venue().indexPrice(BTC));
        // Exactly: the basis EMA holds 61 samples, 0 at each 10 s tick (the first weighing 1 ms) and then
        // −60,050 price units (mid 43,995 − 50,000) weighing 1,000 ms: num = −60,050,000,
        // den = Σ decayed weights ≈ 152,009.75 ms → −395.04 → −395 units. Input 1 = 49,960.5.
        assertEquals(price("49960.5"), t.venue().markPrice(BTC));
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
    }

    // ---- a collateral depeg on one venue only ----------------------------------------------------

    private static final io.fulcrum.api.AssetSpec USDE = io.fulcrum.api.AssetSpec.of("USDE", 6);
    private static final List<String> USDE_FEEDS = List.of("usde-binance", "usde-uniswap", "usde-curve");

    /**
     * Alice holds 10,000 USDe (10 % haircut: 9,000 of margin) and is long 1.75 BTC at 50,000
     * (initial 8,750, fee 43.75). BTC then falls to 48,000: equity 9,000 − 43.75 − 3,500 = 5,456.25
     * against maintenance 5 % × 84,000 = 4,200: safe while USDe is worth 1.00.
     */
    private static TestVenue usdeVenue(io.fulcrum.oracle.DivergenceRule rule) {
        AggregatedPriceSource.Builder usde = AggregatedPriceSource.builder("USDe");
        USDE_FEEDS.forEach(feed -> usde.source(feed, 1, 60_000));
        TestVenue t = new TestVenue(Venue.builder()
                .settlementAsset(USDC)
                .collateralAsset(USDE, usde.aggregator(PriceAggregator.median()).minFreshSources(2)
                        .divergence(20_000, rule).build())
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.builder(USDC).haircut(USDE.id(), 100_000).build()))
                .feeSchedule(FlatFeeSchedule.of(200, 500))
                .build());
        USDE_FEEDS.forEach(feed -> t.accept(new Command.PublishPrice(t.nextId(), t.now(), feed, 1_000_000, 0)));
        t.publish("50000");
        t.openWith(MAKER, "1000000");
        t.accept(new Command.OpenAccount(t.nextId(), t.now(), ALICE));
        t.accept(new Command.Deposit(t.nextId(), t.now(), ALICE, USDE.id(), USDE.toUnits("10000")));
        aliceTakes(t, Side.BUY, "1.75");
        t.publish("48000");
        assertEquals(usdc("5456.25"), t.venue().margin(ALICE).orElseThrow().equity());
        return t;
    }

    private static CommandResult binanceQuotesUsdeAt65Cents(TestVenue t) {
        return t.accept(new Command.PublishPrice(t.nextId(), t.now(), "usde-binance", 650_000, 0));
    }

    @Test
    void aOneVenueDepegUnderTheAggregateRuleIsFlaggedAndIgnored() {
        // median(0.65, 1.00, 1.00) = 1.00: USDe keeps its value, Alice keeps her position.
        TestVenue t = usdeVenue(io.fulcrum.oracle.DivergenceRule.USE_AGGREGATE);

        CommandResult r = binanceQuotesUsdeAt65Cents(t);

        assertEquals(1_000_000, t.venue().assetPrice(USDE.id()));
        assertEquals(usdc("5456.25"), t.venue().margin(ALICE).orElseThrow().equity());
        Event.PriceAlert alert = r.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals("USDE", alert.subject());
        assertEquals(Set.of(PriceFlag.SOURCE_DIVERGED), alert.flags());
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
    }

    @Test
    void aOneVenueDepegUnderTheWorstRuleLiquidatesTheUnifiedAccount() {
        // USDe at 0.65: 10,000 × 0.65 × 0.9 = 5,850 of margin; equity 5,850 − 43.75 − 3,500 = 2,306.25 < 4,200.
        // This is what a venue pricing collateral from its own spot book did on 10 October 2025.
        TestVenue t = usdeVenue(io.fulcrum.oracle.DivergenceRule.USE_WORST);

        CommandResult r = binanceQuotesUsdeAt65Cents(t);

        Event.MaintenanceBreached breach = r.eventsOf(Event.MaintenanceBreached.class).get(0);
        assertEquals(ALICE, breach.account());
        assertEquals(usdc("2306.25"), breach.equity());
        assertEquals(Set.of(PriceFlag.SOURCE_DIVERGED, PriceFlag.WORST_SOURCE_USED),
                r.eventsOf(Event.PriceAlert.class).get(0).flags());
    }

    @Test
    void aOneVenueDepegUnderTheFreezeRuleHoldsTheLastGoodPrice() {
        TestVenue t = usdeVenue(io.fulcrum.oracle.DivergenceRule.FREEZE);

        CommandResult r = binanceQuotesUsdeAt65Cents(t);

        assertEquals(1_000_000, t.venue().assetPrice(USDE.id()));
        assertEquals(usdc("5456.25"), t.venue().margin(ALICE).orElseThrow().equity());
        Event.PriceAlert alert = r.eventsOf(Event.PriceAlert.class).get(0);
        assertEquals(PriceStatus.UNRELIABLE, alert.status());
        assertEquals(Set.of(PriceFlag.SOURCE_DIVERGED), alert.flags());
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
    }

    @Test
    void aDepegOnEverySourceIsNotHiddenByAnyRule() {
        // Once two of three quote 0.65 the median is 0.65 (curve at 1.00 is now the one flagged): Alice is
        // breached at 2,306.25, exactly as under the worst rule.
        TestVenue t = usdeVenue(io.fulcrum.oracle.DivergenceRule.USE_AGGREGATE);

        binanceQuotesUsdeAt65Cents(t);
        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), "usde-uniswap", 650_000, 0));

        assertEquals(650_000, t.venue().assetPrice(USDE.id()));
        assertEquals(usdc("2306.25"), r.eventsOf(Event.MaintenanceBreached.class).get(0).equity());
    }
}
