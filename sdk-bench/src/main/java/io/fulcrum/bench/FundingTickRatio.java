package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link FundingTickBenchmark} and prints, after JMH's table, what issue 7 asks for: ns per
 * funding tick of both methods for each number of accounts, the same per holder, bytes per tick
 * when run with {@code -prof gc}, and {@code perAccount / indexed}, the cost of paying every
 * position at every tick over paying into the index.
 *
 * <p>It takes JMH's usual options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.FundingTickRatio -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}. The last lines of the run
 * recorded in sdk-bench/README.md:
 * <pre>
 * FundingTickBenchmark (same run; ns/op ± 99.9% CI; ns/holder = ns/op / accounts; B/op from -prof gc)
 *   accounts  method                ns/op               ns/holder           B/op
 *      1,000  indexed           109,812.3 ±   16,968.9      109.8     344,391.35
 *      1,000  perAccount        696,738.0 ±  445,215.6      696.7     635,410.06
 *     10,000  indexed         1,316,783.1 ±  891,489.1      131.7   3,440,513.30
 *     10,000  perAccount      7,114,916.8 ± 3,005,682.5      711.5   6,612,052.93
 *   1,000 accounts: perAccount / indexed = 6.34
 *   10,000 accounts: perAccount / indexed = 5.40
 * </pre>
 */
public final class FundingTickRatio {
    private static final String NORM = "gc.alloc.rate.norm";

    private FundingTickRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the summary. */
    public static void main(String[] args) throws Exception {
        Map<Integer, Map<String, Row>> rows = new TreeMap<>();
        for (RunResult result : JmhRuns.run(FundingTickBenchmark.class, args)) {
            String accounts = result.getParams().getParam("accounts");
            String method = result.getParams().getParam("method");
            if (accounts == null || method == null) {
                continue;
            }
            Result<?> primary = result.getPrimaryResult();
            double toNanos = OrderBookReplayRatio.nanosPerOp(primary.getScoreUnit());
            Result<?> norm = result.getSecondaryResults().get(NORM);
            rows.computeIfAbsent(Integer.parseInt(accounts), a -> new TreeMap<>()).put(method,
                    new Row(primary.getScore() * toNanos, primary.getScoreError() * toNanos,
                            norm == null ? Double.NaN : norm.getScore()));
        }
        for (String line : summary(rows)) {
            System.out.println(line);
        }
    }

    /** One method's score: nanoseconds per tick, its error (NaN if JMH gave none), and bytes per tick (NaN without {@code -prof gc}). */
    record Row(double nsPerOp, double nsError, double bytesPerOp) {}

    /**
     * The summary lines: a blank line, a title, a header, one row per (accounts, method) in
     * ascending accounts and method name, then {@code perAccount / indexed} for each number of
     * accounts that has both methods. Example: 1,000 accounts at 200,000 ns ({@code indexed}) and
     * 600,000 ns ({@code perAccount}) give {@code "  1,000 accounts: perAccount / indexed = 3.00"}.
     */
    static List<String> summary(Map<Integer, Map<String, Row>> rowsByAccounts) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("FundingTickBenchmark (same run; ns/op ± 99.9% CI; ns/holder = ns/op / accounts; B/op from -prof gc)");
        lines.add(String.format(Locale.ROOT, "  %8s  %-10s %16s %12s %10s %14s", "accounts", "method", "ns/op", "",
                "ns/holder", "B/op"));
        for (Map.Entry<Integer, Map<String, Row>> accounts : rowsByAccounts.entrySet()) {
            for (Map.Entry<String, Row> method : accounts.getValue().entrySet()) {
                Row row = method.getValue();
                lines.add(String.format(Locale.ROOT, "  %,8d  %-10s %,16.1f ± %10s %,10.1f %14s", accounts.getKey(),
                        method.getKey(), row.nsPerOp(), orDash(row.nsError(), "%,.1f"),
                        row.nsPerOp() / accounts.getKey(), orDash(row.bytesPerOp(), "%,.2f")));
            }
        }
        for (Map.Entry<Integer, Map<String, Row>> accounts : rowsByAccounts.entrySet()) {
            Row indexed = accounts.getValue().get("indexed");
            Row perAccount = accounts.getValue().get("perAccount");
            if (indexed != null && perAccount != null) {
                lines.add(String.format(Locale.ROOT, "  %,d accounts: perAccount / indexed = %.2f", accounts.getKey(),
                        perAccount.nsPerOp() / indexed.nsPerOp()));
            }
        }
        return lines;
    }

    private static String orDash(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }
}
