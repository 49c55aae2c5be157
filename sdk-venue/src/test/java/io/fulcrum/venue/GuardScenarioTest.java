package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.CircuitBreaker;
import io.fulcrum.oracle.MarketHoursGuard;
import io.fulcrum.oracle.OutOfHoursPolicy;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.oracle.SessionPriceSource;
import io.fulcrum.oracle.TradingCalendar;
import io.fulcrum.orderbook.OrderBook;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle module's guards inside a venue: a tokenized stock whose exchange closes for the
 * weekend under each out-of-hours policy, and a circuit breaker through a flash crash.
 */
class GuardScenarioTest {
    private static final MarketId TSLA = MarketId.of("TSLA-PERP");
    private static final MarketSpec TSLA_SPEC = MarketSpec.builder(TSLA, USDC)
            .sizeDecimals(0).priceDecimals(2)
            .tickSize(1).lotSize(1)
            .minNotional(1_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))
            .build();
    private static final String NASDAQ = "TSLA-NASDAQ";
    private static final String OVERNIGHT = "TSLA-OVERNIGHT";
    private static final TradingCalendar NYSE = TradingCalendar.nyseRegularHours(TradingCalendar.NYSE_HOLIDAYS_2025_2026);

    /** Friday 10 October 2025, 15:59 in New York (EDT): a minute before the close. */
    private static final long FRIDAY_1559 = Instant.parse("2025-10-10T19:59:00Z").toEpochMilli();
    private static final long FRIDAY_CLOSE = Instant.parse("2025-10-10T20:00:00Z").toEpochMilli();
    private static final long FRIDAY_2300Z = Instant.parse("2025-10-10T23:00:00Z").toEpochMilli();
    private static final long MONDAY_OPEN = Instant.parse("2025-10-13T13:30:00Z").toEpochMilli();

    /** Drives a venue with explicit times. */
    private static final class Clocked {
        final Venue venue;
        long nextId = 1;

        Clocked(Venue venue) {
            this.venue = venue;
        }

        CommandResult accept(Command c) {
            CommandResult r = venue.apply(c);
            assertTrue(r.isAccepted(), () -> "expected acceptance of " + c + " but got " + r);
            return r;
        }

        void rejects(RejectReason reason, Command c) {
            String before = venue.stateHash();
            CommandResult r = venue.apply(c);
            assertEquals(reason, r.reason(), r::message);
            assertEquals(before, venue.stateHash());
        }

        CommandId id() {
            return CommandId.of(nextId++);
        }

        CommandResult publish(long time, String feed, long price) {
            return accept(new Command.PublishPrice(id(), time, feed, price, 0));
        }

        CommandResult tick(long time) {
            return accept(new Command.AdvanceTime(id(), time));
        }

        Command.PlaceOrder order(long time, AccountId account, MarketId market, Side side, long price, long size,
                TimeInForce tif) {
            return new Command.PlaceOrder(id(), time, account, market, side, price, size, tif);
        }

        void fund(long time, AccountId account, String amount) {
            accept(new Command.OpenAccount(id(), time, account));
            accept(new Command.Deposit(id(), time, account, USDC.id(), usdc(amount)));
        }
    }

    /**
     * TSLA-PERP on the NYSE calendar with {@code policy}, priced by {@code source}. At 15:59 on
     * Friday Nasdaq prints 413.49 and Alice buys 10 from the maker: notional 4,134.90,
     * maintenance 5 % = 206.745 USDC.
     */
    private static Clocked stockVenue(PriceSource source, OutOfHoursPolicy policy) {
        Clocked v = new Clocked(Venue.builder()
                .settlementAsset(USDC)
                .market(TSLA_SPEC, OrderBook::new, source)
                .guard(TSLA, MarketHoursGuard.of(NYSE, policy))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .build());
        v.fund(FRIDAY_1559, MAKER, "1000000");
        v.fund(FRIDAY_1559, ALICE, "10000");
        v.publish(FRIDAY_1559, NASDAQ, 41_349);
        v.accept(v.order(FRIDAY_1559, MAKER, TSLA, Side.SELL, 41_349, 10, TimeInForce.GTC));
        v.accept(v.order(FRIDAY_1559, ALICE, TSLA, Side.BUY, 41_349, 10, TimeInForce.IOC));
        v.accept(v.order(FRIDAY_1559, MAKER, TSLA, Side.BUY, 41_300, 100, TimeInForce.GTC));
        assertEquals(usdc("206.745"), v.venue.margin(ALICE).orElseThrow().maintenanceRequirement());
        return v;
    }

    private static final PriceSource NASDAQ_ONLY = PushedPriceSource.of(NASDAQ, 300_000);

    @Test
    void atTheCloseAStockIsHeldAtItsLastPriceWithABandAndWiderMargin() {
        Clocked v = stockVenue(NASDAQ_ONLY,
                OutOfHoursPolicy.lastCloseWithWideningBands(20_000, 5_000, 100_000).withClosedMarginScalePpm(1_500_000));

        CommandResult close = v.tick(FRIDAY_CLOSE);

        Event.MarketStatusChanged changed = close.eventsOf(Event.MarketStatusChanged.class).get(0);
        assertEquals(MarketStatus.OPEN, changed.status());
        assertEquals(20_000, changed.priceBandPpm());
        assertEquals(1_500_000, changed.marginScalePpm());
        assertEquals(41_349, v.venue.indexPrice(TSLA));
        // 206.745 × 1.5 = 310.1175
        assertEquals(usdc("310.1175"), v.venue.margin(ALICE).orElseThrow().maintenanceRequirement());
    }

    @Test
    void theBandWidensByTheHourAndOrdersTradeAgainstTheHeldPriceWhileTheFeedIsSilent() {
        // Three hours after the close: band 2 % + 3 × 0.5 % = 3.5 %. Around 413.49: |p − 41,349| · 10^6
        // ≤ 35,000 · 41,349 = 1,447,215,000, so 399.02 (distance 1,447) passes and 399.01 (1,448) does not.
        // Nasdaq last printed at 15:59, far beyond its 5-minute limit: the held price stands in for it.
        Clocked v = stockVenue(NASDAQ_ONLY, OutOfHoursPolicy.lastCloseWithWideningBands(20_000, 5_000, 100_000));
        v.tick(FRIDAY_CLOSE);

        CommandResult later = v.tick(FRIDAY_2300Z);

        assertEquals(35_000, later.eventsOf(Event.MarketStatusChanged.class).get(0).priceBandPpm());
        v.rejects(RejectReason.PRICE_OUTSIDE_BAND, v.order(FRIDAY_2300Z, ALICE, TSLA, Side.BUY, 39_901, 1, TimeInForce.GTC));
        v.accept(v.order(FRIDAY_2300Z, ALICE, TSLA, Side.BUY, 39_902, 1, TimeInForce.GTC));
    }

    @Test
    void mondaysOpeningPriceReleasesTheHold() {
        Clocked v = stockVenue(NASDAQ_ONLY,
                OutOfHoursPolicy.lastCloseWithWideningBands(20_000, 5_000, 100_000).withClosedMarginScalePpm(1_500_000));
        v.tick(FRIDAY_CLOSE);

        CommandResult open = v.publish(MONDAY_OPEN, NASDAQ, 41_000);

        assertEquals(new Event.MarketStatusChanged(TSLA, MarketStatus.OPEN, 0, 1_000_000, "the oracle guards are content"),
                open.eventsOf(Event.MarketStatusChanged.class).get(0));
        assertEquals(41_000, v.venue.indexPrice(TSLA));
        // 10 × 410.00 = 4,100 → maintenance 205 USDC, unscaled again.
        assertEquals(usdc("205"), v.venue.margin(ALICE).orElseThrow().maintenanceRequirement());
    }

    @Test
    void aReduceOnlyPolicyLetsHoldersOutButNobodyIn() {
        Clocked v = stockVenue(NASDAQ_ONLY, OutOfHoursPolicy.reduceOnly());

        CommandResult close = v.tick(FRIDAY_CLOSE);

        assertEquals(MarketStatus.REDUCE_ONLY, close.eventsOf(Event.MarketStatusChanged.class).get(0).status());
        assertEquals(MarketStatus.REDUCE_ONLY, v.venue.marketStatus(TSLA));
        v.rejects(RejectReason.MARKET_REDUCE_ONLY, v.order(FRIDAY_2300Z, ALICE, TSLA, Side.BUY, 41_000, 1, TimeInForce.GTC));
        CommandResult exit = v.accept(v.order(FRIDAY_2300Z, ALICE, TSLA, Side.SELL, 41_300, 10, TimeInForce.IOC));
        assertEquals(1, exit.eventsOf(Event.Trade.class).size());
    }

    @Test
    void anOutOfHoursReferenceKeepsTheIndexMovingWithWiderMargin() {
        // Closed: the index follows the overnight venue (405.00) instead of holding 413.49; margin × 1.25:
        // 10 × 405 = 4,050 → 202.5 × 1.25 = 253.125.
        PriceSource source = SessionPriceSource.of(NYSE, NASDAQ_ONLY, PushedPriceSource.of(OVERNIGHT, 300_000));
        Clocked v = stockVenue(source, OutOfHoursPolicy.outOfHoursReference().withClosedMarginScalePpm(1_250_000));

        v.publish(FRIDAY_2300Z, OVERNIGHT, 40_500);

        assertEquals(40_500, v.venue.indexPrice(TSLA));
        assertEquals(usdc("253.125"), v.venue.margin(ALICE).orElseThrow().maintenanceRequirement());
    }

    // ---- circuit breaker ----------------------------------------------------------------------

    /**
     * BTC with a breaker of 10 % per minute that halts for five minutes, and whole-position
     * liquidation. Alice is long 1.5 BTC at 50,000 on 10,000 USDC.
     */
    private static TestVenue breakerVenue() {
        OracleGuard breaker = CircuitBreaker.builder().maxMovePpm(100_000).intervalMs(60_000)
                .action(MarketStatus.HALTED).cooldownMs(300_000).build();
        TestVenue t = TestVenue.withTraders(TestVenue.builder(FullCloseLiquidation.withBand(100_000))
                .guard(BTC, breaker).build());
        t.place(MAKER, Side.SELL, "50000", "1.5", TimeInForce.GTC);
        t.place(ALICE, Side.BUY, "50000", "1.5", TimeInForce.IOC);
        return t;
    }

    @Test
    void aFlashCrashPastTheLimitHaltsTheMarketAtTheLastGoodPrice() {
        // 50,000 → 44,000 within a minute is 12 %: halted, held at 50,000. At 44,000 Alice would have been
        // breached (equity 10,000 − 37.5 − 9,000 = 962.5 < 3,300); held, she is not.
        TestVenue t = breakerVenue();
        t.advance(30_000);

        CommandResult r = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("44000"), 0));

        assertEquals(MarketStatus.HALTED, r.eventsOf(Event.MarketStatusChanged.class).get(0).status());
        assertEquals(price("50000"), t.venue().indexPrice(BTC));
        assertTrue(r.eventsOf(Event.MaintenanceBreached.class).isEmpty());
        t.rejects(RejectReason.MARKET_HALTED, t.order(TestVenue.BOB, Side.BUY, "44000", "0.01", TimeInForce.GTC));
    }

    @Test
    void afterTheCoolDownTheMarketReopensAndTheNextPriceIsTheNewLevel() {
        // Reopened by a tick at +330 s; the next print, 45,000, is accepted as the new reference:
        // Alice's equity 10,000 − 37.5 − 7,500 = 2,462.5 < 5 % × 67,500 = 3,375: breached, liquidated.
        TestVenue t = breakerVenue();
        t.advance(30_000);
        t.publish("44000");
        t.advance(300_000);

        CommandResult reopened = t.accept(new Command.AdvanceTime(t.nextId(), t.now()));
        t.advance(1_000);
        CommandResult next = t.accept(new Command.PublishPrice(t.nextId(), t.now(), TestVenue.FEED, price("45000"), 0));

        assertEquals(MarketStatus.OPEN, reopened.eventsOf(Event.MarketStatusChanged.class).get(0).status());
        assertEquals(price("45000"), t.venue().indexPrice(BTC));
        assertEquals(usdc("2462.5"), next.eventsOf(Event.MaintenanceBreached.class).get(0).equity());
        assertEquals(1, next.eventsOf(Event.OrderAccepted.class).size(), "the liquidation order");
    }
}
