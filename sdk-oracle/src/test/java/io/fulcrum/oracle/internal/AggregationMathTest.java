package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AggregationMathTest {
    @Test
    void aDistanceExactlyAtTheLimitDoesNotExceedIt() {
        // 2 % of 1,000,000: 20,000 · 10^6 = 2·10^10 = 20,000 · 1,000,000.
        assertFalse(AggregationMath.exceedsPpm(20_000, 1_000_000, 20_000));
        assertTrue(AggregationMath.exceedsPpm(20_001, 1_000_000, 20_000));
    }

    @Test
    void productsBeyondTheLongRangeCompareExactly() {
        // 2^50 · 10^6 against ppm · 2^60, both near 2^70: equivalent to 10^6 against ppm · 1,024.
        // ppm 1,000: 1,024,000 > 10^6, not exceeded; ppm 976: 999,424 < 10^6, exceeded.
        assertFalse(AggregationMath.exceedsPpm(1L << 50, 1L << 60, 1_000));
        assertTrue(AggregationMath.exceedsPpm(1L << 50, 1L << 60, 976));
    }

    @Test
    void productsWithEqualHighWordsCompareTheirLowWordsUnsigned() {
        // 2^62 · 2 = 2^63 has high word 0 and low word 0x8000…0, negative as a signed long; 1 · 1 = 1.
        // Unsigned, 2^63 > 1; a signed comparison of the low words would say the opposite.
        assertEquals(1, AggregationMath.compareProducts(1L << 62, 2, 1, 1));
        assertEquals(-1, AggregationMath.compareProducts(1, 1, 1L << 62, 2));
        // (2^63 − 1) · 2 = 2^64 − 2 both ways round.
        assertEquals(0, AggregationMath.compareProducts(Long.MAX_VALUE, 2, 2, Long.MAX_VALUE));
    }

    @Test
    void negativeArgumentsAreRefused() {
        assertEquals("amount, base and ppm must not be negative: -1, 1, 1",
                assertThrows(IllegalArgumentException.class, () -> AggregationMath.exceedsPpm(-1, 1, 1)).getMessage());
    }

    @Test
    void theDistanceBetweenTwoPositivePricesIsSymmetric() {
        assertEquals(350_000, AggregationMath.distance(650_000, 1_000_000));
        assertEquals(350_000, AggregationMath.distance(1_000_000, 650_000));
        assertEquals(Long.MAX_VALUE - 1, AggregationMath.distance(1, Long.MAX_VALUE));
    }
}
