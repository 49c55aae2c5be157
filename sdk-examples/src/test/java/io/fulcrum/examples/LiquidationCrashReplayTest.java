package io.fulcrum.examples;

import static io.fulcrum.examples.LiquidationCrashReplay.BTC;
import static io.fulcrum.examples.LiquidationCrashReplay.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.Side;
import io.fulcrum.venue.Venue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The liquidation crash replay on the real file, checked against facts the test reads from the same
 * file by its own plain parsing (split on commas, {@link BigDecimal}), against the venues' own
 * events and state, and against rules worked by hand, never against numbers copied from the
 * replay's output.
 *
 * <pre>
 * Index: Binance BTCUSDT 1m closes, published at open + 60 s, 20:01 to 24:00 UTC; the first is 116,677.1.
 * Traders: 10,000 USDC each, 90 % of leverage × 10,000 at the first close; 25x is 1.928 BTC, 10x 0.771 BTC.
 * Maker: 10 levels of 0.5 BTC a side, 0.05 % apart; 0.025 BTC bids in a minute that closes 0.8 % lower.
 * </pre>
 */
class LiquidationCrashReplayTest {
    private static final long WINDOW_START = Instant.parse("2025-10-10T20:00:00Z").toEpochMilli();
    private static final long WINDOW_END = Instant.parse("2025-10-11T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static LiquidationCrashReplay.Result result;
    private static String output;
    private static List<Candle> candles;

    @BeforeAll
    static void replayTheCrash() throws IOException {
        Path dataDir = DepegData.findSharedData();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = LiquidationCrashReplay.run(dataDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(dataDir.resolve(PoolCrashData.BTC_FILE));
        // Columns open_time,open,high,low,close,...
        candles = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> new Candle(Long.parseLong(f[0]), new BigDecimal(f[4])))
                .filter(c -> c.publishedAt() >= WINDOW_START && c.publishedAt() <= WINDOW_END)
                .toList();
    }

    @Test
    void aSecondRunGivesTheSameVenuesAndTheSameReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiquidationCrashReplay.Result again = LiquidationCrashReplay.run(DepegData.findSharedData(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(output, bytes.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < result.outcomes().size(); i++) {
            LiquidationCrashOutcome first = result.outcomes().get(i);
            LiquidationCrashOutcome second = again.outcomes().get(i);
            assertEquals(first.venue().stateHash(), second.venue().stateHash(), first.design().toString());
            assertEquals(first.traders(), second.traders(), first.design().toString());
            assertEquals(List.of(first.backstop(), first.book(), first.adlHits(), first.covered()),
                    List.of(second.backstop(), second.book(), second.adlHits(), second.covered()));
        }
    }

    @Test
    void moneyIsConservedInEveryVenue() {
        for (LiquidationCrashOutcome o : result.outcomes()) {
            assertTrue(o.venue().audit().isConserved(), o.design() + ": " + o.venue().audit());
        }
    }

    @Test
    void everyCloseIsPublishedAndEveryCommandAccepted() {
        // 240 candles open from 20:00 to 23:59; their closes are published from 20:01 to 24:00.
        assertEquals(240, candles.size());
        for (LiquidationCrashOutcome o : result.outcomes()) {
            assertTrue(o.results().stream().allMatch(CommandResult::isAccepted), o.design() + ": a command was refused");
            assertEquals(candles.size(), events(o, Event.PricePublished.class).size(), o.design().toString());
        }
    }

    @Test
    void theMakerPullsItsBidsInTheMinutesThatFall0_8PercentOrMore() {
        // From the file: 21:13 (112,891.0 -> 111,903.8, -0.87 %), 21:15, 21:16, 21:17, 21:19 (-5.0 %), 21:25, 21:36 and
        // 22:05 close at least 0.8 % under the minute before; their closes are published a minute later. In those
        // minutes the maker bids 5 % of 0.5 BTC = 0.025 BTC (250 units) a level, else 0.5 BTC.
        List<Long> fast = new ArrayList<>();
        for (int i = 1; i < candles.size(); i++) {
            BigDecimal before = candles.get(i - 1).close();
            BigDecimal fall = before.subtract(candles.get(i).close()).divide(before, 10, RoundingMode.FLOOR);
            if (fall.compareTo(new BigDecimal("0.008")) >= 0) {
                fast.add(candles.get(i).publishedAt());
            }
        }
        assertEquals(8, fast.size(), fast.toString());
        for (LiquidationCrashOutcome o : result.outcomes()) {
            assertEquals(fast, o.book().pulledAt(), o.design().toString());
            for (CommandResult r : o.results()) {
                for (Event.OrderAccepted e : r.eventsOf(Event.OrderAccepted.class)) {
                    if (e.account().equals(LiquidationCrashReplay.MAKER) && e.side() == Side.BUY) {
                        assertTrue(e.size() == 250 || e.size() == 5_000, o.design() + ": a bid of " + e.size());
                    }
                }
            }
        }
    }

    @Test
    void withTheBidsPulledSomeLiquidationsCannotFill() {
        for (LiquidationCrashDesign design : List.of(LiquidationCrashDesign.BINANCE_LIKE, LiquidationCrashDesign.DYDX_LIKE,
                LiquidationCrashDesign.DRIFT_LIKE)) {
            LiquidationCrashOutcome.Book book = result.outcome(design).book();
            assertTrue(book.sent() > book.filled(), design + ": " + book);
        }
    }

    @Test
    void theBinanceLikeFundTakesOverAndAdlClosesTheMostLeveragedShortFirst() {
        // Binance ranks PnlPercent × MarginRatio = uPnL / WB × MM / (WB + uPnL). The six short traders have the same
        // 10,000 wallet and a profit and maintenance both proportional to their size, so the score grows with
        // leverage: T18 (25x) first. The maker's wallet is 5,000,000: its PnlPercent is hundreds of times smaller.
        LiquidationCrashOutcome o = result.outcome(LiquidationCrashDesign.BINANCE_LIKE);
        List<Event.TakenOverByInsurance> takeovers = events(o, Event.TakenOverByInsurance.class);

        assertFalse(takeovers.isEmpty(), "the fund took nothing over");
        assertEquals(sum(takeovers.stream().map(e -> LiquidationCrashRun.notional(e.quantity(), e.price()))),
                o.takenOverNotional());
        assertEquals(accountOf("T18"), events(o, Event.Deleveraged.class).get(0).account());
        assertFalse(o.adlHits().containsKey(LiquidationCrashReplay.MAKER), o.adlHits().toString());
    }

    @Test
    void theDydxLikeVenueLiquidatesATenthABlockThenDeleveragesInTurn() {
        // A 25x long of 1.928 BTC breaches near 112,000 (216,000 of notional): a tenth is 21,600 > 1,000 USDC, so the
        // first slice is about 0.193 BTC. Each liquidated long's first order is at most a tenth of its position (to
        // the lot). The longs' bankrupt positions exceed the short traders' 5.937 BTC (0.154 + 0.385 + 0.771 + 1.157 +
        // 1.542 + 1.928), so deleveraging, which takes
        // opposite positions in turn, must reach the maker's short too.
        LiquidationCrashOutcome o = result.outcome(LiquidationCrashDesign.DYDX_LIKE);
        Map<AccountId, Long> firstOrder = new HashMap<>();
        for (CommandResult r : o.results()) {
            if (r.eventsOf(Event.PricePublished.class).isEmpty()) {
                continue; // the traders' own opening orders and the maker's quotes
            }
            for (Event.OrderAccepted e : r.eventsOf(Event.OrderAccepted.class)) {
                firstOrder.putIfAbsent(e.account(), e.size());
            }
        }
        assertFalse(firstOrder.isEmpty());
        for (LiquidationCrashOutcome.Trader t : o.traders()) {
            if (firstOrder.containsKey(t.account())) {
                assertTrue(firstOrder.get(t.account()) <= t.size() / 10 + LiquidationCrashReplay.BTC_SPEC.lotSize(),
                        t.trader().name() + " sent " + firstOrder.get(t.account()) + " of " + t.size());
            }
        }
        long shorts = o.traders().stream().filter(t -> !t.trader().isLong()).mapToLong(LiquidationCrashOutcome.Trader::size)
                .sum();
        long deleveraged = sum(events(o, Event.Deleveraged.class).stream().map(Event.Deleveraged::quantity));
        assertEquals(59_370, shorts);
        assertTrue(deleveraged > shorts, "deleveraged " + deleveraged);
        assertTrue(o.adlHits().containsKey(LiquidationCrashReplay.MAKER), o.adlHits().toString());
    }

    @Test
    void theHyperliquidLikeVaultTakesAccountsBelowTwoThirdsOfMaintenanceWhole() {
        // §1.4: below 2/3 of maintenance the vault takes positions and margin; the account keeps nothing. The vault
        // never trades here, so at the end it holds exactly what it took.
        LiquidationCrashOutcome o = result.outcome(LiquidationCrashDesign.HYPERLIQUID_LIKE);
        long taken = 0;
        int takeovers = 0;
        for (CommandResult r : o.results()) {
            for (Event.TakenOverByBackstop e : r.eventsOf(Event.TakenOverByBackstop.class)) {
                Event.MaintenanceBreached breach = r.eventsOf(Event.MaintenanceBreached.class).stream()
                        .filter(b -> b.account().equals(e.account())).findFirst().orElseThrow();
                assertTrue(3 * breach.equity() < 2 * breach.maintenanceRequirement(), breach.toString());
                assertEquals(Venue.BACKSTOP_VAULT, e.vault());
                takeovers++;
            }
        }
        assertTrue(takeovers > 0, "the vault took nothing over");
        for (LiquidationCrashOutcome.Trader t : o.traders()) {
            if (t.takenOverNotional() > 0) {
                assertEquals(List.of(0L, 0L), List.of(t.endBalance(), t.endSize()), t.toString());
                taken += t.size() - t.filledSize();
            }
        }
        assertEquals(taken, o.backstop().heldSize());
    }

    @Test
    void theDriftLikeFundPaysUpToItsCapThenTheFeePoolThenEveryOpenPosition() {
        LiquidationCrashOutcome o = result.outcome(LiquidationCrashDesign.DRIFT_LIKE);
        long cap = USDC.toUnits(LiquidationCrashDesign.DRIFT_MARKET_CAP_USDC);

        assertTrue(o.coveredBy(LossAbsorber.INSURANCE_FUND) + o.socialisedLoss() > 0, "nothing was covered");
        assertTrue(o.coveredBy(LossAbsorber.INSURANCE_FUND) <= cap);
        if (o.coveredBy(LossAbsorber.FEE_POOL) > 0) {
            assertEquals(cap, o.coveredBy(LossAbsorber.INSURANCE_FUND), "the fee pool paid before the fund's cap was used");
        }
        if (o.socialisedLoss() > 0) {
            assertEquals(0, o.venue().feePool(), "a loss was socialised while the fee pool still held money");
        }
        assertEquals(sum(events(o, Event.LossSocialised.class).stream().map(Event.LossSocialised::amount)),
                o.coveredBy(LossAbsorber.SOCIALISED_LOSS));
    }

    @Test
    void anAccountThatNeverHeldAPositionPaysNothing() {
        for (LiquidationCrashOutcome o : result.outcomes()) {
            long deposit = USDC.toUnits(LiquidationCrashReplay.TRADER_USDC);
            assertEquals(deposit, o.venue().account(LiquidationCrashReplay.SAVER).orElseThrow().balance(USDC.id()),
                    o.design().toString());
            assertEquals(deposit, o.venue().margin(LiquidationCrashReplay.SAVER).orElseThrow().equity(),
                    o.design().toString());
        }
    }

    @Test
    void theOutcomeAgreesWithTheVenuesOwnState() {
        for (LiquidationCrashOutcome o : result.outcomes()) {
            Venue venue = o.venue();
            long negativeBalances = o.traders().stream()
                    .mapToLong(t -> Math.max(0, -venue.account(t.account()).orElseThrow().balance(USDC.id()))).sum();
            long penalties = sum(events(o, Event.LiquidationPenaltyCharged.class).stream()
                    .map(Event.LiquidationPenaltyCharged::amount));
            assertEquals(negativeBalances, o.uncovered(), o.design().toString());
            assertEquals(penalties, o.penalties(), o.design().toString());
            assertEquals(sum(events(o, Event.ShortfallUncovered.class).stream().map(Event.ShortfallUncovered::amount)),
                    o.uncovered(), o.design().toString());
            if (o.design().hasInsuranceFund()) {
                assertEquals(venue.insuranceFund(LiquidationCrashDesign.FUND), o.backstop().cashAtEnd(), o.design().toString());
            } else {
                assertEquals(venue.margin(Venue.BACKSTOP_VAULT).orElseThrow().equity(),
                        o.backstop().start() + o.backstop().pnl());
            }
            for (LiquidationCrashOutcome.Trader t : o.traders()) {
                assertEquals(venue.account(t.account()).orElseThrow().position(BTC).map(PositionReport::size).orElse(0L),
                        t.endSize(), t.trader().name());
            }
        }
        // Without a takeover the fund moves only by penalties in and shortfalls out (no fee share).
        for (LiquidationCrashDesign design : List.of(LiquidationCrashDesign.DYDX_LIKE, LiquidationCrashDesign.DRIFT_LIKE)) {
            LiquidationCrashOutcome o = result.outcome(design);
            assertEquals(o.backstop().start() + o.penalties() - o.coveredBy(LossAbsorber.INSURANCE_FUND),
                    o.venue().insuranceFund(LiquidationCrashDesign.FUND), design.toString());
        }
    }

    @Test
    void whatTheLongsLostSomeoneElseGained() {
        // No funding: money only moves between the traders, the maker, the fund or vault and the fee pool, and the
        // notionals on the lot and tick are whole USDC units (0.0001 BTC × 0.1 = 0.00001 USDC = 10 units), so their
        // PnLs add to zero to the unit. Drift's socialised loss is charged to positions per unit of size rounded up,
        // so the positions owe up to one unit each more than was paid out: the sum may fall short by that much.
        for (LiquidationCrashOutcome o : result.outcomes()) {
            long sum = o.tradersPnl() + o.makerPnl() + LiquidationCrashReport.saverPnl(o) + o.backstop().pnl()
                    + o.venue().feePool();
            if (o.socialisedLoss() == 0) {
                assertEquals(0, sum, o.design().toString());
            } else {
                assertTrue(sum <= 0 && sum >= -o.venue().accounts().size(), o.design() + ": " + sum);
            }
        }
    }

    @Test
    void theSideBySideTablePrintsEachVenuesFigures() {
        int table = output.indexOf("== Side by side");
        assertTrue(table >= 0, output);
        List<String> lines = output.substring(table).lines().toList();
        List<String> liquidated = cells(lines, "traders liquidated");
        List<String> uncovered = cells(lines, "bad debt left uncovered");
        for (int i = 0; i < result.outcomes().size(); i++) {
            LiquidationCrashOutcome o = result.outcomes().get(i);
            assertEquals(Long.toString(o.liquidated()), liquidated.get(i), o.design().toString());
            assertEquals(new BigDecimal(o.uncovered()).movePointLeft(6).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                    uncovered.get(i), o.design().toString());
        }
        assertTrue(output.contains("What happened:"), "the conclusion is printed");
    }

    /** The numbers after {@code label} on its row, one per venue. */
    private static List<String> cells(List<String> lines, String label) {
        String row = lines.stream().filter(line -> line.strip().startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
        return List.of(row.strip().substring(label.length()).strip().split(" +"));
    }

    private static <E extends Event> List<E> events(LiquidationCrashOutcome o, Class<E> type) {
        return o.results().stream().flatMap(r -> r.eventsOf(type).stream()).toList();
    }

    private static long sum(Stream<Long> amounts) {
        return amounts.mapToLong(Long::longValue).sum();
    }

    private static AccountId accountOf(String name) {
        for (int i = 0; i < LiquidationCrashReplay.TRADERS.size(); i++) {
            if (LiquidationCrashReplay.TRADERS.get(i).name().equals(name)) {
                return LiquidationCrashReplay.account(i);
            }
        }
        throw new AssertionError(name);
    }

    /** A BTC candle: its open time and close. */
    private record Candle(long openTime, BigDecimal close) {
        long publishedAt() {
            return openTime + MINUTE;
        }
    }
}
