package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.MatchSink;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once warm, a pool trade allocates nothing: {@link OraclePool#place} with the venue's
 * {@link OraclePool#onPoolState} before each order, with no impact and with GMX's price impact
 * (ETH factors, MECHANISMS.md §3.1). Measured as the bytes the test thread allocates over 20,000
 * trades with HotSpot's per-thread counter ({@code com.sun.management.ThreadMXBean
 * #getCurrentThreadAllocatedBytes()}) reached through a method handle (sdk-amm does not read
 * {@code java.management}; tests run on the class path). No tolerance.
 */
class OraclePoolAllocationTest {
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesCounter();
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1).minNotional(1_000_000)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final PriceImpact GMX_ETH = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);

    @Test
    void aPoolTradeWithoutImpactAllocatesNothingOnceWarm() throws Throwable {
        assertTradesAllocateNothing(OraclePool.of(ETH, PoolImpact.NONE, 5));
    }

    @Test
    void aPoolTradeWithGmxImpactAllocatesNothingOnceWarm() throws Throwable {
        assertTradesAllocateNothing(OraclePool.of(ETH, GMX_ETH::impactUsd, 5));
    }

    private static void assertTradesAllocateNothing(OraclePool pool) throws Throwable {
        Trader trader = new Trader(pool);
        trader.trade(100_000);

        long probe = (long) ALLOCATED_BYTES.invokeExact();
        long probeCost = (long) ALLOCATED_BYTES.invokeExact() - probe;
        // The least of up to five measured runs: a JIT recompilation in the middle of one can
        // allocate a few hundred bytes of its own; an allocation per trade would show at least
        // 20,000 × 16 bytes every time.
        long allocated = Long.MAX_VALUE;
        for (int run = 0; run < 5 && allocated > 0; run++) {
            long before = (long) ALLOCATED_BYTES.invokeExact();
            trader.trade(20_000);
            allocated = Math.min(allocated, (long) ALLOCATED_BYTES.invokeExact() - before);
        }

        assertEquals(0, probeCost, "reading the counter allocates nothing");
        assertEquals(0, allocated, "bytes allocated by 20,000 pool trades (least of up to five runs)");
        assertEquals(trader.fills, trader.orders, "every order filled");
        assertTrue(trader.priceSum > 0);
    }

    /**
     * One trader opening and closing 1 ETH in turn against traders long 500 and short 300 ETH,
     * at an index moving between 2,000.00 and 2,000.15; the open interest goes back after each pair.
     */
    private static final class Trader implements MatchSink {
        private final OraclePool pool;
        private long tradersLong = 500_000;
        private long orders;
        private long fills;
        private long priceSum;

        Trader(OraclePool pool) {
            this.pool = pool;
        }

        void trade(int count) {
            for (int i = 0; i < count; i++) {
                boolean buy = (orders & 1) == 0;
                pool.onPoolState(200_000 + (orders & 15), tradersLong, 300_000);
                long left = pool.place(orders + 1, 1, buy ? Side.BUY : Side.SELL, buy ? 300_000 : 100_000, 1_000,
                        TimeInForce.IOC, this);
                if (left == 0) {
                    tradersLong += buy ? 1_000 : -1_000;
                }
                orders++;
            }
        }

        @Override
        public void onPoolFill(long takerOrderId, long price, long quantity) {
            fills++;
            priceSum += price;
        }

        @Override
        public boolean onMatch(long makerOrderId, long makerOwner, long takerOrderId, long price, long quantity) {
            throw new AssertionError("a pool has no makers");
        }

        @Override
        public void onRested(long orderId, Side side, long price, long openSize) {
            throw new AssertionError("a pool rests nothing");
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
