package io.fulcrum.examples;

import static io.fulcrum.examples.DepegReplay.BTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.oracle.DivergenceRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The depeg replay on the real files, checked against facts the test reads from the same files by
 * its own plain parsing (split on commas, {@link BigDecimal}, {@link Instant}) and against bounds
 * worked by hand, never against numbers copied from the replay's output.
 *
 * <pre>
 * Window: prices published from 20:00 to 24:00 UTC; a 1-minute candle is published at open + 60 s.
 * Traders: 10,000 USDe each, 95 % of it counted (5 % haircut), BTC bought at the first close + 10.
 * </pre>
 */
class DepegReplayTest {
    private static final long WINDOW_START = Instant.parse("2025-10-10T20:00:00Z").toEpochMilli();
    private static final long WINDOW_END = Instant.parse("2025-10-11T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    private static Path dataDir;
    private static DepegReplay.Result result;
    private static String output;

    @BeforeAll
    static void replayTheDepeg() {
        dataDir = DepegData.findSharedData();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = DepegReplay.run(dataDir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theWorstRuleValuesUsdeAtBinancesLowestOneMinuteLowInTheWindow() throws IOException {
        // The file's lowest low in the window is 0.6500, in the 21:54 candle, published at 21:55.
        Candle lowest = null;
        for (Candle c : binanceUsdeCandles()) {
            if (lowest == null || c.low().compareTo(lowest.low()) < 0) {
                lowest = c;
            }
        }
        DepegOutcome worst = result.outcome(DivergenceRule.USE_WORST);

        assertEquals(lowest.low().movePointRight(6).longValueExact(), worst.lowestUsdePrice());
        assertEquals(lowest.publishedAt(), worst.lowestUsdeTime());
        assertEquals(new BigDecimal("0.65"), lowest.low().stripTrailingZeros(), "the README's 0.6500 at 21:54");
    }

    @Test
    void theAggregateAndFreezeRulesNeverValueUsdeBelow0_99() {
        for (DivergenceRule rule : List.of(DivergenceRule.USE_AGGREGATE, DivergenceRule.FREEZE)) {
            long lowest = result.outcome(rule).lowestUsdePrice();
            assertTrue(lowest >= 990_000, rule + " valued USDe at " + lowest);
        }
    }

    @Test
    void theWorstRuleLiquidatesAtLeastOneAccountMoreThanTheAggregateRule() {
        long worst = result.outcome(DivergenceRule.USE_WORST).liquidated();
        long aggregate = result.outcome(DivergenceRule.USE_AGGREGATE).liquidated();

        assertTrue(worst >= aggregate + 1, "USE_WORST liquidated " + worst + ", USE_AGGREGATE " + aggregate);
        assertTrue(result.outcome(DivergenceRule.USE_WORST).equityLost()
                > result.outcome(DivergenceRule.USE_AGGREGATE).equityLost());
    }

    @Test
    void everyTraderLiquidatedUnderTheAggregateRuleIsLiquidatedUnderTheWorstRuleToo() {
        // USE_WORST never values USDe above the aggregate, so it never leaves a trader more margin.
        Set<AccountId> worst = liquidated(DivergenceRule.USE_WORST);
        Set<AccountId> aggregate = liquidated(DivergenceRule.USE_AGGREGATE);

        assertTrue(worst.containsAll(aggregate), "USE_WORST " + worst + ", USE_AGGREGATE " + aggregate);
    }

    @Test
    void aNineTimesLongIsLiquidatedByTheBtcCrashUnderEveryRule() {
        // 9.0x of 10,000 at 116,687.1 is 0.771 BTC. Down to the 21:19 close of 103,441.3 it loses
        // 0.771 × 13,245.8 = 10,212.5, more than the 9,500 its USDe counts for at 1.00: gone whatever
        // USDe is worth.
        for (DivergenceRule rule : DivergenceRule.values()) {
            DepegOutcome.Trader nineX = trader(rule, 90);
            assertTrue(nineX.wasLiquidated(), rule + ": " + nineX);
            long size = result.outcome(rule).venue().account(nineX.account()).orElseThrow().position(BTC)
                    .map(p -> p.size()).orElse(0L);
            assertEquals(0, size, rule + ": the position is closed");
        }
    }

    @Test
    void aTwoTimesLongSurvivesUnderEveryRule() {
        // 2.0x is 0.171 BTC. Even with USDe at 0.65 and BTC at its lowest close at the same moment:
        // equity ≥ 10,000 × 0.65 × 0.95 − 0.171 × (116,687.1 − 103,441.3) − 10 fee = 6,175 − 2,265 − 10
        // = 3,900, against a maintenance of at most 5 % × 0.171 × 117,000 = 1,000.
        for (DivergenceRule rule : DivergenceRule.values()) {
            DepegOutcome.Trader twoX = trader(rule, 20);
            assertFalse(twoX.wasBreached(), rule + ": " + twoX);
        }
    }

    @Test
    void theFreezeRuleReportsUsdeUnreliableFromTheFirstMinuteBinanceTradedBelow0_98() throws IOException {
        // Uniswap stayed at or above 1.00 in the window, so the two-source median is at least 1.00 and
        // Binance diverges (> 2 %) once its low is below 0.98: the 21:20 candle (low 0.9000), published at 21:21.
        long firstDiverged = binanceUsdeCandles().stream()
                .filter(c -> c.low().compareTo(new BigDecimal("0.98")) < 0)
                .mapToLong(Candle::publishedAt).min().orElseThrow();
        DepegOutcome.Alert first = result.outcome(DivergenceRule.FREEZE).alerts().stream()
                .filter(a -> a.status() == PriceStatus.UNRELIABLE).findFirst().orElseThrow();

        assertEquals(firstDiverged, first.time());
        assertEquals("USDE", first.subject());
        assertEquals(Set.of(PriceFlag.SOURCE_DIVERGED), first.flags());
    }

    @Test
    void everyRecordedPriceInTheWindowIsPublishedAndEveryCommandAccepted() throws IOException {
        long btcCloses = linesOf(DepegData.BTC_FILE).stream()
                .map(line -> Long.parseLong(line.split(",")[0]) + MINUTE).filter(DepegReplayTest::inWindow).count();
        long uniswapSamples = linesOf(DepegData.USDE_UNISWAP_FILE).stream()
                .map(line -> Long.parseLong(line.split(",")[8]) * 1_000).filter(DepegReplayTest::inWindow).count();
        long expected = btcCloses + binanceUsdeCandles().size() + uniswapSamples;

        for (DepegOutcome o : result.outcomes()) {
            assertTrue(o.results().stream().allMatch(CommandResult::isAccepted), o.rule() + ": a command was refused");
            long published = o.results().stream().mapToLong(r -> r.eventsOf(Event.PricePublished.class).size()).sum();
            assertEquals(expected, published, o.rule().toString());
        }
    }

    @Test
    void moneyIsConservedInEveryVenue() {
        for (DepegOutcome o : result.outcomes()) {
            assertTrue(o.venue().audit().isConserved(), o.rule() + ": " + o.venue().audit());
        }
    }

    @Test
    void theComparisonPrintsEachVenuesLowestUsdePriceAndLiquidations() {
        int comparison = output.indexOf("== Comparison");
        assertTrue(comparison >= 0, output);
        String table = output.substring(comparison);
        for (DepegOutcome o : result.outcomes()) {
            String row = table.lines().filter(line -> line.strip().startsWith(o.rule() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + o.rule() + " in\n" + table));
            List<String> cells = List.of(row.strip().split(" +"));
            assertEquals(new BigDecimal(o.lowestUsdePrice()).movePointLeft(6).toPlainString(), cells.get(1), row);
            assertEquals(Long.toString(o.liquidated()), cells.get(4), row);
        }
        assertTrue(output.contains("What happened:"), "the conclusion is printed");
    }

    /** A Binance USDe candle: its low, and when the replay publishes it (open + 60 s). */
    private record Candle(long publishedAt, BigDecimal low) {}

    /** The Binance USDe candles published in the window; columns time_utc,open,high,low,close,volume. */
    private static List<Candle> binanceUsdeCandles() throws IOException {
        return linesOf(DepegData.USDE_BINANCE_FILE).stream()
                .map(line -> line.split(","))
                .map(f -> new Candle(Instant.parse(f[0]).toEpochMilli() + MINUTE, new BigDecimal(f[3])))
                .filter(c -> inWindow(c.publishedAt()))
                .toList();
    }

    /** The data rows of a file under the shared data directory, header left out. */
    private static List<String> linesOf(String relative) throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve(relative));
        return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank()).toList();
    }

    private static boolean inWindow(long time) {
        return time >= WINDOW_START && time <= WINDOW_END;
    }

    private static Set<AccountId> liquidated(DivergenceRule rule) {
        return result.outcome(rule).traders().stream().filter(DepegOutcome.Trader::wasLiquidated)
                .map(DepegOutcome.Trader::account).collect(Collectors.toSet());
    }

    private static DepegOutcome.Trader trader(DivergenceRule rule, long leverageTenths) {
        return result.outcome(rule).traders().stream().filter(t -> t.leverageTenths() == leverageTenths)
                .findFirst().orElseThrow();
    }
}
