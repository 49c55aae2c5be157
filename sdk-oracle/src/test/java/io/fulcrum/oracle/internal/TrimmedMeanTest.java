package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrimmedMeanTest {
    private static long halfEven(long sum, long count) {
        return TrimmedMean.halfEvenQuotient(BigInteger.valueOf(sum), count);
    }

    @Test
    void anExactHalfRoundsToTheEvenNeighbour() {
        assertEquals(2, halfEven(5, 2));   // 2.5 → 2
        assertEquals(4, halfEven(7, 2));   // 3.5 → 4
    }

    @Test
    void otherFractionsRoundToTheNearest() {
        assertEquals(2, halfEven(7, 3));   // 2.33 → 2
        assertEquals(3, halfEven(8, 3));   // 2.67 → 3
        assertEquals(5, halfEven(15, 3));  // exact
    }

    @Test
    void theTrimCountIsRoundedDown() {
        long[] prices = {1, 2, 3, 4, 5, 6, 7, 8, 100};
        // 9 · 111,111 / 10^6 = 0.999999 → 0 trimmed: (36 + 100) / 9 = 15.11 → 15; confidence ceil(99 / 2) = 50.
        assertEquals(new AggregationResult(15, 50, List.of()), new TrimmedMean(111_111, 0).aggregate(prices));
        // 9 · 111,112 / 10^6 = 1.000008 → 1 from each end: [2..8], 35 / 7 = 5; confidence ceil(6 / 2) = 3.
        assertEquals(new AggregationResult(5, 3, List.of()), new TrimmedMean(111_112, 0).aggregate(prices));
    }

    @Test
    void theMedianItselfIsNeverAnOutlier() {
        // Outliers beyond 1 ppm of the upper median 20 of [10, 20, 30]: 10 and 30 go, 20 stays.
        assertEquals(new AggregationResult(20, 0, List.of(0, 2)), new TrimmedMean(0, 1).aggregate(new long[] {10, 20, 30}));
    }
}
