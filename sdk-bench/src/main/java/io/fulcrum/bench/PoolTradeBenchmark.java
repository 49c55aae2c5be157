package io.fulcrum.bench;

import java.util.concurrent.TimeUnit;
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
 * Issue 6's pool benchmark: oracle-pool trades per second on one thread, against an order-book
 * trade as the peer in the same run ({@link PoolTradeRatio} prints the ratios).
 * <ul>
 *   <li>{@link #pool}: one taker order filled by {@code OraclePool} through
 *       {@code MatchingEngine.place}, after {@code onPoolState} as the venue calls it
 *       ({@link PoolTradeLoop}); {@code impact=none} prices at the index with a 5 ppm spread,
 *       {@code impact=gmx} with GMX v2's ETH price impact (MECHANISMS.md §3.1);
 *   <li>{@link #book} (peer): a maker rests in an {@code OrderBook} and an IOC taker takes it
 *       ({@link PoolTradeBookPeer}).
 * </ul>
 * Score: trades per second. Goal: at least 5,000,000 pool trades per second and, with
 * {@code -prof gc}, 0 bytes per trade. Run: {@code java -cp sdk-bench/target/benchmarks.jar
 * io.fulcrum.bench.PoolTradeRatio -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PoolTradeBenchmark {

    /** The pool and its trader; only {@link #pool} uses it, so only it runs once per impact. */
    @State(Scope.Thread)
    public static class Pool {
        /** The pool's pricing: "none" (index ± 5 ppm) or "gmx" (ETH price impact, no spread). */
        @Param({"none", "gmx"})
        public String impact;

        PoolTradeLoop trades;

        /** A fresh pool and open interest per trial. */
        @Setup(Level.Trial)
        public void setUp() {
            trades = new PoolTradeLoop(impact);
        }
    }

    /** The peer's book. */
    @State(Scope.Thread)
    public static class Book {
        PoolTradeBookPeer trades;

        /** A fresh, empty book per trial; every trade leaves it empty. */
        @Setup(Level.Trial)
        public void setUp() {
            trades = new PoolTradeBookPeer();
        }
    }

    /** One pool trade; returns its price so nothing is optimised away. */
    @Benchmark
    public long pool(Pool s) {
        return s.trades.trade();
    }

    /** The peer: one book trade (a maker rests, a taker takes it). */
    @Benchmark
    public long book(Book s) {
        return s.trades.trade();
    }
}
