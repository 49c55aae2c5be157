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
 * The real-world companion of {@link OrderBookReplayBenchmark}: six minutes of Binance USDⓈ-M
 * BTCUSDT (depth updates and trades from {@code ../shared/data/orderflow/btcusdt_20240808.usdm.gz})
 * turned into an order flow by {@link BinanceFlow} (the mapping is documented there) and replayed
 * the same way into the same engines, one per fork. The prefill is the recorded depth snapshot
 * (2,000 orders, one per level); the benchmark phase is {@value #OPERATIONS} operations, mostly
 * GTC placements and cancels from depth churn, about 4 % IOC orders from trades.
 *
 * <p>Before timing, each fork checks that its engine reproduces the trades, lots and final book of
 * the converter's own model book, so all engines are known to make the same fills.
 *
 * <p>Run: {@code java -jar sdk-bench/target/benchmarks.jar BinanceReplayBenchmark}, or through
 * {@link OrderBookReplayRatio} with the argument {@code BinanceReplayBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
public class BinanceReplayBenchmark extends FlowReplayState {
    /**
     * Operations in the converted benchmark phase. The conversion is deterministic, so this is a
     * property of the recording; the trial setup fails if the converter ever produces another count.
     */
    public static final int OPERATIONS = 513_471;

    @Override
    protected OrderFlow loadFlow() {
        return BinanceFlow.load().flow();
    }

    @Override
    protected int declaredOperations() {
        return OPERATIONS;
    }

    /** The benchmark phase, once, into a book prefilled from the snapshot. */
    @Benchmark
    @OperationsPerInvocation(OPERATIONS)
    public long replay() {
        return replayBenchmarkPhase();
    }
}
