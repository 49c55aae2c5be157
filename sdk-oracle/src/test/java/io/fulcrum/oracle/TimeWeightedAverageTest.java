package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeWeightedAverageTest {
    private static final TimeWeightedAverage MINUTE = TimeWeightedAverage.perPeriod(60_000);

    private static long[] newState() {
        return new long[TimeWeightedAverage.STATE_SLOTS];
    }

    @Test
    void eachPriceWeighsTheTimeItHeld() {
        // 100 for 20 s, then 110 for 40 s: (100·20 + 110·40) / 60 = 6,400 / 60 = 106.67 → 107.
        long[] state = newState();
        MINUTE.sample(state, 0, 0, 100);
        MINUTE.sample(state, 0, 20_000, 110);
        assertEquals(107, MINUTE.average(state, 0, 60_000));
    }

    @Test
    void theAverageSoFarCoversOnlyTheObservedPartOfThePeriod() {
        // Same samples, read at 30 s: (100·20 + 110·10) / 30 = 3,100 / 30 = 103.33 → 103.
        long[] state = newState();
        MINUTE.sample(state, 0, 0, 100);
        MINUTE.sample(state, 0, 20_000, 110);
        assertEquals(103, MINUTE.average(state, 0, 30_000));
    }

    @Test
    void beforeTheFirstSampleTheObservedPartStartsAtThatSample() {
        // First sample at 30 s: (100·15 + 200·15) / 30 = 150, not diluted by the unobserved 30 s.
        long[] state = newState();
        MINUTE.sample(state, 0, 30_000, 100);
        MINUTE.sample(state, 0, 45_000, 200);
        assertEquals(150, MINUTE.average(state, 0, 60_000));
    }

    @Test
    void afterABoundaryTheAverageRestartsWithThePriceHeldThere() {
        // 110 held from 20 s across the boundary at 60 s; 90 from 90 s.
        // Period (60 s, 120 s]: (110·30 + 90·30) / 60 = 100.
        long[] state = newState();
        MINUTE.sample(state, 0, 0, 100);
        MINUTE.sample(state, 0, 20_000, 110);
        assertEquals(110, MINUTE.average(state, 0, 61_000));
        MINUTE.sample(state, 0, 90_000, 90);
        assertEquals(100, MINUTE.average(state, 0, 120_000));
    }

    @Test
    void aSampleExactlyAtTheBoundaryWeighsNothingInThePeriodItEnds() {
        // Periods are (k·60 s, (k+1)·60 s]: 200 sampled at 60 s holds from there, so the
        // period ending at 60 s is all 100, and the next one is all 200.
        long[] state = newState();
        MINUTE.sample(state, 0, 0, 100);
        MINUTE.sample(state, 0, 60_000, 200);
        assertEquals(100, MINUTE.average(state, 0, 60_000));
        assertEquals(200, MINUTE.average(state, 0, 90_000));
    }

    @Test
    void skippingManyPeriodsKeepsTheLastPrice() {
        long[] state = newState();
        MINUTE.sample(state, 0, 0, 100);
        MINUTE.sample(state, 0, 30_000, 300);
        assertEquals(300, MINUTE.average(state, 0, 10 * 60_000 + 30_000));
    }

    @Test
    void withNoTimeObservedTheAverageIsThePriceHeld() {
        long[] state = newState();
        MINUTE.sample(state, 0, 5_000, 123);
        assertEquals(123, MINUTE.average(state, 0, 5_000));
    }

    @Test
    void theResultRoundsHalfToEven() {
        // (100·1 + 101·1) / 2 = 100.5 → 100; (101·1 + 102·1) / 2 = 101.5 → 102.
        long[] a = newState();
        MINUTE.sample(a, 0, 1, 100);
        MINUTE.sample(a, 0, 2, 101);
        assertEquals(100, MINUTE.average(a, 0, 3));
        long[] b = newState();
        MINUTE.sample(b, 0, 1, 101);
        MINUTE.sample(b, 0, 2, 102);
        assertEquals(102, MINUTE.average(b, 0, 3));
    }

    @Test
    void pricesNear2To60OverADayDoNotOverflow() {
        // A = 2^60 − 1 for 8 h, B = 2^60 − 4 for 16 h: (A + 2B) / 3 = 2^60 − 3 exactly.
        // Each product (≈ 2^60 · 5.76e7 ms ≈ 2^86) needs 128 bits.
        TimeWeightedAverage day = TimeWeightedAverage.perPeriod(86_400_000);
        long a = (1L << 60) - 1;
        long b = (1L << 60) - 4;
        long[] state = newState();
        day.sample(state, 0, 0, a);
        day.sample(state, 0, 28_800_000, b);
        assertEquals((1L << 60) - 3, day.average(state, 0, 86_400_000));
    }

    @Test
    void matchesAMillisecondByMillisecondSumOnRandomSamples() {
        long seed = 7_771L;
        Random random = new Random(seed);
        long period = 1_000;
        TimeWeightedAverage twap = TimeWeightedAverage.perPeriod(period);
        for (int run = 0; run < 100; run++) {
            int count = 1 + random.nextInt(8);
            long[] times = new long[count];
            long[] prices = new long[count];
            long[] state = newState();
            long now = random.nextInt(3_000);
            for (int i = 0; i < count; i++) {
                times[i] = now;
                prices[i] = 1 + random.nextInt(1_000);
                twap.sample(state, 0, now, prices[i]);
                now += random.nextInt(800);
            }
            long query = now;
            assertEquals(referenceAverage(times, prices, period, query), twap.average(state, 0, query),
                    "seed " + seed + " run " + run);
        }
    }

    /** Sums the price held in each millisecond (t, t + 1] of the observed part of query's period. */
    private static long referenceAverage(long[] times, long[] prices, long period, long query) {
        long periodStart = Math.floorDiv(query - 1, period) * period;   // query ∈ (start, start + period]
        long from = Math.max(periodStart, times[0]);
        long sum = 0;
        long count = 0;
        for (long t = from; t < query; t++) {
            long held = 0;
            for (int i = 0; i < times.length; i++) {
                if (times[i] <= t) {
                    held = prices[i];
                }
            }
            sum += held;
            count++;
        }
        if (count == 0) {
            return prices[prices.length - 1];
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Test
    void beforeAnySampleThereIsNoAverage() {
        long[] state = newState();
        assertFalse(MINUTE.hasValue(state, 0));
        assertThrows(IllegalStateException.class, () -> MINUTE.average(state, 0, 0));
        MINUTE.sample(state, 0, 0, 1);
        assertTrue(MINUTE.hasValue(state, 0));
    }

    @Test
    void aTimeBeforeTheLastUpdateIsRejectedAndChangesNothing() {
        long[] state = newState();
        MINUTE.sample(state, 0, 10_000, 100);
        long[] before = state.clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MINUTE.sample(state, 0, 9_000, 101));
        assertEquals("a TWAP time of 9000 ms is before the last update at 10000 ms", e.getMessage());
        assertArrayEquals(before, state);
        assertThrows(IllegalArgumentException.class, () -> MINUTE.average(state, 0, 9_000));
    }

    @Test
    void aNonPositivePriceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MINUTE.sample(newState(), 0, 0, 0));
        assertEquals("a TWAP sample must be a positive price: 0", e.getMessage());
    }

    @Test
    void thePeriodMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeWeightedAverage.perPeriod(-1));
        assertEquals("the averaging period must be positive: -1 ms", e.getMessage());
    }
}
