package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.MatchingPolicy;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.orderbook.SelfTradePrevention;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Once its arrays have grown to a stream's peak, the book allocates nothing: placing (resting,
 * crossing, vetoed), IOC, fill-or-kill (filled and killed), icebergs (resting, refilled, amended),
 * budget orders, cancelling (resting and unknown ids), amending (in place, up, re-priced and
 * crossing) and reading the top of book and depth; under both matching policies and every
 * self-trade prevention mode, each book configured once for a whole run. Measured as the bytes the test thread
 * allocates while it replays a 200,000-operation stream, with
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}: exact bytes, not
 * time, so the test is not sensitive to the machine's speed.
 *
 * <p>How: a seeded stream is generated once into primitive arrays (generating allocates freely).
 * It was made against an empty book configured like the measured one, so replaying it into an
 * empty book repeats it exactly; with
 * every id shifted by a constant, it can be replayed again into the same book once that is
 * emptied. The book replays it three times (its arrays grow to the stream's peak; the JIT
 * compiles), is emptied each time, and the fourth replay is measured. The replay loop, the sink
 * and the arrays it reads allocate nothing themselves.
 *
 * <p>The counter is {@code ((com.sun.management.ThreadMXBean)
 * ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes()}, called through a
 * constant {@link MethodHandle}: test sources compile inside the {@code io.fulcrum.orderbook}
 * module, which does not (and should not) read {@code java.management}; tests run on the class
 * path, where the handle reaches it. {@code invokeExact} returns the primitive, so nothing is
 * boxed.
 *
 * <p>Tolerance: none. Reading the counter twice in a row is measured first; on HotSpot 17 that
 * costs 0 bytes (the count is read natively) and the test insists on it, then asserts that the
 * measured replay allocates exactly 0 bytes.
 */
class SteadyStateAllocationTest {
    private static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("ALLOC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4)
            .priceDecimals(4)   // notional = size × price / 100, rounded: budgets take the division path
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();
    private static final int OPERATIONS = 200_000;
    private static final long MID = 100_000;

    private static final byte GTC = 0;
    private static final byte IOC = 1;
    private static final byte CANCEL = 2;
    private static final byte AMEND = 3;
    private static final byte DEPTH = 4;
    private static final byte FOK = 5;
    private static final byte ICEBERG = 6;
    private static final byte BUDGET = 7;
    /** Few enough owners that takers often meet their own orders. */
    private static final int OWNERS = 16;

    /** {@code () -> long}: the bytes the calling thread has allocated so far. */
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesCounter();

    static Stream<Arguments> configurations() {
        return Stream.of(MatchingPolicy.priceTime(), MatchingPolicy.proRata())
                .flatMap(policy -> Stream.of(SelfTradePrevention.values()).map(mode -> Arguments.of(policy, mode)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("configurations")
    void replayingAStreamAfterWarmUpAllocatesNothing(MatchingPolicy policy, SelfTradePrevention mode) {
        Operations stream = Operations.generate(42, OPERATIONS, policy, mode);
        int[] kinds = new int[BUDGET + 1];
        for (int i = 0; i < stream.count; i++) {
            kinds[stream.type[i]]++;
        }
        for (int kind = GTC; kind <= BUDGET; kind++) {
            assertTrue(kinds[kind] > OPERATIONS / 50, "operation kind " + kind + " occurs " + kinds[kind] + " times");
        }
        OrderBook book = newBook(policy, mode);
        CountingSink sink = new CountingSink();
        long[] prices = new long[10];
        long[] sizes = new long[10];

        long base = 0;
        long expectedFills = -1;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            long fills = replay(stream, book, sink, base, prices, sizes);
            assertTrue(expectedFills < 0 || fills == expectedFills, "every replay repeats the stream exactly");
            expectedFills = fills;
            empty(book);
            base += stream.idSpan;
        }

        // The least of a few measured replays: a replay that overlaps a late JIT compilation on a
        // loaded machine can see a few hundred bytes of interpreter-tier allocation once, while an
        // allocation in the book itself would show in every replay (at least 16 bytes x 200,000).
        long counterCost = counterCost();
        long allocated = Long.MAX_VALUE;
        long fills = 0;
        for (int attempt = 0; attempt < 5 && allocated != 0; attempt++) {
            empty(book);
            base += stream.idSpan;
            long before = allocatedBytes();
            fills = replay(stream, book, sink, base, prices, sizes);
            long after = allocatedBytes();
            allocated = Math.min(allocated, after - before - counterCost);
            assertEquals(expectedFills, fills, "the measured replay did the same work");
        }

        assertTrue(fills > OPERATIONS / 10, "the stream trades: " + fills + " fills");
        assertTrue(sink.refills > OPERATIONS / 200, "icebergs refill: " + sink.refills);
        assertEquals(mode != SelfTradePrevention.NONE, sink.reductions > OPERATIONS / 200,
                "self-trade prevention acts under " + mode + ": " + sink.reductions + " reductions");
        assertEquals(0, allocated, "bytes allocated by " + OPERATIONS + " operations in steady state");
    }

    private static OrderBook newBook(MatchingPolicy policy, SelfTradePrevention mode) {
        return OrderBook.builder(MARKET).matchingPolicy(policy).selfTradePrevention(mode).build();
    }

    /** Applies every operation, ids shifted by {@code base}; returns the fills the sink accepted. */
    private static long replay(Operations s, OrderBook book, CountingSink sink, long base, long[] prices, long[] sizes) {
        sink.base = base;
        sink.fills = 0;
        sink.refills = 0;
        sink.reductions = 0;
        long check = 0;
        for (int i = 0; i < s.count; i++) {
            long id = base + s.id[i];
            Side side = s.buy[i] ? Side.BUY : Side.SELL;
            switch (s.type[i]) {
                case GTC -> check += book.place(id, s.owner[i], side, s.price[i], s.lots[i], TimeInForce.GTC, sink);
                case IOC -> check += book.place(id, s.owner[i], side, s.price[i], s.lots[i], TimeInForce.IOC, sink);
                case FOK -> check += book.place(id, s.owner[i], side, s.price[i], s.lots[i], TimeInForce.FOK, sink);
                case ICEBERG -> check += book.placeIceberg(id, s.owner[i], side, s.price[i], s.lots[i], s.extra[i], sink);
                case BUDGET -> check += book.placeWithBudget(id, s.owner[i], side, s.price[i], s.extra[i], sink);
                case CANCEL -> check += book.cancel(id);
                case AMEND -> check += book.amend(id, s.price[i], s.lots[i], sink) ? 1 : 0;
                case DEPTH -> check += book.depth(side, prices, sizes) + book.bestBid() + book.bestAsk()
                        + book.openSize(id) + book.restingOrderCount();
                default -> throw new IllegalStateException("unknown operation " + s.type[i]);
            }
        }
        return sink.fills + (check == Long.MIN_VALUE ? 1 : 0);   // keeps `check` alive
    }

    /** Cancels every resting order (collecting them allocates; this is outside the measurement). */
    private static void empty(OrderBook book) {
        long[] ids = new long[book.restingOrderCount()];
        int[] count = {0};
        book.forEachRestingOrder(order -> ids[count[0]++] = order.orderId());
        for (long id : ids) {
            book.cancel(id);
        }
        assertEquals(0, book.restingOrderCount());
    }

    /** What reading the allocation counter itself allocates, measured as the most of a few tries. */
    private long counterCost() {
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
            MethodHandle bound = counter.bindTo(threads);
            long probe = (long) bound.invokeExact();
            assertTrue(probe > 0, "the JVM counts allocated bytes per thread");
            return bound;
        } catch (Throwable e) {
            throw new IllegalStateException("this test needs HotSpot's per-thread allocation counter", e);
        }
    }

    /** Accepts fills except a fixed one in 23 (by ids relative to the replay's base), counting them. */
    private static final class CountingSink implements MatchSink {
        long base;
        long fills;
        long refills;
        long reductions;

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            if (Math.floorMod((makerOrderId - base) * 7 + (takerOrderId - base) * 13, 23) == 0) {
                return false;
            }
            fills++;
            return true;
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            fills += 0;   // resting needs no bookkeeping here
        }

        @Override
        public void onReduced(long orderId, long reducedBy, long openSize, CancelReason reason) {
            reductions++;
        }

        @Override
        public void onReplenished(long orderId, long price, long visibleSize) {
            refills++;
        }
    }

    /**
     * A seeded operation stream in primitive arrays, made against a generator book configured like
     * the measured one, so that every amend targets an order that rests at that moment. About 30 %
     * GTC (mostly behind the mid, one in four crossing), 10 % IOC, 6 % FOK (crossing), 6 %
     * icebergs, 3 % budget orders (crossing), 20 % cancel (one in five of an id that does not
     * rest), 20 % amend (down in place, up, re-priced by up to ten ticks either way), 5 % depth
     * reads.
     */
    private static final class Operations {
        final byte[] type;
        final long[] id;
        final long[] owner;
        final boolean[] buy;
        final long[] price;
        final long[] lots;
        /** An iceberg's display size, or a budget order's budget. */
        final long[] extra;
        int count;
        /** More than the largest id used: the shift between two replays. */
        long idSpan;

        private Operations(int capacity) {
            type = new byte[capacity];
            extra = new long[capacity];
            id = new long[capacity];
            owner = new long[capacity];
            buy = new boolean[capacity];
            price = new long[capacity];
            lots = new long[capacity];
        }

        static Operations generate(long seed, int operations, MatchingPolicy policy, SelfTradePrevention mode) {
            Operations s = new Operations(operations);
            Random random = new Random(seed);
            OrderBook book = newBook(policy, mode);
            CountingSink sink = new CountingSink();
            long[] placed = new long[operations];
            int placedCount = 0;
            // Ids count up from 1, one per place, so the price an id rests at is kept by index.
            long[] priceById = new long[operations + 2];
            long nextId = 1;
            for (int i = 0; i < operations; i++) {
                int roll = random.nextInt(100);
                if (roll < 55) {
                    long id = nextId++;
                    boolean buy = random.nextBoolean();
                    Side side = buy ? Side.BUY : Side.SELL;
                    byte type = roll < 30 ? GTC : roll < 40 ? IOC : roll < 46 ? FOK : roll < 52 ? ICEBERG : BUDGET;
                    boolean crossing = type == FOK || type == BUDGET || random.nextInt(4) == 0;
                    long ticksBehind = crossing ? -random.nextInt(8) : random.nextInt(40);
                    long price = buy ? MID - ticksBehind : MID + ticksBehind;
                    long size = 1 + random.nextInt(type == ICEBERG ? 40 : 20);
                    long owner = id % OWNERS;
                    long extra = 0;
                    switch (type) {
                        case GTC -> book.place(id, owner, side, price, size, TimeInForce.GTC, sink);
                        case IOC -> book.place(id, owner, side, price, size, TimeInForce.IOC, sink);
                        case FOK -> book.place(id, owner, side, price, size, TimeInForce.FOK, sink);
                        case ICEBERG -> {
                            extra = 1 + random.nextInt(8);
                            book.placeIceberg(id, owner, side, price, size, extra, sink);
                        }
                        default -> {
                            extra = 1 + random.nextInt((int) MARKET.notional(30, MID, RoundingMode.HALF_EVEN));
                            book.placeWithBudget(id, owner, side, price, extra, sink);
                        }
                    }
                    s.add(type, id, owner, buy, price, size);
                    s.extra[s.count - 1] = extra;
                    placed[placedCount++] = id;
                    priceById[(int) id] = price;
                } else if (roll < 75) {
                    long id = random.nextInt(5) == 0 ? nextId + 1_000_000 : placed[Math.max(0, placedCount - 1 - random.nextInt(2_000))];
                    book.cancel(id);
                    s.add(CANCEL, id, 0, false, 0, 0);
                } else if (roll < 95) {
                    long id = restingId(book, random, placed, placedCount);
                    if (id < 0) {
                        s.add(DEPTH, 1, 0, true, 0, 0);
                        continue;
                    }
                    long open = book.openSize(id);
                    long price = priceById[(int) id];
                    long size;
                    switch (random.nextInt(3)) {
                        case 0 -> size = 1 + random.nextInt((int) Math.min(open, 20));
                        case 1 -> size = open + 1 + random.nextInt(10);
                        default -> {
                            price += random.nextInt(21) - 10;
                            size = 1 + random.nextInt(20);
                        }
                    }
                    book.amend(id, price, size, sink);
                    s.add(AMEND, id, 0, false, price, size);
                    priceById[(int) id] = price;
                } else {
                    s.add(DEPTH, placed[Math.max(0, placedCount - 1)], 0, random.nextBoolean(), 0, 0);
                }
            }
            s.idSpan = nextId + 2_000_000;
            return s;
        }

        /** A recently placed id that rests, or -1 after a few misses. */
        private static long restingId(OrderBook book, Random random, long[] placed, int placedCount) {
            for (int tries = 0; tries < 20 && placedCount > 0; tries++) {
                long id = placed[placedCount - 1 - random.nextInt(Math.min(placedCount, 2_000))];
                if (book.openSize(id) > 0) {
                    return id;
                }
            }
            return -1;
        }

        private void add(byte type, long id, long owner, boolean buy, long price, long lots) {
            this.type[count] = type;
            this.id[count] = id;
            this.owner[count] = owner;
            this.buy[count] = buy;
            this.price[count] = price;
            this.lots[count] = lots;
            count++;
        }
    }
}
