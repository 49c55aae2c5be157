package io.fulcrum.examples;

import static io.fulcrum.examples.PoolCrashReplay.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PoolReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool crash replay on the real file, checked against facts the test reads from the same file by
 * its own plain parsing (split on commas, {@link BigDecimal}), against identities between the
 * traders' and the pool's books, and against bounds worked by hand, never against numbers copied
 * from the replay's output.
 *
 * <pre>
 * Index: Binance BTCUSDT 1m closes, published at open + 60 s, 20:01 to 24:00 UTC; the first is 116,677.1.
 * Traders: 10,000 USDC each, 90 % of leverage × 10,000 opened at the first close; 10x is 0.771 BTC, 25x 1.928 BTC.
 * </pre>
 */
class PoolCrashReplayTest {
    private static final long WINDOW_START = Instant.parse("2025-10-10T20:00:00Z").toEpochMilli();
    private static final long WINDOW_END = Instant.parse("2025-10-11T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long AT_21_20 = Instant.parse("2025-10-10T21:20:00Z").toEpochMilli();

    private static PoolCrashReplay.Result result;
    private static String output;
    private static List<Candle> candles;

    @BeforeAll
    static void replayTheCrash() throws IOException {
        Path dataDir = DepegData.findSharedData();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = PoolCrashReplay.run(dataDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(dataDir.resolve(PoolCrashData.BTC_FILE));
        // Columns open_time,open,high,low,close,...
        candles = lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> new Candle(Long.parseLong(f[0]), new BigDecimal(f[3]), new BigDecimal(f[4])))
                .filter(c -> c.publishedAt() >= WINDOW_START && c.publishedAt() <= WINDOW_END)
                .toList();
    }

    @Test
    void moneyIsConservedInEveryVenue() {
        for (PoolCrashOutcome o : result.outcomes()) {
            assertTrue(o.venue().audit().isConserved(), o.design() + ": " + o.venue().audit());
        }
    }

    @Test
    void everyCloseInTheWindowIsPublishedAndEveryCommandAccepted() {
        // 240 candles open from 20:00 to 23:59; their closes are published from 20:01 to 24:00.
        assertEquals(240, candles.size());
        for (PoolCrashOutcome o : result.outcomes()) {
            assertTrue(o.results().stream().allMatch(CommandResult::isAccepted), o.design() + ": a command was refused");
            long published = o.results().stream().mapToLong(r -> r.eventsOf(Event.PricePublished.class).size()).sum();
            assertEquals(candles.size(), published, o.design().toString());
        }
    }

    @Test
    void theLpPnlIsFeesLessWhatTradersRealisedLessTheChangeOfTheirOpenPnl() {
        // The pool holds USDC only and nobody adds or removes liquidity after the start report, so its tokens move
        // only by fees and realised PnL, and what the LPs own (tokens less the traders' open PnL against them)
        // moves by PoolReport.Period.lpPnl().
        for (PoolCrashOutcome o : result.outcomes()) {
            PoolReport start = o.poolAtStart();
            PoolReport end = o.poolAtEnd();
            PoolReport.Period p = o.lpPeriod();

            assertEquals(List.of(0L, 0L), List.of(p.netFlows(), p.revaluation()), o.design().toString());
            assertEquals(end.tokenValue() - start.tokenValue(), p.fees() - p.tradersRealized(), o.design().toString());
            assertEquals((end.tokenValue() - end.tradersUnrealizedPnl()) - (start.tokenValue() - start.tradersUnrealizedPnl()),
                    p.lpPnl(), o.design().toString());
            assertEquals(p.fees() - p.tradersRealized() - p.tradersUnrealizedChange(), p.lpPnl(), o.design().toString());
        }
    }

    @Test
    void thePoolEarnsTheTradersFeesAndOwesTheirPnlThoughItRealisesOnlyItsNetPosition() {
        // Summed from the traders' own PositionChanged events and position reports. Every fee goes to the pool (no
        // venue fee schedule). The pool account holds the traders' net position, so when a long closes while shorts
        // stay open it realises only what its netted position realises: the split between "realised" and "open"
        // differs from the traders' own, but the total is the same. Exactly: 0.0001 BTC × 0.1 USDC is 0.00001 USDC,
        // so every notional on the lot and tick is a whole number of USDC units and nothing rounds.
        for (PoolCrashOutcome o : result.outcomes()) {
            long fees = 0;
            long realised = 0;
            for (CommandResult r : o.results()) {
                for (Event.PositionChanged e : r.eventsOf(Event.PositionChanged.class)) {
                    if (isTrader(e.account())) {
                        fees += e.fee();
                        realised += e.realizedPnl();
                    }
                }
            }
            long open = 0;
            for (PoolCrashOutcome.Trader t : o.traders()) {
                open += o.venue().account(t.account()).orElseThrow().position(BTC).map(p -> p.unrealizedPnl()).orElse(0L);
            }
            PoolReport.Period p = o.lpPeriod();
            long poolView = p.tradersRealized() + o.poolAtEnd().tradersUnrealizedPnl();

            assertEquals(fees, p.fees(), o.design() + " fees");
            assertEquals(0, o.venue().feePool(), o.design() + ": the venue keeps no fee of its own");
            assertEquals(realised + open, poolView, o.design() + ": the traders' PnL against the pool");
        }
    }

    @Test
    void whatTheTradersLostTheLiquidityProvidersGained() {
        // A pool market is zero-sum between the traders and the pool when the venue keeps no fee: the traders'
        // equity changes and the LPs' PnL add to zero, to the unit (notionals on the lot and tick are whole USDC
        // units, see above). Bad debt does not break it: a bankrupt trader's negative equity is the pool's claim.
        for (PoolCrashOutcome o : result.outcomes()) {
            assertEquals(0, o.tradersPnl() + o.lpPeriod().lpPnl(), o.design().toString());
        }
    }

    @Test
    void theCrashLiquidatesLongsInEveryVenueAndNoShort() {
        for (PoolCrashOutcome o : result.outcomes()) {
            assertTrue(o.liquidated() >= 1, o.design() + " liquidated nobody");
            for (PoolCrashOutcome.Trader t : o.traders()) {
                assertTrue(!t.wasLiquidated() || t.trader().isLong(), o.design() + " liquidated the short " + t);
                assertEquals(t.wasLiquidated(), o.venue().account(t.account()).orElseThrow().position(BTC)
                        .map(p -> p.size() == 0).orElse(true), o.design() + ": " + t.trader().name() + "'s position");
            }
        }
    }

    @Test
    void theAvantisVaultLiquidatesThe25xLongAtTheFirstCloseBelow112260_45() {
        // T20, 25x long: 1.928 BTC at exactly the index 116,677.1 (no impact): entry 224,953.4488, open fee 6 bps
        // = 134.972070 (up). Collateral 224,953.4488 / 25 = 8,998.137952; maintenance 15 % of it = 1,349.720693
        // (up). Equity = 10,000 − 134.972070 − 1.928 × (116,677.1 − P) < 1,349.720693 once
        // 116,677.1 − P > 8,515.307237 / 1.928 = 4,416.653, i.e. P < 112,260.447. (MECHANISMS.md §4's distance
        // 116,677.1 × 0.85 / 25 = 3,967 counts the collateral alone; T20 also keeps 1,001.86 free.)
        Candle first = candles.stream().filter(c -> c.close().compareTo(new BigDecimal("112260.447")) < 0)
                .findFirst().orElseThrow();
        PoolCrashOutcome.Trader t20 = trader(PoolCrashDesign.AVANTIS_LIKE, "T20");

        assertEquals(Instant.parse("2025-10-10T21:14:00Z").toEpochMilli(), first.publishedAt(), "the 21:13 close 111,903.8");
        assertEquals(19_280, t20.size());
        assertEquals(1_166_771, t20.entryPrice());
        assertEquals(first.publishedAt(), t20.liquidatedAt());
        assertEquals(first.close().movePointRight(1).longValueExact(), t20.liquidationPrice());
    }

    @Test
    void aTenTimesLongGapsPastZeroEquityInTheOraclePoolsButNotOnTheCurve() {
        // T11, 10x long, 0.771 BTC from about 116,677.1. At the lowest close before 21:20, 107,676.7, it still has
        // 10,000 − 0.771 × 9,000.4 − fees ≈ 2,000 against a maintenance of about 1 % × 83,000 = 830 (15 % of its
        // 9,000 collateral, 1,350, at Avantis): not liquidated. The 21:19 close, 103,441.3, published at 21:20,
        // leaves 10,000 − 0.771 × 13,235.8 = −204.80 before any fee: the oracle pools close it at or below the
        // index and it ends bankrupt. The curve buys it back near its opening price, so it keeps most of its deposit.
        for (PoolCrashDesign design : List.of(PoolCrashDesign.GMX_LIKE, PoolCrashDesign.AVANTIS_LIKE)) {
            PoolCrashOutcome.Trader t11 = trader(design, "T11");
            assertEquals(AT_21_20, t11.liquidatedAt(), design.toString());
            assertTrue(t11.liquidationPrice() <= 1_034_413, design + ": " + t11);
            assertTrue(t11.endEquity() < 0, design + ": " + t11);
            assertTrue(result.outcome(design).badDebt() >= -t11.endEquity(), design.toString());
        }
        PoolCrashOutcome.Trader onTheCurve = trader(PoolCrashDesign.VIRTUAL_AMM, "T11");
        assertEquals(AT_21_20, onTheCurve.liquidatedAt());
        assertTrue(onTheCurve.endEquity() > 0, onTheCurve.toString());
    }

    @Test
    void theVirtualAmmsCounterpartyEndsWorseOffThanEitherOraclePool() {
        // Why: the index marks every venue, so the same longs are liquidated at the same minutes everywhere. An
        // oracle pool closes them at the index (Avantis: exactly; GMX: moved by its small impact), so the pool keeps
        // the loss the index path gave them. The vAMM closes them on its curve, which only the traders' net position
        // moves: the crash never reached it, so each liquidated long sells near its own entry, far above the index,
        // and the pool pays the difference. Everything else (same traders, prices, 6 bps-ish fees) is alike.
        PoolCrashOutcome vamm = result.outcome(PoolCrashDesign.VIRTUAL_AMM);
        for (PoolCrashOutcome.Trader t : vamm.traders()) {
            if (t.wasLiquidated()) {
                assertTrue(t.liquidationPrice() > t.indexAtLiquidation(), t.toString());
            }
        }
        assertEquals(0, result.outcome(PoolCrashDesign.AVANTIS_LIKE).poolEdgeVersusIndex(), "no impact, no spread");
        assertTrue(vamm.poolEdgeVersusIndex() < 0, "the curve traded worse than the index: " + vamm.poolEdgeVersusIndex());
        assertEquals(0, vamm.badDebt(), "nobody is liquidated below zero when the curve pays above the index");
        for (PoolCrashDesign oracle : List.of(PoolCrashDesign.GMX_LIKE, PoolCrashDesign.AVANTIS_LIKE)) {
            PoolCrashOutcome pool = result.outcome(oracle);
            assertTrue(vamm.poolEdgeVersusIndex() < pool.poolEdgeVersusIndex(), oracle.toString());
            assertTrue(vamm.lpPeriod().lpPnl() < pool.lpPeriod().lpPnl(),
                    "vAMM LPs " + vamm.lpPeriod().lpPnl() + ", " + oracle + " LPs " + pool.lpPeriod().lpPnl());
        }
    }

    @Test
    void noPoolDeleveragesWhileTheTradersProfitStaysUnderTheTrigger() {
        // Only the GMX-like pool has ADL (85 % of its tokens). Twenty traders with 10,000 each cannot win 850,000:
        // even the 25x short gains 1.928 × (116,677.1 − 103,441.3) = 25,519 at the lowest close.
        for (PoolCrashOutcome o : result.outcomes()) {
            assertTrue(o.peakProfitPpm() < PoolCrashDesign.GMX_ADL_TRIGGER_PPM, o.design() + ": " + o.peakProfitPpm());
            assertEquals(List.of(), o.deleveraged(), o.design().toString());
        }
    }

    @Test
    void theIndexNeverShowsTheDaysLowestTrade() {
        // The README's low: 101,516.5 in the 21:20 candle. The index is made of closes; the lowest is the 21:19
        // candle's 103,441.3, published at 21:20, 1,924.8 (1.9 %) above the low.
        Candle lowest = candles.stream().min(Comparator.comparing(Candle::low)).orElseThrow();
        Candle lowestClose = candles.stream().min(Comparator.comparing(Candle::close)).orElseThrow();
        PoolCrashData data = result.data();

        assertEquals(new BigDecimal("101516.5"), lowest.low().stripTrailingZeros());
        assertEquals(Instant.parse("2025-10-10T21:20:00Z").toEpochMilli(), lowest.openTime());
        assertEquals(1_015_165, data.lowestLow().price());
        assertEquals(lowestClose.close().movePointRight(1).longValueExact(), data.lowestClose().price());
        assertEquals(AT_21_20, data.lowestClose().time());
        for (PoolCrashOutcome o : result.outcomes()) {
            long lowestIndex = o.results().stream().flatMap(r -> r.eventsOf(Event.PricePublished.class).stream())
                    .mapToLong(Event.PricePublished::price).min().orElseThrow();
            assertEquals(1_034_413, lowestIndex, o.design().toString());
        }
    }

    @Test
    void theSideBySideTablePrintsEachVenuesLiquidationsAndLpPnl() {
        int table = output.indexOf("== Side by side");
        assertTrue(table >= 0, output);
        List<String> lines = output.substring(table).lines().toList();
        List<String> liquidated = cells(lines, "traders liquidated");
        List<String> lp = cells(lines, "LP PnL");
        for (int i = 0; i < result.outcomes().size(); i++) {
            PoolCrashOutcome o = result.outcomes().get(i);
            assertEquals(Long.toString(o.liquidated()), liquidated.get(i), o.design().toString());
            assertEquals(new BigDecimal(o.lpPeriod().lpPnl()).movePointLeft(6).setScale(2, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString(), lp.get(i), o.design().toString());
        }
        assertTrue(output.contains("What happened:"), "the conclusion is printed");
    }

    /** The numbers after {@code label} on its row, one per venue. */
    private static List<String> cells(List<String> lines, String label) {
        String row = lines.stream().filter(line -> line.strip().startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
        return List.of(row.strip().substring(label.length()).strip().split(" +"));
    }

    /** A BTC candle: its open time, low and close. */
    private record Candle(long openTime, BigDecimal low, BigDecimal close) {
        long publishedAt() {
            return openTime + MINUTE;
        }
    }

    private static boolean isTrader(AccountId account) {
        for (int i = 0; i < PoolCrashReplay.TRADERS.size(); i++) {
            if (PoolCrashReplay.account(i).equals(account)) {
                return true;
            }
        }
        return false;
    }

    private static PoolCrashOutcome.Trader trader(PoolCrashDesign design, String name) {
        return result.outcome(design).traders().stream().filter(t -> t.trader().name().equals(name)).findFirst()
                .orElseThrow();
    }
}
