package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_ASSET;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.PositionView;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Once warm, {@link PortfolioMargin#evaluateInto} allocates nothing: measured as the bytes the
 * test thread allocates over 20,000 evaluations, with HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}) reached through a
 * method handle (the margin module does not read {@code java.management}; tests run on the class
 * path). No tolerance: reading the counter twice must cost 0 bytes, and so must the evaluations.
 */
class PortfolioMarginAllocationTest {
    private static final MethodHandle ALLOCATED_BYTES = allocatedBytesCounter();

    @Test
    void evaluateIntoAllocatesNothingOnceWarm() throws Throwable {
        PortfolioMargin model = PortfolioMargin.spanLike16(USDC, HaircutCollateral.builder(USDC)
                .haircut(BTC_ASSET.id(), 50_000).build()).underlying("BTC", 160_000).underlying("ETH", 200_000)
                .market(BTC.id(), "BTC").market(ETH.id(), "ETH").asset(BTC_ASSET.id(), "BTC")
                .offsetCredit("BTC", "ETH", 500_000).contingencyPpm(1_000).build();
        TestAccount account = TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000L), new Balance(USDC, -20_000 * USD)),
                new PositionView(BTC, -5_000, -30_000 * USD, 1_000, 6_000 * USD, 0, 0),
                PositionView.of(ETH, 10_000, 30_000 * USD));
        TestPrices prices = new TestPrices().mark(BTC.id(), btcPrice(60_000)).mark(ETH.id(), ethPrice(3_000))
                .asset(BTC_ASSET.id(), 60_000 * USD);
        long[] out = new long[3];
        long checksum = 0;
        for (int i = 0; i < 50_000; i++) {
            model.evaluateInto(account, prices, out);
            checksum += out[1];
        }

        long probe = (long) ALLOCATED_BYTES.invokeExact();
        long probeCost = (long) ALLOCATED_BYTES.invokeExact() - probe;
        // The least of up to five measured runs: a JIT recompilation in the middle of one can
        // allocate a few hundred bytes of its own; a real per-evaluation allocation would show at
        // least 20,000 × 16 bytes every time.
        long allocated = Long.MAX_VALUE;
        for (int run = 0; run < 5 && allocated > 0; run++) {
            long before = (long) ALLOCATED_BYTES.invokeExact();
            for (int i = 0; i < 20_000; i++) {
                model.evaluateInto(account, prices, out);
                checksum += out[1];
            }
            allocated = Math.min(allocated, (long) ALLOCATED_BYTES.invokeExact() - before);
        }

        assertEquals(0, probeCost, "reading the counter allocates nothing");
        assertEquals(0, allocated, "bytes allocated by 20,000 evaluations (least of up to five runs)");
        assertTrue(checksum > 0);
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
