package io.fulcrum.bench;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.oracle.PriceAggregator;
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
 * What the oracle layer costs, as three ratios of throughputs measured in the same run, each
 * against a simpler peer doing the same job ({@link OracleRatio} prints them):
 * <ol>
 *   <li><b>Reading an index.</b> {@link #aggregated8}: Hyperliquid's index, a weighted median of
 *       eight fresh spot feeds with a 5-fresh minimum and a divergence check
 *       (MECHANISMS.md §1.2); {@link #confidenceVote8}: the same with Pyth's confidence vote
 *       (§8.2); peer {@link #single}: one pushed feed (§8.1). The observations are a precomputed
 *       map lookup ({@link OracleInputs}).
 *   <li><b>Computing a mark.</b> {@link #hyperliquidMark}: Hyperliquid's median of index + basis
 *       EMA, book median and five external perp feeds (§1.2), the clock advancing 1 s per call
 *       so both EMAs take a sample every time; peer {@link #indexMark}:
 *       {@link MarkPriceRule#INDEX} on the same inputs.
 *   <li><b>A price update through a whole venue</b> ({@link OracleVenueReplay}): one
 *       {@code PublishPrice} re-pricing a BTC market with a book and 101 accounts with positions,
 *       re-marking it and re-examining every account. {@link #guarded}: aggregated index of five
 *       feeds, {@code HyperliquidMark}, {@code CircuitBreaker}; peer {@link #plain}: one pushed
 *       feed marked at the index.
 * </ol>
 * Every benchmark does one operation per call, so scores are operations per second. The state
 * of each part is built once per trial; the mark's clock and the venues' command ids and times
 * keep counting across iterations, as the mark's EMAs and a venue require.
 *
 * <p>Run: {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.OracleRatio -f 1 -wi 2
 * -i 3 -w 1s -r 1s} (defaults below: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OracleBenchmark {

    /** The sources of part 1 and the observations they read. */
    @State(Scope.Thread)
    public static class IndexState {
        FeedObservations observations;
        PriceSource single;
        PriceSource aggregated8;
        PriceSource confidenceVote8;
        long now;

        /** Builds the sources once: they are immutable. */
        @Setup(Level.Trial)
        public void setUp() {
            observations = OracleInputs.observations();
            single = OracleInputs.single();
            aggregated8 = OracleInputs.aggregated8(PriceAggregator.weightedMedian());
            confidenceVote8 = OracleInputs.aggregated8(PriceAggregator.confidenceVote());
            now = OracleInputs.READ_TIME;
        }
    }

    /** The rules of part 2, the mark state and the clock. */
    @State(Scope.Thread)
    public static class MarkState {
        FeedObservations observations;
        MarkPriceRule hyperliquid;
        MarkPriceRule index;
        long[] hyperliquidState;
        long[] indexState;
        long time;

        /** The state is zeroed once, as a venue zeroes it when it lists the market. */
        @Setup(Level.Trial)
        public void setUp() {
            observations = OracleInputs.observations();
            hyperliquid = OracleInputs.hyperliquidMark();
            index = MarkPriceRule.INDEX;
            hyperliquidState = new long[hyperliquid.stateSize()];
            indexState = new long[index.stateSize()];
            time = OracleInputs.READ_TIME;
        }
    }

    /** The plain venue of part 3. */
    @State(Scope.Thread)
    public static class PlainVenue {
        OracleVenueReplay replay;

        /** One venue for the whole trial: ids and times run on across iterations. */
        @Setup(Level.Trial)
        public void setUp() {
            replay = new OracleVenueReplay(OracleVenueReplay.Variant.PLAIN);
        }
    }

    /** The guarded venue of part 3. */
    @State(Scope.Thread)
    public static class GuardedVenue {
        OracleVenueReplay replay;

        /** One venue for the whole trial: ids and times run on across iterations. */
        @Setup(Level.Trial)
        public void setUp() {
            replay = new OracleVenueReplay(OracleVenueReplay.Variant.GUARDED);
        }
    }

    /** Part 1's peer: one pushed feed. */
    @Benchmark
    public void single(IndexState s, Blackhole bh) {
        bh.consume(s.single.read(s.observations, s.now));
    }

    /** Part 1: weighted median of eight feeds with Hyperliquid's weights. */
    @Benchmark
    public void aggregated8(IndexState s, Blackhole bh) {
        bh.consume(s.aggregated8.read(s.observations, s.now));
    }

    /** Part 1: Pyth's confidence vote over the same eight feeds. */
    @Benchmark
    public void confidenceVote8(IndexState s, Blackhole bh) {
        bh.consume(s.confidenceVote8.read(s.observations, s.now));
    }

    /** Part 2's peer: the mark is the index. */
    @Benchmark
    public void indexMark(MarkState s, Blackhole bh) {
        s.time += 1_000;
        bh.consume(s.index.markPrice(OracleInputs.markInputs(s.time, s.observations), s.indexState));
    }

    /** Part 2: Hyperliquid's mark, its EMAs sampled one second after the previous call. */
    @Benchmark
    public void hyperliquidMark(MarkState s, Blackhole bh) {
        s.time += 1_000;
        bh.consume(s.hyperliquid.markPrice(OracleInputs.markInputs(s.time, s.observations), s.hyperliquidState));
    }

    /** Part 3's peer: one price update through the plain venue. */
    @Benchmark
    public void plain(PlainVenue s, Blackhole bh) {
        bh.consume(s.replay.publishNext());
    }

    /** Part 3: one price update through the guarded venue. */
    @Benchmark
    public void guarded(GuardedVenue s, Blackhole bh) {
        bh.consume(s.replay.publishNext());
    }
}
