package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.MarkInputs;
import org.junit.jupiter.api.Test;

class SmoothedIndexMarkTest {
    private static final SmoothedIndexMark TAU_60_S = SmoothedIndexMark.withTimeConstant(60_000);

    private final long[] state = new long[TAU_60_S.stateSize()];

    private long mark(long time, long index) {
        return TAU_60_S.markPrice(new MarkInputs(HyperliquidMarkTest.MARKET, time, index, 0, 0, 0), state);
    }

    @Test
    void theFirstCallMarksAtTheIndex() {
        assertEquals(12_345, mark(7_000, 12_345));
    }

    @Test
    void aLevelHeldForOneTimeConstantDominates() {
        // 100 at 0, 200 at 60 s: (100·e^−1 + 200·60,000) / (e^−1 + 60,000) = 199.9994 → 200.
        mark(0, 100);
        assertEquals(200, mark(60_000, 200));
    }

    @Test
    void theFirstIndexWeighsOneMillisecond() {
        // 100 at 0 (weight 1 ms), 200 at 1 ms (weight 1 ms): den = e^−1/60,000 + 1 ≈ 1.99998,
        // ema = 100 + 100 · 1 / 1.99998 = 150.0004 → 150.
        mark(0, 100);
        assertEquals(150, mark(1, 200));
    }

    @Test
    void aOneMillisecondSpikeDoesNotMoveTheMark() {
        // 100 every second for 600 s: den → 1,000 / (1 − e^−1/60) ≈ 60,500. A spike to 1,000
        // 1 ms later moves the EMA by 900 · 1 / 60,500 ≈ 0.015 → mark 100.
        for (int second = 0; second <= 600; second++) {
            assertEquals(100, mark(second * 1_000L, 100));
        }
        assertEquals(100, mark(600_001, 1_000));
    }

    @Test
    void theStateIsOneEma() {
        assertEquals(TimeDecayEma.STATE_SLOTS, TAU_60_S.stateSize());
    }

    @Test
    void aNonPositiveIndexIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mark(0, -1));
        assertEquals("BTC-PERP: the index price must be positive: -1", e.getMessage());
    }
}
