package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolTradeBenchmark} measures what it says: every pool order fills at the price §3.1 and
 * the spread give, the open interest returns after each pair, and every book trade fills against
 * its maker and leaves the book empty.
 */
class PoolTradeBenchmarkTest {
    @Test
    void withoutImpactTheFirstBuyAndSaleFillAtTheIndexPlusAndMinusTheSpread() {
        PoolTradeLoop loop = new PoolTradeLoop("none");
        // Buy at index 2,000.00: ceil(200,000 × 1.000005) = ceil(200,001.0) = 200,001.
        assertEquals(200_001, loop.trade());
        // Sale at index 2,000.01: floor(200,001 × 0.999995) = floor(200,001 − 1.000005) = floor(199,999.999995) = 199,999.
        assertEquals(199_999, loop.trade());
    }

    @Test
    void withGmxImpactABuyThatWidensTheImbalancePays() {
        PoolTradeLoop loop = new PoolTradeLoop("gmx");
        // Long 1,000,000 / short 600,000 USD; a 2,000 USD long moves the gap 400,000 → 402,000:
        // 9e-11 × (400,000² − 402,000²) = 9e-11 × −1.604e9 = −0.14436 USD = −144,360 units.
        // 2,000 × 2,000,000,000 / (2,000,000,000 − 144,360) = 2,000.1443…, up to the cent: 2,000.15.
        assertEquals(200_015, loop.trade());
    }

    @Test
    void theOpenInterestReturnsAfterEveryPairSoTheImbalanceStaysBounded() {
        PoolTradeLoop loop = new PoolTradeLoop("gmx");
        for (int i = 0; i < 10_000; i++) {
            loop.trade();
            assertEquals(i % 2 == 0 ? 501_000 : 500_000, loop.tradersLong(), "after trade " + i);
        }
    }

    @Test
    void everyBookTradeFillsAtTheMakersPriceAndLeavesTheBookEmpty() {
        PoolTradeBookPeer peer = new PoolTradeBookPeer();
        for (int i = 0; i < 1_000; i++) {
            assertEquals(200_000, peer.trade(), "trade " + i);
            assertEquals(0, peer.book().restingOrderCount(), "after trade " + i);
        }
    }

    @Test
    void theRatioLineDividesEachPoolThroughputByTheBooks() {
        List<String> lines = PoolTradeRatio.ratios(Map.of("pool[impact=gmx]", 12_000_000.0, "book", 24_000_000.0));
        assertEquals("pool[impact=gmx] / book: 12,000,000 vs 24,000,000 ops/s = 0.50× the book's trades per second"
                + " (goal 5 M: met)", lines.get(2));
        assertTrue(lines.size() == 3, "no line for the variant not measured");
    }
}
