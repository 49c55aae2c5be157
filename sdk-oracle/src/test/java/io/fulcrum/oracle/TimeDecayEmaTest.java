package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeDecayEmaTest {
    private static final TimeDecayEma TAU_150_S = TimeDecayEma.withTimeConstant(150_000);

    @Test
    void beforeTheFirstSampleThereIsNoValue() {
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        assertFalse(TAU_150_S.hasValue(state, 0));
        assertThrows(IllegalStateException.class, () -> TAU_150_S.value(state, 0));
    }

    @Test
    void theFirstSampleIsTheValueAtOnce() {
        // First sample: num = 10 · 1 ms, den = 1 ms → ema = 10.
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        TAU_150_S.sample(state, 0, 5_000, 10);
        assertTrue(TAU_150_S.hasValue(state, 0));
        assertEquals(10.0, TAU_150_S.value(state, 0));
    }

    @Test
    void aSampleOneTimeConstantLaterFollowsTheHyperliquidUpdate() {
        // 10 at t = 0 → num = 10, den = 1. 20 at t = 150 s, decay e^−1:
        // num = 10·e^−1 + 20·150,000 = 3,000,003.678794411714423
        // den = 1·e^−1 + 150,000     =   150,000.367879441171442
        // ema = 20 − 10·e^−1 / den   = 19.999975474764071
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        TAU_150_S.sample(state, 0, 0, 10);
        TAU_150_S.sample(state, 0, 150_000, 20);
        assertEquals(19.999975474764071, TAU_150_S.value(state, 0), 1e-9);
    }

    @Test
    void oldWeightDecaysWithTheTimeSinceItWasAdded() {
        // tau = 1 s. 100 at 0 → num 100, den 1.
        // 50 at 0.5 s: num = 100·e^−0.5 + 50·500, den = e^−0.5 + 500.
        // 80 at 1.5 s: num = 100·e^−1.5 + 25,000·e^−1 + 80·1,000 = 89,219.299045300901
        //              den = e^−1.5 + 500·e^−1 + 1,000           =  1,184.162850745870
        //              ema = 75.343774708947
        TimeDecayEma ema = TimeDecayEma.withTimeConstant(1_000);
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        ema.sample(state, 0, 0, 100);
        ema.sample(state, 0, 500, 50);
        ema.sample(state, 0, 1_500, 80);
        assertEquals(75.343774708947, ema.value(state, 0), 1e-9);
    }

    @Test
    void aSampleAtTheSameMillisecondAddsNoWeight() {
        // 20 at t = 0 has t = 0 after the first sample: weight 0, so the EMA stays 10 and the
        // later sample gives the same 19.999975474764071 as without it.
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        TAU_150_S.sample(state, 0, 0, 10);
        TAU_150_S.sample(state, 0, 0, 20);
        assertEquals(10.0, TAU_150_S.value(state, 0));
        TAU_150_S.sample(state, 0, 150_000, 20);
        assertEquals(19.999975474764071, TAU_150_S.value(state, 0), 1e-9);
    }

    @Test
    void aConstantInputGivesExactlyThatConstantAfterRounding() {
        long seed = 20_240_601L;
        Random random = new Random(seed);
        for (int run = 0; run < 200; run++) {
            long constant = 1 + (random.nextLong() >>> 12);   // up to 2^52: exactly representable
            TimeDecayEma ema = TimeDecayEma.withTimeConstant(1 + random.nextInt(1_000_000));
            long[] state = new long[TimeDecayEma.STATE_SLOTS];
            long now = random.nextInt(1_000_000);
            for (int i = 0; i < 50; i++) {
                ema.sample(state, 0, now, constant);
                now += random.nextInt(100_000);
            }
            assertEquals(constant, ema.roundedValue(state, 0), "seed " + seed + " run " + run);
        }
    }

    @Test
    void roundedValueRoundsHalfToEven() {
        // First samples are the value itself: 20.5 → 20, 21.5 → 22, −20.5 → −20.
        long[] state = new long[3 * TimeDecayEma.STATE_SLOTS];
        TAU_150_S.sample(state, 0, 0, 20.5);
        TAU_150_S.sample(state, 3, 0, 21.5);
        TAU_150_S.sample(state, 6, 0, -20.5);
        assertEquals(20, TAU_150_S.roundedValue(state, 0));
        assertEquals(22, TAU_150_S.roundedValue(state, 3));
        assertEquals(-20, TAU_150_S.roundedValue(state, 6));
    }

    @Test
    void eachEmaUsesOnlyItsOwnSliceOfTheState() {
        long[] state = new long[1 + 2 * TimeDecayEma.STATE_SLOTS];
        state[0] = 42;
        TAU_150_S.sample(state, 1, 0, 10);
        TAU_150_S.sample(state, 4, 0, 30);
        assertEquals(42, state[0]);
        assertEquals(10.0, TAU_150_S.value(state, 1));
        assertEquals(30.0, TAU_150_S.value(state, 4));
    }

    @Test
    void aTimeBeforeThePreviousUpdateIsRejectedAndChangesNothing() {
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        TAU_150_S.sample(state, 0, 10_000, 10);
        long[] before = state.clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TAU_150_S.sample(state, 0, 9_999, 20));
        assertEquals("an EMA sample at 9999 ms is before the previous update at 10000 ms", e.getMessage());
        assertArrayEquals(before, state);
    }

    @Test
    void aNonFiniteSampleIsRejected() {
        long[] state = new long[TimeDecayEma.STATE_SLOTS];
        assertThrows(IllegalArgumentException.class, () -> TAU_150_S.sample(state, 0, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TAU_150_S.sample(state, 0, 0, Double.POSITIVE_INFINITY));
        assertFalse(TAU_150_S.hasValue(state, 0));
    }

    @Test
    void theTimeConstantMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeDecayEma.withTimeConstant(0));
        assertEquals("the EMA time constant must be positive: 0 ms", e.getMessage());
    }
}
