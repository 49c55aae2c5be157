package io.fulcrum.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the ratio launchers share: run one benchmark class with JMH's command-line options (all
 * of its methods unless a pattern on the command line narrows them) and read the primary scores
 * back by method name, since JMH cannot divide one score by another.
 */
final class JmhRuns {
    private JmhRuns() {}

    /** Runs {@code benchmark} with JMH's command-line {@code args}. */
    static Collection<RunResult> run(Class<?> benchmark, String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            // Given a pattern (say "OracleBenchmark.(plain|guarded)"), run only what it names.
            builder.include(benchmark.getName() + "\\.");
        }
        return new Runner(builder.build()).run();
    }

    /** Each result's primary score, by the benchmark method's simple name. */
    static Map<String, Double> scoresByMethod(Collection<RunResult> results) {
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            scores.put(method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        return scores;
    }
}
