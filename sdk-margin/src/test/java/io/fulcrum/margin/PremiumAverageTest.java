package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Averages of premium samples (MECHANISMS.md §1.1, §2.5, §5.2). */
class PremiumAverageTest {
    @Test
    void meanIsThePlainAverageRoundedTowardZero() {
        // (1,000,000 + 2,000,000 + 0) / 3 = 1,000,000; (1 + 2) / 2 = 1.5 -> 1; (-1 - 2) / 2 = -1.5 -> -1.
        assertEquals(1_000_000, PremiumAverage.mean(new long[] {1_000_000, 2_000_000, 0}, 3));
        assertEquals(1, PremiumAverage.mean(new long[] {1, 2}, 2));
        assertEquals(-1, PremiumAverage.mean(new long[] {-1, -2}, 2));
    }

    @Test
    void meanReadsOnlyTheFirstCountSamples() {
        // A buffer with a stale tail: (10 + 20) / 2 = 15.
        assertEquals(15, PremiumAverage.mean(new long[] {10, 20, 999_999}, 2));
    }

    @Test
    void timeWeightedMeanWeighsLaterSamplesMore() {
        // Binance (§5.2): (1 x 100 + 2 x 200 + 3 x 300) / (1 + 2 + 3) = 1,400 / 6 = 233.33 -> 233.
        assertEquals(233, PremiumAverage.timeWeighted(new long[] {100, 200, 300}, 3));
        // The plain mean of the same samples is 200.
        assertEquals(200, PremiumAverage.mean(new long[] {100, 200, 300}, 3));
        // (1 x -100 + 2 x -200 + 3 x -300) / 6 = -233.33 -> -233.
        assertEquals(-233, PremiumAverage.timeWeighted(new long[] {-100, -200, -300}, 3));
        assertEquals(7, PremiumAverage.timeWeighted(new long[] {7}, 1));
    }

    @Test
    void paddedMeanCountsMissingSamplesAsZero() {
        // §2.5: 30 samples of 1,000 ppm in an hour of 60 -> 500 ppm = 500,000 ppb.
        long[] thirty = new long[30];
        Arrays.fill(thirty, 1_000_000);
        assertEquals(500_000, PremiumAverage.paddedMean(thirty, 30, DydxFunding.MIN_SAMPLES_PER_TICK));
    }

    @Test
    void paddedMeanOfMoreSamplesThanTheMinimumIsThePlainMean() {
        long[] seventy = new long[70];
        Arrays.fill(seventy, 1_000_000);
        assertEquals(1_000_000, PremiumAverage.paddedMean(seventy, 70, 60));
        assertEquals(0, PremiumAverage.paddedMean(new long[0], 0, 60));
    }

    @Test
    void paddedMedianPadsTheVotesWithZeros() {
        // 10 votes of 2,000 padded to 15: five 0 then ten 2,000, the 8th is 2,000.
        long[] ten = new long[10];
        Arrays.fill(ten, 2_000);
        assertEquals(2_000, PremiumAverage.paddedMedian(ten, 10, DydxFunding.MIN_VOTES_PER_SAMPLE));
        // 7 votes of 2,000 padded to 15: eight 0 then seven 2,000, the 8th is 0.
        assertEquals(0, PremiumAverage.paddedMedian(ten, 7, 15));
        assertEquals(0, PremiumAverage.paddedMedian(new long[0], 0, 15));
    }

    @Test
    void evenMedianRoundsHalfAwayFromZero() {
        // 16 votes, eight of 3 and eight of 4: (3 + 4) / 2 = 3.5 -> 4; negated -3.5 -> -4; (2 + 4) / 2 = 3 exactly.
        long[] votes = new long[16];
        Arrays.fill(votes, 0, 8, 3);
        Arrays.fill(votes, 8, 16, 4);
        assertEquals(4, PremiumAverage.paddedMedian(votes, 16, 15));
        long[] negative = Arrays.stream(votes).map(v -> -v).toArray();
        assertEquals(-4, PremiumAverage.paddedMedian(negative, 16, 15));
        assertEquals(3, PremiumAverage.paddedMedian(new long[] {4, 2}, 2, 1));
    }

    @Test
    void medianLeavesTheCallersVotesUnsorted() {
        long[] votes = {5, 1, 3};
        assertEquals(3, PremiumAverage.paddedMedian(votes, 3, 1));
        assertArrayEquals(new long[] {5, 1, 3}, votes);
    }

    @Test
    void rejectsBadCounts() {
        assertEquals("count must be in [1, 2]: 0", assertThrows(IllegalArgumentException.class,
                () -> PremiumAverage.mean(new long[2], 0)).getMessage());
        assertEquals("count must be in [1, 2]: 3", assertThrows(IllegalArgumentException.class,
                () -> PremiumAverage.timeWeighted(new long[2], 3)).getMessage());
        assertEquals("minCount must be positive: 0", assertThrows(IllegalArgumentException.class,
                () -> PremiumAverage.paddedMean(new long[2], 2, 0)).getMessage());
        assertEquals("minVotes must be positive: -1", assertThrows(IllegalArgumentException.class,
                () -> PremiumAverage.paddedMedian(new long[2], 2, -1)).getMessage());
        assertThrows(NullPointerException.class, () -> PremiumAverage.mean(null, 1));
    }
}
