package io.fulcrum.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 3's order-book benchmark: the shared synthetic flow
 * ({@code ../shared/data/orderflow/synthetic-flow-seed20240601-2M.csv.gz}, see FLOW.md) replayed
 * into Fulcrum's {@code OrderBook} and into exchange-core 0.5.3's {@code OrderBookDirectImpl} and
 * {@code OrderBookNaiveImpl}, one engine per fork ({@code engine} parameter). Each invocation
 * replays the 2,000,000-operation benchmark phase into a freshly prefilled book (4,000 orders);
 * see {@link FlowReplayState} for why the mode is single-shot and how the books are prepared.
 * Before timing, each fork checks that its engine reproduces FLOW.md exactly: 724,158 trades,
 * 2,204,204 lots, and a final book of 1,714 bids (9,318 lots) and 1,724 asks (9,303 lots).
 *
 * <p>Score: ns per operation ({@code ns/op}); ops/s is 10^9 / score.
 * {@link OrderBookReplayRatio} runs all three engines and prints both, the ratios, and
 * {@code -prof gc}'s bytes per operation.
 *
 * <p>Run: {@code java -jar sdk-bench/target/benchmarks.jar OrderBookReplayBenchmark} (defaults: 1
 * fork per engine, 5 warm-up and 20 measured shots; override with {@code -f -wi -i}, pick engines
 * with {@code -p engine=fulcrum,exchange-core-direct}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class OrderBookReplayBenchmark extends FlowReplayState {
    /** Operations in the flow's benchmark phase. */
    public static final int OPERATIONS = 2_000_000;

    @Override
    protected OrderFlow loadFlow() {
        return SyntheticFlow.load();
    }

    @Override
    protected int declaredOperations() {
        return OPERATIONS;
    }

    /** The benchmark phase, once, into a prefilled book. */
    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public long replay() {
        return replayBenchmarkPhase();
    }
}
