package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Random;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Once it has grown to a workload's peak, {@link ThresholdIndex} allocates nothing: tracking new
 * accounts, re-tracking (some thresholds changed, some not, some instruments named twice),
 * untracking, and reporting moves in both directions. Measured as the exact bytes the test thread
 * allocates, from HotSpot's per-thread counter ({@code com.sun.management.ThreadMXBean}), so the
 * result does not depend on the machine's speed.
 *
 * <p>Why the replays are comparable: the stream starts from an empty index and ends by untracking
 * every account it tracked, so each replay starts from an empty index and makes the same changes
 * in the same order. The ladders then split and merge the same blocks (only which free block is
 * reused differs), the hash table holds the same keys in the same slots, and so no array needs
 * more room than in the first replay. Three replays warm up (growth, JIT), the fourth is measured.
 *
 * <p>The counter is read through a {@link MethodHandle}: the test compiles inside module
 * {@code io.fulcrum.margin}, which does not read {@code java.management}; tests run on the class
 * path, where the handle reaches it. {@code invokeExact} returns a primitive: nothing is boxed.
 * Reading it twice in a row must cost 0 bytes, which the test checks before it trusts a 0.
 */
class ThresholdIndexAllocationTest {
    private static final int ACCOUNTS = 20_000;
    private static final int INSTRUMENTS = 20;
    private static final int OPERATIONS = 200_000;
    private static final int MAX_THRESHOLDS = 6;

    private static final byte TRACK = 0;
    private static final byte UNTRACK = 1;
    private static final byte REACHED = 2;

    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesCounter();

    @Test
    void replayingAWorkloadAfterWarmUpAllocatesNothing() {
        Workload workload = Workload.generate(20261121L);
        ThresholdIndex index = ThresholdIndex.create();
        CountingConsumer consumer = new CountingConsumer();

        long expectedReports = -1;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            long reports = workload.replay(index, consumer);
            assertTrue(expectedReports < 0 || reports == expectedReports, "every replay repeats the workload");
            expectedReports = reports;
            assertEquals(0, index.trackedAccounts(), "the workload ends empty");
        }

        // The least of a few measured replays: one that overlaps a late JIT compilation on a loaded
        // machine can see some interpreter-tier allocation once; an allocation in the index would
        // show in every replay.
        long counterCost = counterCost();
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5 && allocated != 0; attempt++) {
            long before = allocatedBytes();
            long reports = workload.replay(index, consumer);
            long after = allocatedBytes();
            assertEquals(expectedReports, reports, "the measured replay did the same work");
            assertTrue(reports > OPERATIONS, "moves reach thresholds: " + reports + " accounts reported");
            allocated = Math.min(allocated, after - before - counterCost);
        }
        assertEquals(0, allocated, "bytes allocated by " + OPERATIONS + " operations in steady state");
    }

    /** Counts reported accounts; a plain object, so passing it allocates nothing. */
    private static final class CountingConsumer implements LongConsumer {
        long reported;

        @Override
        public void accept(long account) {
            reported++;
        }
    }

    /**
     * A seeded stream in primitive arrays: 45 % track (1 to 6 thresholds, an instrument sometimes
     * named twice; half the re-tracks keep the account's previous thresholds), 15 % untrack, 40 %
     * moves of up to 2 % either way; then every account still tracked is untracked.
     */
    private static final class Workload {
        final byte[] type = new byte[OPERATIONS + ACCOUNTS];
        final long[] account = new long[OPERATIONS + ACCOUNTS];
        final int[] count = new int[OPERATIONS + ACCOUNTS];
        final int[][] instruments = new int[OPERATIONS + ACCOUNTS][];
        final long[][] thresholds = new long[OPERATIONS + ACCOUNTS][];
        final boolean[][] falls = new boolean[OPERATIONS + ACCOUNTS][];
        final int[] instrument = new int[OPERATIONS + ACCOUNTS];
        final long[] from = new long[OPERATIONS + ACCOUNTS];
        final long[] to = new long[OPERATIONS + ACCOUNTS];
        int size;

        static Workload generate(long seed) {
            Random random = new Random(seed);
            Workload w = new Workload();
            long[] prices = new long[INSTRUMENTS];
            for (int i = 0; i < INSTRUMENTS; i++) {
                prices[i] = 10_000 + random.nextInt(1_000_000);
            }
            boolean[] tracked = new boolean[ACCOUNTS + 1];
            int[][] lastInstruments = new int[ACCOUNTS + 1][];
            long[][] lastThresholds = new long[ACCOUNTS + 1][];
            boolean[][] lastFalls = new boolean[ACCOUNTS + 1][];
            for (int op = 0; op < OPERATIONS; op++) {
                int roll = random.nextInt(100);
                int a = 1 + random.nextInt(ACCOUNTS);
                int at = w.size++;
                w.account[at] = a;
                if (roll < 45) {
                    w.type[at] = TRACK;
                    if (tracked[a] && random.nextBoolean()) {
                        w.count[at] = lastInstruments[a].length;
                        w.instruments[at] = lastInstruments[a];
                        w.thresholds[at] = lastThresholds[a];
                        w.falls[at] = lastFalls[a];
                    } else {
                        int n = 1 + random.nextInt(MAX_THRESHOLDS);
                        int[] ins = new int[n];
                        long[] ths = new long[n];
                        boolean[] fs = new boolean[n];
                        for (int i = 0; i < n; i++) {
                            ins[i] = random.nextInt(INSTRUMENTS);
                            fs[i] = random.nextBoolean();
                            long distance = prices[ins[i]] * (1 + random.nextInt(100)) / 1_000;   // 0.1 % to 10 %
                            ths[i] = fs[i] ? prices[ins[i]] - distance : prices[ins[i]] + distance;
                        }
                        w.count[at] = n;
                        w.instruments[at] = ins;
                        w.thresholds[at] = ths;
                        w.falls[at] = fs;
                        lastInstruments[a] = ins;
                        lastThresholds[a] = ths;
                        lastFalls[a] = fs;
                    }
                    tracked[a] = true;
                } else if (roll < 60) {
                    w.type[at] = UNTRACK;
                    tracked[a] = false;
                } else {
                    w.type[at] = REACHED;
                    int i = random.nextInt(INSTRUMENTS);
                    long move = prices[i] * (random.nextInt(41) - 20) / 1_000;   // -2 % to +2 %
                    w.instrument[at] = i;
                    w.from[at] = prices[i];
                    w.to[at] = prices[i] + move;
                }
            }
            for (int a = 1; a <= ACCOUNTS; a++) {
                if (tracked[a]) {
                    int at = w.size++;
                    w.type[at] = UNTRACK;
                    w.account[at] = a;
                }
            }
            return w;
        }

        /** Applies every operation; returns how many accounts were reported. */
        long replay(ThresholdIndex index, CountingConsumer consumer) {
            consumer.reported = 0;
            for (int i = 0; i < size; i++) {
                switch (type[i]) {
                    case TRACK -> index.track(account[i], count[i], instruments[i], thresholds[i], falls[i]);
                    case UNTRACK -> index.untrack(account[i]);
                    default -> index.reached(instrument[i], from[i], to[i], consumer);
                }
            }
            return consumer.reported;
        }
    }

    /** What reading the counter itself allocates, the most of a few tries; must be 0 to trust the result. */
    private static long counterCost() {
        long most = 0;
        for (int i = 0; i < 5; i++) {
            long a = allocatedBytes();
            long b = allocatedBytes();
            most = Math.max(most, b - a);
        }
        assertEquals(0, most, "reading the counter allocates on this JVM; the tolerance must be revisited");
        return most;
    }

    private static long allocatedBytes() {
        try {
            return (long) ALLOCATED_BYTES.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the thread's allocation counter", e);
        }
    }

    private static MethodHandle allocatedBytesCounter() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> hotSpotThreads = Class.forName("com.sun.management.ThreadMXBean");
            MethodHandle counter = MethodHandles.publicLookup()
                    .findVirtual(hotSpotThreads, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class));
            return counter.bindTo(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this test needs HotSpot's per-thread allocation counter", e);
        }
    }
}
