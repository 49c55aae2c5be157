package io.fulcrum.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the health index saves when a price moves: finding every account below maintenance after
 * market 0 (BTC) moves by 1 %, among {@code accounts} cross-margined accounts with 1 to 5
 * positions each in 20 markets ({@link LiquidationScanPopulation}). Two methods find the same
 * accounts (a test checks it): {@code rescan} evaluates every account; {@code indexed} asks a
 * {@code ThresholdIndex} which thresholds the move reached, evaluates those accounts only and
 * re-tracks the ones still healthy ({@link LiquidationScanDriver}). {@code rescan / indexed} is
 * the index's speed-up; {@link LiquidationScanRatio} prints it.
 *
 * <p>Two kinds of move ({@code move} parameter):
 * <ul>
 *   <li>{@code steady}: market 0 alternates between its level and 1 % below, one move per
 *       operation. After the first fall, accounts the fall brought close to maintenance have been
 *       re-tracked at the lower price, so later falls evaluate only the accounts below
 *       maintenance (and those with no buffer left); rises evaluate the few shorts with no buffer.
 *       This is the index's everyday regime.</li>
 *   <li>{@code first}: every operation is the first 1 % fall from the starting state, in which
 *       every account's thresholds were computed at the level: each near-threshold account is a
 *       candidate, evaluated and re-tracked. Before each operation (outside the timing) the
 *       previous one is undone: the price goes back and the re-tracked accounts get their
 *       starting thresholds again. This is the index's worst regular case.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.LiquidationScanRatio
 * -prof gc} (defaults: 1 fork, 3 × 2 s warm-up, 5 × 2 s measurement). Setting up 1,000,000
 * accounts and their index takes a few seconds per fork.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LiquidationScanBenchmark {
    /** {@code indexed} or {@code rescan}. */
    @Param({"indexed", "rescan"})
    public String method;

    /** {@code steady} or {@code first}. */
    @Param({"steady", "first"})
    public String move;

    /** How many accounts. */
    @Param("1000000")
    public int accounts;

    /** The population's seed. */
    @Param("42")
    public long seed;

    private LiquidationScanDriver driver;
    private boolean firstMoves;
    private long level;
    private long low;
    private long moves;
    private final BreachSink sink = new BreachSink();

    /** Generates the population and, for {@code indexed}, tracks every account. */
    @Setup(Level.Trial)
    public void setUp() {
        LiquidationScanPopulation population = LiquidationScanPopulation.generate(seed, accounts);
        driver = switch (method) {
            case "indexed" -> LiquidationScanDriver.indexed(population);
            case "rescan" -> LiquidationScanDriver.rescan(population);
            default -> throw new IllegalArgumentException("method must be indexed or rescan: " + method);
        };
        firstMoves = switch (move) {
            case "first" -> true;
            case "steady" -> false;
            default -> throw new IllegalArgumentException("move must be steady or first: " + move);
        };
        level = driver.level();
        low = fallByOnePercent(level);
    }

    /** For {@code first}: undoes the previous fall, outside the timing. Nothing for {@code steady}. */
    @Setup(Level.Invocation)
    public void undoPreviousFall() {
        if (firstMoves) {
            driver.restoreStart();
        }
    }

    /** One 1 % move of market 0 and every account it took below maintenance; returns a checksum of them. */
    @Benchmark
    public long moveAndFindBreaches() {
        long price = firstMoves || (moves++ & 1) == 0 ? low : level;
        sink.checksum = 0;
        int found = driver.move(price, sink);
        return sink.checksum + found;
    }

    /** {@code price} less 1 %, rounded toward the price. */
    static long fallByOnePercent(long price) {
        return price - price / 100;
    }

    /** Sums the breached accounts' numbers, so the work cannot be optimised away; allocates nothing. */
    static final class BreachSink implements LongConsumer {
        long checksum;

        @Override
        public void accept(long account) {
            checksum += account;
        }
    }
}
