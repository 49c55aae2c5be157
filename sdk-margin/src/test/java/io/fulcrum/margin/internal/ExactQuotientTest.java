package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactQuotientTest {
    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void floorDivRoundsTowardNegativeInfinityForEverySignPair() {
        // 7/2 = 3.5, −7/2 = −3.5, 7/−2 = −3.5, −7/−2 = 3.5.
        assertEquals(big(3), ExactQuotient.floorDiv(big(7), big(2)));
        assertEquals(big(-4), ExactQuotient.floorDiv(big(-7), big(2)));
        assertEquals(big(-4), ExactQuotient.floorDiv(big(7), big(-2)));
        assertEquals(big(3), ExactQuotient.floorDiv(big(-7), big(-2)));
        assertEquals(big(-3), ExactQuotient.floorDiv(big(-6), big(2)));
    }

    @Test
    void ceilDivRoundsTowardPositiveInfinityForEverySignPair() {
        assertEquals(big(4), ExactQuotient.ceilDiv(big(7), big(2)));
        assertEquals(big(-3), ExactQuotient.ceilDiv(big(-7), big(2)));
        assertEquals(big(-3), ExactQuotient.ceilDiv(big(7), big(-2)));
        assertEquals(big(4), ExactQuotient.ceilDiv(big(-7), big(-2)));
        assertEquals(big(3), ExactQuotient.ceilDiv(big(6), big(2)));
    }

    @Test
    void clampKeepsValuesInsideTheRange() {
        assertEquals(1, ExactQuotient.clamp(big(-5), 1, 10));
        assertEquals(10, ExactQuotient.clamp(BigInteger.TWO.pow(70), 1, 10));
        assertEquals(7, ExactQuotient.clamp(big(7), 1, 10));
    }
}
