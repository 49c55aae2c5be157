package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import io.fulcrum.orderbook.MatchingPolicy;
import io.fulcrum.orderbook.OrderBook;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch-auction book allocates nothing in steady state: placing (GTC, IOC, icebergs, FOK and
 * budget orders returned whole), cancelling, amending and auctions in {@code onTime} (clearing
 * price, pairing with vetoes and same-owner skips, IOC removal). Measured as in
 * {@link SteadyStateAllocationTest}: a seeded stream in primitive arrays is replayed six times
 * into the same book (emptied in between, the clock running on), then a seventh time under the
 * thread's allocation counter, which must not move. Six warm-ups, not three: tests run earlier in
 * the same JVM (the differential test's batch snapshots and restores) leave the JIT profiles such
 * that a late recompilation could otherwise land, and rematerialise objects, inside the measured
 * replay.
 */
class BatchAuctionAllocationTest {
    private static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("AUCTION-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4)
            .priceDecimals(4)
            .tickSize(1)
            .lotSize(1)
            .riskTiers(List.of(RiskTier.flat(50_000, 30_000)))
            .build();
    private static final int OPERATIONS = 50_000;
    private static final long MID = 100_000;

    private final byte[] type = new byte[OPERATIONS];
    private final boolean[] buy = new boolean[OPERATIONS];
    private final long[] price = new long[OPERATIONS];
    private final long[] lots = new long[OPERATIONS];
    private final long[] owner = new long[OPERATIONS];
    private final long[] target = new long[OPERATIONS];
    private final long[] step = new long[OPERATIONS];
    private long now;

    @Test
    void placingAndClearingInSteadyStateAllocateNothing() {
        Random random = new Random(7);
        for (int i = 0; i < OPERATIONS; i++) {
            int roll = random.nextInt(100);
            type[i] = (byte) (roll < 35 ? 0 : roll < 45 ? 1 : roll < 52 ? 2 : roll < 55 ? 3 : roll < 58 ? 4
                    : roll < 73 ? 5 : roll < 88 ? 6 : 7);
            buy[i] = random.nextBoolean();
            price[i] = MID + random.nextInt(21) - 10;
            lots[i] = 1 + random.nextInt(20);
            owner[i] = random.nextInt(16);
            target[i] = 1 + random.nextInt(i + 1);
            step[i] = random.nextInt(600);
        }
        OrderBook book = OrderBook.builder(MARKET).matchingPolicy(MatchingPolicy.batchAuction(1_000)).build();
        AuctionSink sink = new AuctionSink();
        long base = 0;
        long expected = -1;
        for (int warmUp = 0; warmUp < 6; warmUp++) {
            long crosses = replay(book, sink, base);
            assertTrue(expected < 0 || crosses == expected, "every replay repeats the stream");
            expected = crosses;
            empty(book);
            base += OPERATIONS + 1;
        }

        // Up to five measured replays, the least counted: a late recompilation can still land in
        // one of them and rematerialise a few objects (hundreds of bytes, once), while anything the
        // book itself allocates per operation shows in every replay (at least 50,000 bytes).
        List<Long> measured = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 5 && (measured.isEmpty() || measured.get(measured.size() - 1) != 0); attempt++) {
            long before = allocatedBytes();
            long crosses = replay(book, sink, base);
            long after = allocatedBytes();
            assertEquals(expected, crosses);
            assertTrue(crosses > OPERATIONS / 50, "the auctions cross: " + crosses);
            assertTrue(sink.unfilledIoc > OPERATIONS / 100, "IOC orders leave after auctions: " + sink.unfilledIoc);
            measured.add(after - before);
            empty(book);
            base += OPERATIONS + 1;
        }
        assertEquals(0L, measured.stream().mapToLong(Long::longValue).min().orElseThrow(),
                "bytes allocated by " + OPERATIONS + " operations in steady state, per measured replay: " + measured);
    }

    private long replay(OrderBook book, AuctionSink sink, long base) {
        sink.crosses = 0;
        sink.unfilledIoc = 0;
        sink.base = base;
        // Starts the clock in a fresh interval, so every replay sees the same auctions.
        now = (now / 1_000 + 2) * 1_000;
        book.onTime(now, sink);
        long check = 0;
        for (int i = 0; i < OPERATIONS; i++) {
            long id = base + i + 1;
            Side side = buy[i] ? Side.BUY : Side.SELL;
            switch (type[i]) {
                case 0 -> check += book.place(id, owner[i], side, price[i], lots[i], TimeInForce.GTC, sink);
                case 1 -> check += book.place(id, owner[i], side, price[i], lots[i], TimeInForce.IOC, sink);
                case 2 -> check += book.placeIceberg(id, owner[i], side, price[i], lots[i] * 3, lots[i], sink);
                case 3 -> check += book.place(id, owner[i], side, price[i], lots[i], TimeInForce.FOK, sink);
                case 4 -> check += book.placeWithBudget(id, owner[i], side, price[i], lots[i] * 1_000, sink);
                case 5 -> check += book.cancel(base + target[i]);
                case 6 -> {
                    if (book.openSize(base + target[i]) > 0) {
                        check += book.amend(base + target[i], price[i], lots[i], sink) ? 1 : 0;
                    }
                }
                default -> {
                    now += step[i];
                    book.onTime(now, sink);
                }
            }
        }
        return sink.crosses + (check == Long.MIN_VALUE ? 1 : 0);
    }

    private static void empty(OrderBook book) {
        long[] ids = new long[book.restingOrderCount()];
        int[] count = {0};
        book.forEachRestingOrder(order -> ids[count[0]++] = order.orderId());
        for (long id : ids) {
            book.cancel(id);
        }
        assertEquals(0, book.restingOrderCount());
    }

    private static long allocatedBytes() {
        try {
            return (long) ALLOCATED_BYTES.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read the thread's allocation counter", e);
        }
    }

    private static final MethodHandle ALLOCATED_BYTES = counter();

    private static MethodHandle counter() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> hotSpotThreads = Class.forName("com.sun.management.ThreadMXBean");
            return MethodHandles.publicLookup()
                    .findVirtual(hotSpotThreads, "getCurrentThreadAllocatedBytes", MethodType.methodType(long.class))
                    .bindTo(threads);
        } catch (Throwable e) {
            throw new IllegalStateException("this test needs HotSpot's per-thread allocation counter", e);
        }
    }

    /** Accepts crosses but removes the buy of a fixed one in 17 (ids relative to the replay's base). */
    private static final class AuctionSink implements MatchSink {
        long base;
        long crosses;
        long unfilledIoc;

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            throw new AssertionError("a batch-auction book never matches on arrival");
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {}

        @Override
        public void onReduced(long orderId, long reducedBy, long openSize, CancelReason reason) {
            unfilledIoc++;
        }

        @Override
        public int onCross(long buyOrderId, long sellOrderId, long price, long quantity) {
            if (Math.floorMod((buyOrderId - base) * 7 + (sellOrderId - base) * 13, 17) == 0) {
                return REMOVE_BUY;
            }
            crosses++;
            return CROSS;
        }
    }
}
