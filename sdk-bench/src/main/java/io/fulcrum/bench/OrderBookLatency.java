package io.fulcrum.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Latency per operation type (GTC, IOC, CANCEL, MOVE) of each engine on a flow's benchmark phase:
 * every operation timed alone with {@link System#nanoTime()} into an HdrHistogram, over several
 * full replays after warm-up replays. Prints p50, p99, p99.9 and the maximum in microseconds.
 *
 * <p>Not JMH: JMH times invocations, not the distribution of single operations inside one. Each
 * engine runs in its own JVM (see {@link EngineProcesses}). Each replay starts from a freshly
 * prefilled book built before its timing starts. The two {@code nanoTime} calls around an
 * operation cost something themselves; the line "timer" reports that cost measured around an
 * empty statement, and it is not subtracted. Collector pauses land in the operations they
 * interrupt, as they would in a venue.
 *
 * <p>Run: {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.OrderBookLatency
 * [--flow synthetic|binance] [--warmup 3] [--runs 5]}. {@code --engine fulcrum} runs one engine in
 * this JVM instead.
 */
public final class OrderBookLatency {
    /** Longer than any single operation can take, GC pauses included. */
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private OrderBookLatency() {}

    /** Runs every engine, each in a child JVM, or with {@code --engine} one in this JVM. */
    public static void main(String[] args) throws Exception {
        String engine = EngineProcesses.option(args, EngineProcesses.ENGINE_OPTION, null);
        if (engine == null) {
            EngineProcesses.runEach(OrderBookLatency.class, BookDriver.ENGINES, args);
        } else {
            run(engine, EngineProcesses.flow(args), EngineProcesses.intOption(args, "--warmup", 3),
                    EngineProcesses.intOption(args, "--runs", 5));
        }
    }

    private static void run(String engine, OrderFlow flow, int warmups, int runs) {
        BookDriver.verify(engine, flow);
        Supplier<BookDriver> books = BookDriver.factory(engine, flow);
        Histogram[] byType = new Histogram[OrderFlow.TYPE_NAMES.length];
        for (int t = 0; t < byType.length; t++) {
            byType[t] = new Histogram(HIGHEST_NANOS, 3);
        }
        Histogram timer = new Histogram(HIGHEST_NANOS, 3);
        for (int r = 0; r < warmups + runs; r++) {
            if (r == warmups) {
                // The warm-up replays ran the same timed loop, so it is compiled; their numbers go.
                for (Histogram h : byType) {
                    h.reset();
                }
                timer.reset();
            }
            BookDriver book = books.get();
            book.replay(0, flow.prefillCount());
            book.resetCounters();
            timedReplay(book, flow, byType);
            if (book.trades() != flow.expected().trades()) {
                throw new IllegalStateException(engine + ": replay " + r + " made " + book.trades() + " trades, expected "
                        + flow.expected().trades());
            }
            timeTheTimer(timer, flow.benchmarkCount());
        }
        print(engine, flow, warmups, runs, byType, timer);
    }

    private static void timedReplay(BookDriver book, OrderFlow flow, Histogram[] byType) {
        byte[] type = flow.type;
        for (int i = flow.prefillCount(); i < flow.rows(); i++) {
            long start = System.nanoTime();
            book.apply(i);
            long end = System.nanoTime();
            byType[type[i]].recordValue(end - start);
        }
    }

    private static void timeTheTimer(Histogram timer, int samples) {
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            long end = System.nanoTime();
            timer.recordValue(end - start);
        }
    }

    private static void print(String engine, OrderFlow flow, int warmups, int runs, Histogram[] byType, Histogram timer) {
        System.out.printf(Locale.ROOT, "%n%s on %s: %d replays after %d warm-up replays, µs%n", engine, flow.name(), runs,
                warmups);
        System.out.printf(Locale.ROOT, "  %-8s %12s %9s %9s %9s %9s%n", "type", "count", "p50", "p99", "p99.9", "max");
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        for (int t = 0; t < byType.length; t++) {
            if (byType[t].getTotalCount() > 0) {
                line(OrderFlow.TYPE_NAMES[t], byType[t]);
                all.add(byType[t]);
            }
        }
        line("all", all);
        line("timer", timer);
    }

    private static void line(String name, Histogram h) {
        System.out.printf(Locale.ROOT, "  %-8s %,12d %9.3f %9.3f %9.3f %9.3f%n", name, h.getTotalCount(),
                micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)),
                micros(h.getMaxValue()));
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
