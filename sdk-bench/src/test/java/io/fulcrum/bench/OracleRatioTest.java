package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link OracleRatio} divides the peer's throughput by the benchmark's and skips pairs not measured. */
class OracleRatioTest {

    @Test
    void eachRatioIsThePeersThroughputOverTheBenchmarks() {
        // 100,000,000 / 2,000,000 = 50; 120,000 / 100,000 = 1.2. confidenceVote8 and the marks
        // were not measured, so their lines are left out.
        List<String> lines = OracleRatio.ratios(Map.of("aggregated8", 2_000_000.0, "single", 100_000_000.0,
                "guarded", 100_000.0, "plain", 120_000.0, "hyperliquidMark", 9_000_000.0));

        assertEquals(4, lines.size(), lines.toString());
        assertEquals("aggregated8 / single: 2,000,000 vs 100,000,000 ops/s = 50.00× the time per operation",
                lines.get(2));
        assertEquals("guarded / plain: 100,000 vs 120,000 ops/s = 1.20× the time per operation", lines.get(3));
    }
}
