package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link OrderBookReplayBenchmark} for every engine in one JMH run (each in its own fork)
 * and prints, after JMH's table, what issue 3 asks for: ops/s and ns/op per engine, Fulcrum's
 * throughput as a multiple of each exchange-core book's, and, when run with {@code -prof gc},
 * bytes allocated per operation.
 *
 * <p>It takes JMH's usual options; unlike JMH it stops at the first failure (an engine that does
 * not reproduce the flow) unless {@code -foe false} is given. With no benchmark pattern it runs
 * {@code OrderBookReplayBenchmark}; name {@code BinanceReplayBenchmark} (or both) to run the
 * real-world flow instead. Example (the run recorded in sdk-bench/README.md):
 * <pre>
 * java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.OrderBookReplayRatio -prof gc
 * ...
 * OrderBookReplayBenchmark (same run; ns/op ± 99.9% CI; ops/s = 10^9 / ns/op; B/op from -prof gc)
 *   engine                          ops/s              ns/op       B/op
 *   fulcrum                    10,526,680       95.0 ±   3.3      65.54
 *   exchange-core-direct        9,682,370      103.3 ±   4.7      44.11
 *   exchange-core-naive         2,950,053      339.0 ±  15.5     331.54
 *   fulcrum / exchange-core-direct throughput: 1.09
 *   fulcrum / exchange-core-naive throughput: 3.57
 * </pre>
 */
public final class OrderBookReplayRatio {
    private static final String NORM = "gc.alloc.rate.norm";

    private OrderBookReplayRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the summary. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            builder.include(OrderBookReplayBenchmark.class.getName() + "\\.");
        }
        if (!commandLine.shouldFailOnError().hasValue()) {
            // An engine that fails its check before timing must stop the run, not drop out of the table.
            builder.shouldFailOnError(true);
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        for (String line : summary(results)) {
            System.out.println(line);
        }
    }

    /** One score of one engine: nanoseconds per operation, its error, and bytes per operation if profiled. */
    record Row(double nsPerOp, double nsError, double bytesPerOp) {
        double opsPerSecond() {
            return 1e9 / nsPerOp;
        }
    }

    /** The summary lines, one block per benchmark class. */
    static List<String> summary(Collection<RunResult> results) {
        Map<String, Map<String, Row>> byBenchmark = new TreeMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String engine = result.getParams().getParam("engine");
            if (engine == null) {
                continue;
            }
            Result<?> primary = result.getPrimaryResult();
            double toNanos = nanosPerOp(primary.getScoreUnit());
            Result<?> norm = result.getSecondaryResults().get(NORM);
            Row row = new Row(primary.getScore() * toNanos, primary.getScoreError() * toNanos,
                    norm == null ? Double.NaN : norm.getScore());
            String name = benchmark.substring(0, benchmark.lastIndexOf('.'));
            byBenchmark.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), b -> new LinkedHashMap<>())
                    .put(engine, row);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, Row>> benchmark : byBenchmark.entrySet()) {
            Map<String, Row> rows = benchmark.getValue();
            lines.add("");
            lines.add(benchmark.getKey() + " (same run; ns/op ± 99.9% CI; ops/s = 10^9 / ns/op; B/op from -prof gc)");
            lines.add(String.format(Locale.ROOT, "  %-22s %14s %18s %10s", "engine", "ops/s", "ns/op", "B/op"));
            for (String engine : BookDriver.ENGINES) {
                Row row = rows.get(engine);
                if (row != null) {
                    // JMH reports no error for fewer than two measured shots, and no B/op without -prof gc.
                    lines.add(String.format(Locale.ROOT, "  %-22s %,14.0f %10.1f ± %5s %10s", engine, row.opsPerSecond(),
                            row.nsPerOp(), orDash(row.nsError(), "%.1f"), orDash(row.bytesPerOp(), "%.2f")));
                }
            }
            Row fulcrum = rows.get(BookDriver.FULCRUM);
            for (String peer : List.of(BookDriver.EXCHANGE_CORE_DIRECT, BookDriver.EXCHANGE_CORE_NAIVE)) {
                Row other = rows.get(peer);
                if (fulcrum != null && other != null) {
                    lines.add(String.format(Locale.ROOT, "  fulcrum / %s throughput: %.2f", peer,
                            fulcrum.opsPerSecond() / other.opsPerSecond()));
                }
            }
        }
        return lines;
    }

    private static String orDash(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    /**
     * The factor that turns a score in {@code unit} ({@code ns/op}, or another time per operation
     * if {@code -tu} changed it) into nanoseconds per operation. A throughput score (a mode
     * overridden with {@code -bm}) is refused: the benchmarks are single-shot by design.
     */
    static double nanosPerOp(String unit) {
        String[] parts = unit.split("/");
        if (parts.length == 2 && parts[1].equals("op")) {
            return nanos(parts[0]);
        }
        throw new IllegalArgumentException("expected a time-per-operation score (the benchmarks' single-shot mode), got "
                + unit);
    }

    private static double nanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
