package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link OracleBenchmark} and prints, after JMH's own table, its four cost ratios: how many
 * times longer one operation takes than the peer's, that is the peer's throughput over the
 * benchmark's, both from this run. JMH cannot divide one score by another, so this launcher
 * does it.
 *
 * <p>It takes JMH's usual options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.OracleRatio -f 1 -wi 2 -i 3 -w 1s -r 1s}; a pattern runs only the benchmarks it
 * names ({@code 'OracleBenchmark\.(plain|guarded)'}). Example line:
 * {@code aggregated8 / single: 1,500,000 vs 90,000,000 ops/s = 60.00× the time per operation}.
 */
public final class OracleRatio {
    /** Each measured benchmark and its peer, in the order printed. */
    static final String[][] PAIRS = {
        {"aggregated8", "single"},
        {"confidenceVote8", "single"},
        {"hyperliquidMark", "indexMark"},
        {"guarded", "plain"},
    };

    private OracleRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the ratios. */
    public static void main(String[] args) throws Exception {
        Map<String, Double> scores = JmhRuns.scoresByMethod(JmhRuns.run(OracleBenchmark.class, args));
        for (String line : ratios(scores)) {
            System.out.println(line);
        }
    }

    /** One line per pair whose two throughputs ({@code scores}, ops/s by method name) were both measured. */
    static List<String> ratios(Map<String, Double> scores) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Oracle cost ratios (peer throughput / benchmark throughput = time per operation relative to the peer,"
                + " same run):");
        for (String[] pair : PAIRS) {
            Double measured = scores.get(pair[0]);
            Double peer = scores.get(pair[1]);
            if (measured != null && peer != null && measured > 0 && peer > 0) {
                lines.add(String.format(Locale.ROOT, "%s / %s: %,.0f vs %,.0f ops/s = %.2f× the time per operation",
                        pair[0], pair[1], measured, peer, peer / measured));
            }
        }
        return lines;
    }
}
