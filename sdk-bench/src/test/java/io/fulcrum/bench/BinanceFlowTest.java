package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Binance recording converts to the same flow every time (its counts are pinned here and in
 * {@link BinanceReplayBenchmark#OPERATIONS}), the stream has no sequence gap after the snapshot,
 * and every engine makes exactly the fills and final book of the converter's model book.
 */
class BinanceFlowTest {
    private static BinanceFlow.Conversion conversion;

    @BeforeAll
    static void convert() {
        conversion = BinanceFlow.load();
    }

    @Test
    void theConversionIsPinned() {
        OrderFlow flow = conversion.flow();
        assertEquals(2_000, flow.prefillCount(), "one order per snapshot level, 1,000 a side");
        assertEquals(BinanceReplayBenchmark.OPERATIONS, flow.benchmarkCount());
        assertArrayEquals(new int[] {256_023, 21_308, 236_140, 0}, flow.benchmarkTypeCounts());
        assertEquals(6_547, conversion.depthUpdates());
        assertEquals(21_308, conversion.trades());
        assertEquals(0, conversion.sequenceBreaks());
        assertEquals(0, conversion.crossingPlacements());
        assertEquals(new OrderFlow.Expected(24_488, 2_255_281, 6_823, 9_457_538, 6_294, 8_813_296), flow.expected());
    }

    @Test
    void everyEngineReproducesTheModelBook() {
        OrderFlow flow = conversion.flow();
        for (String engine : BookDriver.ENGINES) {
            assertEquals(flow.expected(), BookDriver.verify(engine, flow).result(), engine);
        }
    }

    @Test
    void pricesAndQuantitiesParseExactly() {
        assertEquals(618_002, BinanceFlow.ticks("61800.20"));
        assertEquals(618_000, BinanceFlow.ticks("61800"));
        assertEquals(14, BinanceFlow.lots("0.014"));
        assertEquals(12_111, BinanceFlow.lots("12.111"));
        assertThrows(IllegalArgumentException.class, () -> BinanceFlow.ticks("61800.25"));
        assertThrows(IllegalArgumentException.class, () -> BinanceFlow.lots("0.0145"));
        assertThrows(IllegalArgumentException.class, () -> BinanceFlow.lots("0.0x4"));
    }
}
