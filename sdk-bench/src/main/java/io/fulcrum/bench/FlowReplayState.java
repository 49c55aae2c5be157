package io.fulcrum.bench;

import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What {@link OrderBookReplayBenchmark} and {@link BinanceReplayBenchmark} share: the flow, the
 * engine parameter, the check before timing, and a supply of prefilled books.
 *
 * <p><b>Why single-shot over the whole benchmark phase.</b> A flow is a trajectory, not a loop:
 * every cancel and move names an order that rests at that moment, so its operations can only be
 * replayed once, in order, from the prefilled book. Each invocation therefore replays the whole
 * benchmark phase once into a fresh prefilled book, and JMH times it as one shot
 * ({@code Mode.SingleShotTime}, divided by the phase's operation count through
 * {@code @OperationsPerInvocation}): the score is nanoseconds per operation averaged over exactly
 * the workload the flow defines, and ops/s is 10^9 divided by it. A shot lasts 0.1-1 s, far above
 * timer resolution, and the warm-up shots are whole replays too, so the JIT has compiled the
 * steady state before the first measured shot.
 *
 * <p><b>Why the books are built up front.</b> Building a prefilled book allocates (its orders,
 * its levels). Were that done per invocation, {@code -prof gc} would charge it to the timed
 * operations. So the trial setup builds one prefilled book for every invocation the run will make
 * (counted from JMH's warm-up and measurement settings) and each invocation takes the next; the
 * profiled window then holds the replay alone. If the supply runs out (an unusual command line),
 * a book is built in the invocation's setup, which costs a little allocation, not correctness.
 *
 * <p>The trial setup first replays the whole flow once into a separate book and throws, naming
 * the engine and the numbers, unless it reproduces the flow's expected trades, lots and final
 * book. After every timed replay the trade count is checked again, outside the timing.
 */
@State(Scope.Thread)
public abstract class FlowReplayState {
    /** The engine under test; JMH runs each value in its own fork. */
    @Param({BookDriver.FULCRUM, BookDriver.EXCHANGE_CORE_DIRECT, BookDriver.EXCHANGE_CORE_NAIVE})
    public String engine;

    private OrderFlow flow;
    private Supplier<BookDriver> books;
    private BookDriver[] prefilled;
    private int taken;
    /** The book the current invocation replays into. */
    private BookDriver current;

    /** The flow to replay, loaded once per fork; not timed. */
    protected abstract OrderFlow loadFlow();

    /** The number of benchmark operations the subclass declared in its {@code @OperationsPerInvocation}. */
    protected abstract int declaredOperations();

    /** Loads the flow, verifies the engine against it, and builds the prefilled books. */
    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) {
        flow = loadFlow();
        if (flow.benchmarkCount() != declaredOperations()) {
            throw new IllegalStateException(flow.name() + " has " + flow.benchmarkCount()
                    + " benchmark operations; the benchmark declares " + declaredOperations());
        }
        BookDriver.verify(engine, flow);
        books = BookDriver.factory(engine, flow);
        int invocations = params.getWarmup().getCount() * params.getWarmup().getBatchSize()
                + params.getMeasurement().getCount() * params.getMeasurement().getBatchSize();
        prefilled = new BookDriver[invocations];
        for (int i = 0; i < invocations; i++) {
            prefilled[i] = prefilledBook();
        }
    }

    /** Hands the next prefilled book to the coming invocation. */
    @Setup(Level.Invocation)
    public void takeBook() {
        if (taken < prefilled.length) {
            current = prefilled[taken];
            // Let the used book go once replayed: only the current one stays reachable.
            prefilled[taken++] = null;
        } else {
            current = prefilledBook();
        }
    }

    /** Checks that the timed replay made every fill the flow promises. */
    @TearDown(Level.Invocation)
    public void checkReplay() {
        if (current.trades() != flow.expected().trades() || current.lots() != flow.expected().lots()) {
            throw new IllegalStateException(engine + ": the timed replay of " + flow.name() + " made " + current.trades()
                    + " trades / " + current.lots() + " lots, expected " + flow.expected());
        }
        current = null;
    }

    /** Replays the benchmark phase into the current book; returns its trade count so nothing is dead code. */
    protected final long replayBenchmarkPhase() {
        BookDriver book = current;
        book.replay(flow.prefillCount(), flow.rows());
        return book.trades();
    }

    private BookDriver prefilledBook() {
        BookDriver book = books.get();
        book.replay(0, flow.prefillCount());
        book.resetCounters();
        return book;
    }
}
