package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link VenueKernelBenchmark} and prints, after JMH's own table, the ratio the benchmark
 * exists for: bare-book throughput over venue throughput, per parameter set. JMH cannot divide
 * one benchmark's score by another's, so this small launcher does it.
 *
 * <p>It takes JMH's usual options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.VenueKernelRatio -f 1 -wi 2 -i 3 -w 2s -r 2s}. Example last line:
 * {@code seed=42 accounts=4: bookOnly 27,876,476 ops/s / kernel 2,099,430 ops/s = 13.28}.
 */
public final class VenueKernelRatio {
    private VenueKernelRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the ratio. */
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(VenueKernelBenchmark.class.getName() + "\\.")
                .build();
        for (String line : ratios(run(options))) {
            System.out.println(line);
        }
    }

    private static Collection<RunResult> run(Options options) throws RunnerException {
        return new Runner(options).run();
    }

    /** One line per parameter set that has both scores. */
    static List<String> ratios(Collection<RunResult> results) {
        Map<String, double[]> byParams = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            String params = "seed=" + result.getParams().getParam("seed") + " accounts="
                    + result.getParams().getParam("accounts");
            double[] scores = byParams.computeIfAbsent(params, p -> new double[2]);
            double score = result.getPrimaryResult().getScore();
            if (method.endsWith(".bookOnly")) {
                scores[0] = score;
            } else if (method.endsWith(".kernel")) {
                scores[1] = score;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Venue kernel overhead (bare-book throughput / venue throughput, same run):");
        for (Map.Entry<String, double[]> e : byParams.entrySet()) {
            double book = e.getValue()[0];
            double kernel = e.getValue()[1];
            if (book > 0 && kernel > 0) {
                lines.add(String.format(Locale.ROOT, "%s: bookOnly %,.0f ops/s / kernel %,.0f ops/s = %.2f", e.getKey(),
                        book, kernel, book / kernel));
            }
        }
        return lines;
    }
}
