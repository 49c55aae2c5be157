package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic flow reads as FLOW.md describes it, and every engine the benchmark times
 * reproduces FLOW.md's results on it, so {@link OrderBookReplayBenchmark}'s trial check cannot
 * fail for a reason a build would have caught. Reading the file is required: if it is missing, the
 * tests fail with the message of {@link OrderflowData#locate}.
 */
class SyntheticFlowTest {
    private static OrderFlow flow;

    @BeforeAll
    static void load() {
        flow = SyntheticFlow.load();
    }

    @Test
    void theFileHasTheRowsFlowMdDescribes() {
        assertEquals(4_000, flow.prefillCount(), "prefill rows");
        assertEquals(2_000_000, flow.benchmarkCount(), "benchmark rows");
        assertEquals(OrderBookReplayBenchmark.OPERATIONS, flow.benchmarkCount());
        // About 45 % GTC, 20 % IOC, 25 % CANCEL, 10 % MOVE, counted exactly.
        assertArrayEquals(new int[] {899_760, 399_678, 500_242, 200_320}, flow.benchmarkTypeCounts());
        for (int i = 0; i < flow.prefillCount(); i++) {
            assertEquals(OrderFlow.GTC, flow.type(i), "prefill row " + i);
        }
    }

    @Test
    void rowsCarryTheirFields() {
        // "0,P,GTC,B,1,150,99999,3" and "4002,B,MOVE,S,2694,180,100228,0" in the file.
        assertRow(0, OrderFlow.GTC, true, 1, 150, 99_999, 3);
        assertRow(4_002, OrderFlow.MOVE, false, 2_694, 180, 100_228, 0);
    }

    @Test
    void cancelsAndMovesNameOrdersPlacedEarlier() {
        Set<Long> placed = new HashSet<>();
        for (int i = 0; i < flow.rows(); i++) {
            byte type = flow.type(i);
            if (type == OrderFlow.GTC || type == OrderFlow.IOC) {
                assertTrue(placed.add(flow.orderId(i)), "row " + i + " reuses order id " + flow.orderId(i));
            } else {
                assertTrue(placed.contains(flow.orderId(i)), "row " + i + " names unplaced order " + flow.orderId(i));
            }
        }
    }

    @Test
    void everyEngineReproducesFlowMd() {
        for (String engine : BookDriver.ENGINES) {
            assertEquals(SyntheticFlow.EXPECTED, BookDriver.verify(engine, flow).result(), engine);
        }
    }

    @Test
    void aMissingFileFailsNamingItAndWhereItWasSought(@TempDir Path empty) {
        String before = System.getProperty(OrderflowData.DIRECTORY_PROPERTY);
        System.setProperty(OrderflowData.DIRECTORY_PROPERTY, empty.toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, SyntheticFlow::load);
            assertTrue(e.getMessage().contains(SyntheticFlow.FILE_NAME), e.getMessage());
            assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(OrderflowData.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(OrderflowData.DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void aMalformedRowIsRefusedWithItsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((SyntheticFlow.HEADER + "\n0,P,GTC,B,1,150,99999,3\n1,P,GTX,S,2,999,100001,4\n").getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SyntheticFlow.read(file));
        assertTrue(e.getMessage().contains("1,P,GTX,S,2,999,100001,4"), e.getMessage());
    }

    private static void assertRow(int i, byte type, boolean buy, long orderId, long uid, long price, long size) {
        assertEquals(type, flow.type(i), "type of row " + i);
        assertEquals(buy, flow.buy(i), "side of row " + i);
        assertEquals(orderId, flow.orderId(i), "order of row " + i);
        assertEquals(uid, flow.uid(i), "uid of row " + i);
        assertEquals(price, flow.price(i), "price of row " + i);
        assertEquals(size, flow.size(i), "size of row " + i);
    }
}
