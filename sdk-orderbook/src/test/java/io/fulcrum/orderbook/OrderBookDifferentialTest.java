package io.fulcrum.orderbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchingEngine;
import io.fulcrum.api.spi.RestingOrder;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random command streams through {@link OrderBook} and {@link NaiveOrderBook} side by
 * side: after every command both must have returned the same value, made the same sink
 * callbacks, and hold the same resting orders in the same priority order, with consistent
 * internals and an uncrossed book. A failure names the seed and the command, so it replays
 * exactly.
 *
 * <p>Prices stay within about 20 ticks of 100.0: most orders rest behind the mid, building
 * levels with queues of several orders, and one in four crosses it and sweeps. About one
 * potential fill in 23 is vetoed, and every 250 commands the real book is rebuilt from its own
 * snapshot.
 */
class OrderBookDifferentialTest {
    private static final int COMMANDS = 2_000;
    private static final int SNAPSHOT_EVERY = 250;
    private static final long MID = 1_000;
    private static final RecordingSink.Veto VETO = (maker, taker) -> Math.floorMod(maker * 7 + taker * 13, 23) == 0;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void agreesWithTheNaiveBookOnARandomStream(long seed) {
        new Run(seed).execute();
    }

    /** One seeded stream; holds the two books and the command being checked, for failure messages. */
    private static final class Run {
        private final long seed;
        private final Random random;
        private final NaiveOrderBook naive = new NaiveOrderBook(TestMarkets.BTC_PERP);
        private final RecordingSink naiveSink = new RecordingSink(VETO);
        private final RecordingSink fastSink = new RecordingSink(VETO);
        private OrderBook fast = new OrderBook(TestMarkets.BTC_PERP);
        /** The command under way, described before it is applied so a failure inside it names it. */
        private String command = "none yet";
        private long nextId = 1;
        private int crossings;

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void execute() {
            int index = 0;
            try {
                for (; index < COMMANDS; index++) {
                    step();
                    compare();
                    if (index % SNAPSHOT_EVERY == SNAPSHOT_EVERY - 1) {
                        command = "snapshot and restore";
                        fast = restoredCopy(fast);
                        compare();
                    }
                }
                // A stream that never traded across levels would prove little.
                assertTrue(crossings > COMMANDS / 20, "only " + crossings + " commands produced fills");
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed=" + seed + ", command #" + index + " (" + command + "): " + e.getMessage(), e);
            }
        }

        /** Applies one random command to both books and checks their answers agree. */
        private void step() {
            int roll = random.nextInt(100);
            if (roll < 40) {
                place(TimeInForce.GTC);
            } else if (roll < 55) {
                place(TimeInForce.IOC);
            } else if (roll < 75) {
                long id = restingOrUnknownId();
                command = "cancel " + id;
                assertEquals(naive.cancel(id), fast.cancel(id), "cancel result");
            } else if (roll < 95) {
                amend();
            } else {
                long unknown = nextId + 1_000;
                command = "amend unknown " + unknown;
                assertThrows(IllegalArgumentException.class, () -> naive.amend(unknown, MID, 1, naiveSink));
                assertThrows(IllegalArgumentException.class, () -> fast.amend(unknown, MID, 1, fastSink));
            }
        }

        private void place(TimeInForce timeInForce) {
            long id = nextId++;
            long owner = random.nextInt(10);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            // Mostly passive, up to 19 ticks behind the mid, so levels fill up with queues; one in
            // four reaches up to 7 ticks across it and takes liquidity.
            long ticksBehind = random.nextInt(4) == 0 ? -random.nextInt(8) : random.nextInt(20);
            long price = side == Side.BUY ? MID - ticksBehind : MID + ticksBehind;
            long size = 1 + random.nextInt(20);
            command = "place " + id + " " + side + " " + size + " at " + price + " " + timeInForce;
            long expected = naive.place(id, owner, side, price, size, timeInForce, naiveSink);
            assertEquals(expected, fast.place(id, owner, side, price, size, timeInForce, fastSink), "place result");
        }

        private void amend() {
            List<RestingOrder> resting = OrderBookContract.restingOrders(naive);
            if (resting.isEmpty()) {
                command = "amend skipped: empty book";
                return;
            }
            RestingOrder order = resting.get(random.nextInt(resting.size()));
            long price = order.price();
            long size;
            switch (random.nextInt(3)) {
                case 0 -> size = 1 + random.nextInt((int) Math.min(order.openSize(), 20));   // down or equal: keeps priority
                case 1 -> size = order.openSize() + 1 + random.nextInt(10);                   // up: loses priority
                default -> {
                    price = price + random.nextInt(21) - 10;                                  // moves, may cross
                    size = 1 + random.nextInt(20);
                }
            }
            command = "amend " + order.orderId() + " to " + size + " at " + price;
            boolean expected = naive.amend(order.orderId(), price, size, naiveSink);
            assertEquals(expected, fast.amend(order.orderId(), price, size, fastSink), "amend result");
        }

        private long restingOrUnknownId() {
            List<RestingOrder> resting = OrderBookContract.restingOrders(naive);
            if (resting.isEmpty() || random.nextInt(5) == 0) {
                return 1 + random.nextInt((int) nextId + 10);   // filled, cancelled, resting or never used
            }
            return resting.get(random.nextInt(resting.size())).orderId();
        }

        private void compare() {
            naive.checkInvariants();
            fast.checkInvariants();
            List<RecordingSink.Event> events = naiveSink.events();
            assertEquals(events, fastSink.events(), "sink callbacks");
            if (events.stream().anyMatch(e -> e instanceof RecordingSink.Match)) {
                crossings++;
            }
            naiveSink.clear();
            fastSink.clear();
            assertEquals(OrderBookContract.restingOrders(naive), OrderBookContract.restingOrders(fast), "resting orders");
            assertEquals(naive.restingOrderCount(), fast.restingOrderCount(), "resting order count");
            assertEquals(naive.bestBid(), fast.bestBid(), "best bid");
            assertEquals(naive.bestAsk(), fast.bestAsk(), "best ask");
            for (Side side : Side.values()) {
                compareDepth(side, naive, fast);
            }
        }

        private static void compareDepth(Side side, MatchingEngine expected, MatchingEngine actual) {
            long[] expectedPrices = new long[8];
            long[] expectedSizes = new long[8];
            long[] actualPrices = new long[8];
            long[] actualSizes = new long[8];
            assertEquals(expected.depth(side, expectedPrices, expectedSizes), actual.depth(side, actualPrices, actualSizes),
                    side + " depth levels");
            assertArrayEquals(expectedPrices, actualPrices, side + " depth prices");
            assertArrayEquals(expectedSizes, actualSizes, side + " depth sizes");
        }

        private static OrderBook restoredCopy(OrderBook book) {
            OrderBook copy = new OrderBook(book.spec());
            book.forEachRestingOrder(copy::restore);
            return copy;
        }
    }
}
