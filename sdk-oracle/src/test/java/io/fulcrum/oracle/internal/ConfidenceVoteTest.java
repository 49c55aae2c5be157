package io.fulcrum.oracle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceVoteTest {
    @Test
    void theMeanOfTwoVotesIsFlooredTowardsNegativeInfinity() {
        assertEquals(3, ConfidenceVote.floorMean(3, 4));      // 3.5 → 3
        assertEquals(-2, ConfidenceVote.floorMean(-1, -2));   // −1.5 → −2 (truncation would give −1)
        assertEquals(-2, ConfidenceVote.floorMean(-3, 0));    // −1.5 → −2
        assertEquals(100, ConfidenceVote.floorMean(100, 100));
    }

    @Test
    void theMeanOfTwoVotesDoesNotOverflow() {
        assertEquals(Long.MAX_VALUE, ConfidenceVote.floorMean(Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE - 1, ConfidenceVote.floorMean(Long.MAX_VALUE, Long.MAX_VALUE - 1));
        assertEquals(Long.MIN_VALUE, ConfidenceVote.floorMean(Long.MIN_VALUE, Long.MIN_VALUE));
    }

    @Test
    void aLowerVoteBelowZeroStillCounts() {
        // (10 ± 20), (12 ± 1), (14 ± 1): votes [−10, 10, 11, 12, 13, 13, 14, 15, 30]; n = 9:
        // p25 = v[2] = 11, p50 = v[4] = 13, p75 = v[6] = 14 → 13 ± max(2, 1) = 13 ± 2.
        assertEquals(new AggregationResult(13, 2, List.of()),
                ConfidenceVote.vote(new long[] {10, 12, 14}, new long[] {20, 1, 1}));
    }

    @Test
    void inputsWithoutAPositiveConfidenceAreRejectedByPosition() {
        // Only (12 ± 1) votes: [11, 12, 13] → p25 = v[0] = 11, p50 = v[1] = 12, p75 = v[2] = 13 → 12 ± 1.
        assertEquals(new AggregationResult(12, 1, List.of(0, 2)),
                ConfidenceVote.vote(new long[] {10, 12, 14}, new long[] {0, 1, -1}));
    }

    @Test
    void mismatchedInputsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfidenceVote.vote(new long[] {1, 2}, new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceVote.vote(new long[0], new long[0]));
    }
}
