package io.fulcrum.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the venue kernel costs around its order book, as a ratio of two throughputs measured in
 * the same run: {@link #kernel} sends a seeded stream of places, crossing orders and cancels
 * through a whole {@code Venue} (validation, pre-trade cross-margin check, settlement, fees,
 * events), {@link #bookOnly} replays the same stream into a bare {@code OrderBook} with a sink
 * that only counts fills. Both make the same fills (a test checks it), so
 * {@code bookOnly / kernel} is the kernel's overhead factor on this machine, and {@code kernel}
 * alone is commands per second.
 *
 * <p>Each invocation replays one segment of {@value #SEGMENT} operations (which leaves the book
 * empty), so scores are operations per second. Each iteration starts from a fresh venue and book;
 * order ids, command ids and times keep increasing across the segments of an iteration.
 *
 * <p>Run: {@code java -jar sdk-bench/target/benchmarks.jar VenueKernelBenchmark} (defaults: 1 fork,
 * 3 × 2 s warm-up, 5 × 2 s measurement; override with {@code -f -wi -w -i -r}, the stream with
 * {@code -p seed=7 -p accounts=8}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VenueKernelBenchmark {
    /** Operations per segment, and so per invocation. */
    public static final int SEGMENT = 1_000;

    /** The stream's seed. */
    @Param("42")
    public long seed;

    /** How many accounts place the orders (self-trades included, as the kernel allows them). */
    @Param("4")
    public int accounts;

    private OrderStream stream;
    private KernelReplay kernelReplay;
    private BookReplay bookReplay;

    /** Generates the stream once per trial: both benchmarks replay the same operations. */
    @Setup(Level.Trial)
    public void generate() {
        stream = OrderStream.generate(seed, accounts, SEGMENT);
    }

    /** A fresh venue and a fresh book for every iteration, so no iteration inherits another's drift. */
    @Setup(Level.Iteration)
    public void freshVenueAndBook() {
        kernelReplay = new KernelReplay(stream);
        bookReplay = new BookReplay(stream);
    }

    /** One segment through the whole venue; returns its fills so nothing is optimised away. */
    @Benchmark
    @OperationsPerInvocation(SEGMENT)
    public int kernel() {
        return kernelReplay.replaySegment();
    }

    /** The same segment into the bare book. */
    @Benchmark
    @OperationsPerInvocation(SEGMENT)
    public int bookOnly() {
        return bookReplay.replaySegment();
    }
}
