package io.fulcrum.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What scenario-grid portfolio margin costs per account evaluation, against cross margin on the
 * same account as the peer ({@link PortfolioMarginRatio} prints the ratios). The account
 * ({@link PortfolioMarginInputs}): 20 positions (16 perps, 4 spot holdings) over 8 underlyings,
 * resting orders in 4 markets; portfolio margin revalues it in SPAN's 16 scenarios with one
 * correlation group and one offset credit.
 * <ul>
 *   <li>{@link #portfolioInto}: {@code PortfolioMargin.evaluateInto}, the allocation-free path;
 *   <li>{@link #portfolio}: {@code PortfolioMargin.evaluate} through the {@code MarginModel} SPI,
 *       which returns a new {@code MarginState};
 *   <li>{@link #cross} (peer): {@code CrossMargin.evaluate} with the same collateral policy.
 * </ul>
 * Average time per evaluation, ns. Run with {@code -prof gc} for bytes per evaluation:
 * {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.PortfolioMarginRatio -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PortfolioMarginBenchmark {

    /** The account, prices and models, built once: they are immutable. */
    @State(Scope.Thread)
    public static class Inputs {
        PortfolioMarginInputs inputs;
        long[] out;

        /** Builds everything once per trial. */
        @Setup(Level.Trial)
        public void setUp() {
            inputs = new PortfolioMarginInputs();
            out = new long[3];
        }
    }

    /** Portfolio margin into a caller's array: no allocation. */
    @Benchmark
    public long portfolioInto(Inputs s) {
        s.inputs.portfolio.evaluateInto(s.inputs.account, s.inputs.prices, s.out);
        return s.out[0] + s.out[1] + s.out[2];
    }

    /** Portfolio margin through the SPI: one {@code MarginState} per call. */
    @Benchmark
    public void portfolio(Inputs s, Blackhole bh) {
        bh.consume(s.inputs.portfolio.evaluate(s.inputs.account, s.inputs.prices));
    }

    /** The peer: cross margin on the same account. */
    @Benchmark
    public void cross(Inputs s, Blackhole bh) {
        bh.consume(s.inputs.cross.evaluate(s.inputs.account, s.inputs.prices));
    }
}
