package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs {@link PoolTradeBenchmark} and prints, after JMH's table, each pool variant's throughput
 * over the book peer's from the same run, and whether it meets issue 6's goal of 5 M trades per
 * second. Takes JMH's options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.PoolTradeRatio -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}. Example line:
 * {@code pool[impact=gmx] / book: 12,000,000 vs 24,000,000 ops/s = 0.50× the book's trades per second (goal 5 M: met)}.
 */
public final class PoolTradeRatio {
    /** The goal, pool trades per second on one thread. */
    static final double GOAL = 5_000_000;

    private static final String[] POOLS = {"pool[impact=none]", "pool[impact=gmx]"};

    private PoolTradeRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the ratios. */
    public static void main(String[] args) throws Exception {
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : JmhRuns.run(PoolTradeBenchmark.class, args)) {
            String method = result.getParams().getBenchmark();
            String name = method.substring(method.lastIndexOf('.') + 1);
            String impact = result.getParams().getParam("impact");
            scores.put(impact == null ? name : name + "[impact=" + impact + "]", result.getPrimaryResult().getScore());
        }
        for (String line : ratios(scores)) {
            System.out.println(line);
        }
    }

    /** One line per pool variant measured with the peer ({@code scores}: ops/s by "pool[impact=…]" and "book"). */
    static List<String> ratios(Map<String, Double> scores) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Pool trades / book trades (trades per second on one thread, same run):");
        Double book = scores.get("book");
        for (String pool : POOLS) {
            Double measured = scores.get(pool);
            if (measured != null && book != null && measured > 0 && book > 0) {
                lines.add(String.format(Locale.ROOT, "%s / book: %,.0f vs %,.0f ops/s = %.2f× the book's trades per second"
                        + " (goal 5 M: %s)", pool, measured, book, measured / book, measured >= GOAL ? "met" : "missed"));
            }
        }
        return lines;
    }
}
