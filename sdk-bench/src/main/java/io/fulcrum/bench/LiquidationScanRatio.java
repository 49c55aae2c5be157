package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link LiquidationScanBenchmark} and prints, after JMH's table, what issue 5 asks for:
 * ns/op of both methods per kind of move, the speed-up {@code rescan / indexed}, bytes per
 * operation when run with {@code -prof gc}, and how many accounts the index had the venue
 * evaluate (measured once, outside JMH, on the same population).
 *
 * <p>It takes JMH's usual options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.LiquidationScanRatio -f 1 -wi 3 -i 5 -prof gc}. The last lines of the run
 * recorded in sdk-bench/README.md:
 * <pre>
 * LiquidationScanBenchmark (same run; ns/op ± 99.9% CI; B/op from -prof gc)
 *   move    method              ns/op                    B/op
 *   first   indexed       4,359,801.4 ± 1,494,116.8      24.79
 *   first   rescan       15,622,763.3 ±  641,180.6      45.47
 *   steady  indexed          14,709.3 ±   13,078.0       0.04
 *   steady  rescan       14,528,880.6 ± 1,267,502.5      42.45
 *   first: rescan / indexed = 3.6
 *   steady: rescan / indexed = 987.7
 * Population: 1,000,000 accounts, 3,024,871 positions, 153,200 in market 0 (BTC)
 *   first fall of 1 %: 2,386 candidates evaluated, 726 below maintenance
 *   rise back: 0 candidates
 *   next fall (steady): 726 candidates evaluated, 726 below maintenance
 * </pre>
 */
public final class LiquidationScanRatio {
    private static final String NORM = "gc.alloc.rate.norm";

    private LiquidationScanRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the summary. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = JmhRuns.run(LiquidationScanBenchmark.class, args);
        Map<String, Map<String, Row>> rows = new TreeMap<>();
        String seed = "42";
        String accounts = "1000000";
        for (RunResult result : results) {
            String move = result.getParams().getParam("move");
            String method = result.getParams().getParam("method");
            if (move == null || method == null) {
                continue;
            }
            seed = result.getParams().getParam("seed");
            accounts = result.getParams().getParam("accounts");
            Result<?> primary = result.getPrimaryResult();
            double toNanos = OrderBookReplayRatio.nanosPerOp(primary.getScoreUnit());
            Result<?> norm = result.getSecondaryResults().get(NORM);
            rows.computeIfAbsent(move, m -> new TreeMap<>()).put(method, new Row(primary.getScore() * toNanos,
                    primary.getScoreError() * toNanos, norm == null ? Double.NaN : norm.getScore()));
        }
        for (String line : summary(rows)) {
            System.out.println(line);
        }
        for (String line : workload(Long.parseLong(seed), Integer.parseInt(accounts))) {
            System.out.println(line);
        }
    }

    /** One method's score: nanoseconds per operation, its error, and bytes per operation if profiled. */
    record Row(double nsPerOp, double nsError, double bytesPerOp) {}

    /** The summary lines: one row per (move, method), then one ratio per move that has both methods. */
    static List<String> summary(Map<String, Map<String, Row>> rowsByMove) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("LiquidationScanBenchmark (same run; ns/op ± 99.9% CI; B/op from -prof gc)");
        lines.add(String.format(Locale.ROOT, "  %-7s %-8s %16s %12s %10s", "move", "method", "ns/op", "", "B/op"));
        for (Map.Entry<String, Map<String, Row>> move : rowsByMove.entrySet()) {
            for (Map.Entry<String, Row> method : move.getValue().entrySet()) {
                Row row = method.getValue();
                lines.add(String.format(Locale.ROOT, "  %-7s %-8s %,16.1f ± %10s %10s", move.getKey(), method.getKey(),
                        row.nsPerOp(), orDash(row.nsError(), "%,.1f"), orDash(row.bytesPerOp(), "%.2f")));
            }
        }
        for (Map.Entry<String, Map<String, Row>> move : rowsByMove.entrySet()) {
            Row indexed = move.getValue().get("indexed");
            Row rescan = move.getValue().get("rescan");
            if (indexed != null && rescan != null) {
                lines.add(String.format(Locale.ROOT, "  %s: rescan / indexed = %.1f", move.getKey(),
                        rescan.nsPerOp() / indexed.nsPerOp()));
            }
        }
        return lines;
    }

    /**
     * How much work the index leaves the venue, on the benchmark's population: candidates and
     * breaches of the first fall, then of a fall in the steady regime (after a rise back).
     */
    static List<String> workload(long seed, int accounts) {
        LiquidationScanPopulation population = LiquidationScanPopulation.generate(seed, accounts);
        LiquidationScanDriver driver = LiquidationScanDriver.indexed(population);
        long level = driver.level();
        long low = LiquidationScanBenchmark.fallByOnePercent(level);
        int holders = 0;
        for (int p = 0; p < population.positions(); p++) {
            holders += population.positionMarket[p] == LiquidationScanDriver.MARKET ? 1 : 0;
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Population: %,d accounts, %,d positions, %,d in market 0 (%s)", accounts,
                population.positions(), holders, LiquidationScanPopulation.MARKET_NAMES[0]));
        int breached = driver.move(low, account -> { });
        lines.add(String.format(Locale.ROOT, "  first fall of 1 %%: %,d candidates evaluated, %,d below maintenance",
                driver.lastCandidates(), breached));
        driver.move(level, account -> { });
        lines.add(String.format(Locale.ROOT, "  rise back: %,d candidates", driver.lastCandidates()));
        breached = driver.move(low, account -> { });
        lines.add(String.format(Locale.ROOT, "  next fall (steady): %,d candidates evaluated, %,d below maintenance",
                driver.lastCandidates(), breached));
        return lines;
    }

    private static String orDash(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }
}
