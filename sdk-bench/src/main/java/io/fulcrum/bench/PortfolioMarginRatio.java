package io.fulcrum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link PortfolioMarginBenchmark} and prints, after JMH's table, each portfolio-margin
 * evaluation's time over cross margin's in the same run (JMH cannot divide one score by
 * another). Takes JMH's options: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.PortfolioMarginRatio -prof gc}. Example line:
 * {@code portfolioInto / cross: 900.0 vs 600.0 ns/op = 1.50× the time per evaluation}.
 */
public final class PortfolioMarginRatio {
    /** Each measured benchmark and its peer. */
    static final String[][] PAIRS = {{"portfolioInto", "cross"}, {"portfolio", "cross"}};

    private PortfolioMarginRatio() {}

    /** Runs the benchmark with JMH's command-line {@code args} and prints the ratios. */
    public static void main(String[] args) throws Exception {
        Map<String, Double> scores = JmhRuns.scoresByMethod(JmhRuns.run(PortfolioMarginBenchmark.class, args));
        for (String line : ratios(scores)) {
            System.out.println(line);
        }
    }

    /** One line per pair whose two times ({@code scores}, ns/op by method name) were both measured. */
    static List<String> ratios(Map<String, Double> scores) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Portfolio margin / cross margin (time per evaluation, same run, same 20-position account):");
        for (String[] pair : PAIRS) {
            Double measured = scores.get(pair[0]);
            Double peer = scores.get(pair[1]);
            if (measured != null && peer != null && measured > 0 && peer > 0) {
                lines.add(String.format(Locale.ROOT, "%s / %s: %.1f vs %.1f ns/op = %.2f× the time per evaluation",
                        pair[0], pair[1], measured, peer, measured / peer));
            }
        }
        return lines;
    }
}
