package io.fulcrum.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Heap per resting order: places {@code --orders} (default 1,000,000) resting GTC orders into an
 * empty book of each engine and measures the growth of the used heap, each measured after full
 * collections, repeated {@code --repeats} times (default 5); prints the median in bytes per order
 * (and the spread).
 *
 * <p>The orders are half bids, half asks, spread evenly over {@code --levels} prices a side
 * (default 1,000, about what the synthetic flow keeps), 1 to 10 lots, owners 0 to 999, and never
 * cross. So the figure is what one more resting order costs in a book of this shape: its order
 * record, its share of the id index and of the price levels, including any slack of arrays grown
 * to hold it. The empty book (and exchange-core's object pool with its pre-sized arrays) exists
 * before the baseline, so fixed costs that do not grow with orders are left out.
 *
 * <p>Measured with {@link MemoryMXBean} after {@link System#gc()} rather than JOL, so no extra
 * dependency is needed: a full collection is run until the used heap stops shrinking, before and
 * after. Each engine runs in its own JVM (see {@link EngineProcesses}).
 *
 * <p>Run: {@code java -cp sdk-bench/target/benchmarks.jar io.fulcrum.bench.RestingOrderFootprint
 * [--orders 1000000] [--levels 1000] [--repeats 5]}.
 */
public final class RestingOrderFootprint {
    private static final long MID = 100_000;

    private RestingOrderFootprint() {}

    /** Runs every engine, each in a child JVM, or with {@code --engine} one in this JVM. */
    public static void main(String[] args) throws Exception {
        String engine = EngineProcesses.option(args, EngineProcesses.ENGINE_OPTION, null);
        if (engine == null) {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            System.out.printf(Locale.ROOT, "compressed oops: %s, max heap %,d MB%n",
                    vm.getVMOption("UseCompressedOops").getValue(), Runtime.getRuntime().maxMemory() >> 20);
            EngineProcesses.runEach(RestingOrderFootprint.class, BookDriver.ENGINES, args);
        } else {
            run(engine, EngineProcesses.intOption(args, "--orders", 1_000_000),
                    EngineProcesses.intOption(args, "--levels", 1_000), EngineProcesses.intOption(args, "--repeats", 5));
        }
    }

    /** {@code orders} resting orders over {@code levels} prices a side, as a prefill-only flow. */
    static OrderFlow restingOrders(int orders, int levels) {
        OrderFlow.Builder b = new OrderFlow.Builder();
        long[] ordersAndLots = new long[4];
        for (int k = 0; k < orders; k++) {
            boolean buy = k % 2 == 0;
            long offset = 1 + (k / 2) % levels;
            long lots = 1 + k % 10;
            b.add(OrderFlow.GTC, buy, k + 1, k % 1_000, buy ? MID - offset : MID + offset, lots);
            ordersAndLots[buy ? 0 : 2]++;
            ordersAndLots[buy ? 1 : 3] += lots;
        }
        b.endPrefill();
        return b.build(orders + " resting orders", new OrderFlow.Expected(0, 0, ordersAndLots[0], ordersAndLots[1],
                ordersAndLots[2], ordersAndLots[3]));
    }

    private static void run(String engine, int orders, int levels, int repeats) {
        OrderFlow flow = restingOrders(orders, levels);
        double[] perOrder = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            Supplier<BookDriver> books = BookDriver.factory(engine, flow);
            BookDriver book = books.get();
            long before = settledUsedHeap();
            book.replay(0, flow.rows());
            long after = settledUsedHeap();
            OrderFlow.Expected result = book.result();
            if (!result.equals(flow.expected())) {
                throw new IllegalStateException(engine + " does not hold the orders placed: expected " + flow.expected()
                        + ", got " + result);
            }
            // The book must still be reachable when the second measurement is taken.
            Reference.reachabilityFence(book);
            perOrder[r] = (after - before) / (double) orders;
        }
        double[] sorted = perOrder.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s %,d orders on %,d levels a side: %.1f bytes per resting order"
                + " (median of %d; min %.1f, max %.1f)%n", engine, orders, levels, sorted[repeats / 2], repeats, sorted[0],
                sorted[repeats - 1]);
    }

    /** The used heap after full collections, repeated until it stops shrinking. */
    private static long settledUsedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
