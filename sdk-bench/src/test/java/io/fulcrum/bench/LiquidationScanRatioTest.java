package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link LiquidationScanRatio} divides the rescan's time by the index's, per kind of move. */
class LiquidationScanRatioTest {

    @Test
    void eachMoveGetsRescanTimeOverIndexedTime() {
        // steady: 10,000,000 / 2,000 = 5,000; first: 10,000,000 / 400,000 = 25. No B/op without -prof gc.
        Map<String, Map<String, LiquidationScanRatio.Row>> rows = new TreeMap<>();
        rows.put("steady", new TreeMap<>(Map.of("indexed", new LiquidationScanRatio.Row(2_000, 100, Double.NaN),
                "rescan", new LiquidationScanRatio.Row(10_000_000, 50_000, Double.NaN))));
        rows.put("first", new TreeMap<>(Map.of("indexed", new LiquidationScanRatio.Row(400_000, 1_000, 0.0))));

        List<String> lines = LiquidationScanRatio.summary(rows);

        assertEquals(7, lines.size(), lines.toString());
        assertEquals("  first   indexed         400,000.0 ±    1,000.0       0.00", lines.get(3));
        assertEquals("  steady  rescan       10,000,000.0 ±   50,000.0          -", lines.get(5));
        assertEquals("  steady: rescan / indexed = 5000.0", lines.get(6));
    }
}
