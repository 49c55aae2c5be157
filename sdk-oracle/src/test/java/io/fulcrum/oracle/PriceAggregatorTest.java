package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.oracle.PriceAggregator.Aggregate;
import io.fulcrum.oracle.PriceAggregator.Quote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceAggregatorTest {

    /** Quotes named q0, q1, … with weight 1 and no confidence. */
    private static List<Quote> prices(long... prices) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            quotes.add(new Quote("q" + i, prices[i], 0, 1));
        }
        return quotes;
    }

    /** Quotes named q0, q1, … from (price, confidence) pairs, weight 1. */
    private static List<Quote> withConfidence(long... pricesAndConfidences) {
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < pricesAndConfidences.length; i += 2) {
            quotes.add(new Quote("q" + i / 2, pricesAndConfidences[i], pricesAndConfidences[i + 1], 1));
        }
        return quotes;
    }

    // --- median (Chainlink OCR) ---

    @Test
    void medianOfAnOddCountIsTheMiddleQuote() {
        // MECHANISMS.md §8.1: [101, 99, 100, 103, 102] → sorted [99, 100, 101, 102, 103], index 2 → 101.
        assertEquals(new Aggregate(101, 0, List.of()), PriceAggregator.median().aggregate(prices(101, 99, 100, 103, 102)));
    }

    @Test
    void medianOfAnEvenCountIsTheUpperMiddleQuote() {
        // MECHANISMS.md §8.1: [99, 100, 101, 102] → index 4 / 2 = 2 → 101.
        assertEquals(101, PriceAggregator.median().aggregate(prices(99, 100, 101, 102)).price());
    }

    @Test
    void medianIgnoresWeights() {
        // 100 with weight 1,000 and 200, 300 with weight 1: unweighted index 1 → 200.
        List<Quote> quotes = List.of(new Quote("a", 100, 0, 1_000), new Quote("b", 200, 0, 1), new Quote("c", 300, 0, 1));
        assertEquals(200, PriceAggregator.median().aggregate(quotes).price());
    }

    @Test
    void medianConfidenceIsTheUpperMedianOfTheConfidences() {
        // Confidences [1, 50, 2] → sorted [1, 2, 50], index 1 → 2: the careless 50 does not widen it.
        Aggregate aggregate = PriceAggregator.median().aggregate(withConfidence(100, 1, 101, 50, 102, 2));
        assertEquals(new Aggregate(101, 2, List.of()), aggregate);
    }

    // --- weighted median (Hyperliquid) ---

    @Test
    void weightedMedianOfTheHyperliquidExampleIgnoresTheOutlier() {
        // MECHANISMS.md §1.2, prices × 10: (1000 w3), (1002 w2), (999 w2), (1005 w1), (1001 w1), (998 w1),
        // (1030 w1). Total 11. Cumulative: 998 → 1, 999 → 3, 1000 → 6, and 2 · 6 = 12 ≥ 11 → 1000 (100.0).
        List<Quote> quotes = List.of(new Quote("binance", 1000, 0, 3), new Quote("okx", 1002, 0, 2),
                new Quote("bybit", 999, 0, 2), new Quote("kraken", 1005, 0, 1), new Quote("kucoin", 1001, 0, 1),
                new Quote("gate", 998, 0, 1), new Quote("mexc", 1030, 0, 1));
        assertEquals(new Aggregate(1000, 0, List.of()), PriceAggregator.weightedMedian().aggregate(quotes));
    }

    @Test
    void weightedMedianLetsAHeavySourceWin() {
        // 100 (w3), 200 (w1), 300 (w1): total 5; cumulative at 100 is 3, 2 · 3 ≥ 5 → 100 (the plain median is 200).
        List<Quote> quotes = List.of(new Quote("a", 100, 0, 3), new Quote("b", 200, 0, 1), new Quote("c", 300, 0, 1));
        assertEquals(100, PriceAggregator.weightedMedian().aggregate(quotes).price());
    }

    @Test
    void weightedMedianConfidenceIsTheWeightedMedianOfConfidences() {
        // Confidences 9 (w3), 1 (w1), 2 (w1): sorted 1 (cum 1), 2 (cum 2), 9 (cum 5); 2 · 5 ≥ 5 first at 9.
        List<Quote> quotes = List.of(new Quote("a", 100, 9, 3), new Quote("b", 200, 1, 1), new Quote("c", 300, 2, 1));
        assertEquals(new Aggregate(100, 9, List.of()), PriceAggregator.weightedMedian().aggregate(quotes));
    }

    // --- confidence vote (Pyth) ---

    @Test
    void confidenceVoteOfThreePublishers() {
        // MECHANISMS.md §8.2: (100 ± 1), (101 ± 1), (110 ± 10) → votes [99, 100, 100, 100, 101, 101, 102, 110, 120];
        // n = 9: p25 = v[2] = 100, p50 = v[4] = 101, p75 = v[9 − 1 − 2] = v[6] = 102 → 101 ± max(1, 1) = 101 ± 1.
        assertEquals(new Aggregate(101, 1, List.of()),
                PriceAggregator.confidenceVote().aggregate(withConfidence(100, 1, 101, 1, 110, 10)));
    }

    @Test
    void confidenceVoteIgnoresAFarOutlierWithAnEvenVoteCount() {
        // MECHANISMS.md §8.2: (100 ± 1), (101 ± 1), (102 ± 2), (80 ± 1) → 12 votes
        // [79, 80, 81, 99, 100, 100, 100, 101, 101, 102, 102, 104]; p25 = v[3] = 99,
        // p50 = floor((v[5] + v[6]) / 2) = floor(200 / 2) = 100, p75 = v[12 − 1 − 3] = v[8] = 101 → 100 ± 1.
        assertEquals(new Aggregate(100, 1, List.of()),
                PriceAggregator.confidenceVote().aggregate(withConfidence(100, 1, 101, 1, 102, 2, 80, 1)));
    }

    @Test
    void confidenceVoteFloorsTheMeanOfTheTwoMiddleVotes() {
        // (100 ± 1), (103 ± 1): votes [99, 100, 101, 102, 103, 104]; n = 6: p25 = v[1] = 100,
        // p50 = floor((101 + 102) / 2) = 101, p75 = v[6 − 1 − 1] = v[4] = 103 → 101 ± max(1, 2) = 101 ± 2.
        assertEquals(new Aggregate(101, 2, List.of()),
                PriceAggregator.confidenceVote().aggregate(withConfidence(100, 1, 103, 1)));
    }

    @Test
    void confidenceVoteLeavesOutPublishersWithoutAConfidence() {
        // q1 (500, confidence unknown) is not a valid Pyth publisher; (100 ± 1), (101 ± 1), (110 ± 10) vote as above.
        Aggregate aggregate = PriceAggregator.confidenceVote().aggregate(withConfidence(100, 1, 500, 0, 101, 1, 110, 10));
        assertEquals(new Aggregate(101, 1, List.of("q1")), aggregate);
    }

    @Test
    void confidenceVoteWithNoConfidenceAtAllHasNoPrice() {
        Aggregate aggregate = PriceAggregator.confidenceVote().aggregate(withConfidence(100, 0, 101, 0));
        assertEquals(new Aggregate(0, 0, List.of("q0", "q1")), aggregate);
        assertFalse(aggregate.hasPrice());
    }

    @Test
    void aTightPublisherPullsTheVoteHarderThanALooseOne() {
        // (100 ± 1), (110 ± 30), (120 ± 30): votes [80, 90, 99, 100, 101, 110, 120, 140, 150]; p50 = v[4] = 101,
        // p25 = v[2] = 99, p75 = v[6] = 120 → 101 ± max(2, 19) = 101 ± 19. The plain median of the prices is 110.
        assertEquals(new Aggregate(101, 19, List.of()),
                PriceAggregator.confidenceVote().aggregate(withConfidence(100, 1, 110, 30, 120, 30)));
    }

    // --- trimmed mean ---

    @Test
    void trimmedMeanRejectsOutliersTrimsAndRoundsHalfToEven() {
        // [100, 101, 102, 103, 150], trim 250,000 ppm, outliers beyond 100,000 ppm of the median.
        // Upper median 102. 150: |150 − 102| = 48, 48 · 10^6 = 48,000,000 > 100,000 · 102 = 10,200,000 → outlier.
        // 100: 2 · 10^6 ≤ 10,200,000, kept. Kept [100, 101, 102, 103]; trim floor(4 · 250,000 / 10^6) = 1 each end
        // → [101, 102]; mean 203 / 2 = 101.5 → half to even → 102; confidence ceil((102 − 101) / 2) = 1.
        Aggregate aggregate = PriceAggregator.trimmedMean(250_000, 100_000).aggregate(prices(100, 101, 102, 103, 150));
        assertEquals(new Aggregate(102, 1, List.of("q4")), aggregate);
    }

    @Test
    void trimmedMeanRoundsAnExactHalfDownToAnEvenNumber() {
        // [100, 101], no trim: 201 / 2 = 100.5 → 100 (even). Confidence ceil(1 / 2) = 1.
        assertEquals(new Aggregate(100, 1, List.of()), PriceAggregator.trimmedMean(0, 0).aggregate(prices(101, 100)));
    }

    @Test
    void trimmedMeanRoundsMoreThanHalfUp() {
        // [100, 100, 102]: 302 / 3 = 100.67 → 101. Confidence (102 − 100) / 2 = 1.
        assertEquals(new Aggregate(101, 1, List.of()), PriceAggregator.trimmedMean(0, 0).aggregate(prices(100, 102, 100)));
    }

    @Test
    void trimmedMeanWithoutOutlierRejectionKeepsAFarQuote() {
        // [100, 101, 102, 103, 150], trim 200,000 ppm: floor(5 · 0.2) = 1 each end → [101, 102, 103] → 306 / 3 = 102;
        // confidence ceil((103 − 101) / 2) = 1. The 150 is trimmed, not reported as an outlier.
        assertEquals(new Aggregate(102, 1, List.of()),
                PriceAggregator.trimmedMean(200_000, 0).aggregate(prices(150, 100, 101, 102, 103)));
    }

    @Test
    void trimmedMeanSumsExactlyBeyondTheLongRange() {
        // Four prices of 2^62 − 1 and one of 2^62 + 1: the sum exceeds 2^63, the mean is 2^62 − 1 + 2/5 → 2^62 − 1.
        long big = (1L << 62) - 1;
        Aggregate aggregate = PriceAggregator.trimmedMean(0, 0).aggregate(prices(big, big, big, big, big + 2));
        assertEquals(big, aggregate.price());
        assertEquals(1, aggregate.confidence());   // ceil((2^62 + 1 − (2^62 − 1)) / 2) = 1
    }

    @Test
    void trimmedMeanChecksItsParameters() {
        assertEquals("trimPpm must be in [0, 500000): 500000",
                assertThrows(IllegalArgumentException.class, () -> PriceAggregator.trimmedMean(500_000, 0)).getMessage());
        assertEquals("trimPpm must be in [0, 500000): -1",
                assertThrows(IllegalArgumentException.class, () -> PriceAggregator.trimmedMean(-1, 0)).getMessage());
        assertEquals("outlierPpm must not be negative (0 rejects no outliers): -1",
                assertThrows(IllegalArgumentException.class, () -> PriceAggregator.trimmedMean(0, -1)).getMessage());
    }

    // --- common contract ---

    @Test
    void everyAggregatorRefusesAnEmptyList() {
        assertEquals("median: no quotes to aggregate",
                assertThrows(IllegalArgumentException.class, () -> PriceAggregator.median().aggregate(List.of()))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceAggregator.weightedMedian().aggregate(List.of()));
        assertThrows(IllegalArgumentException.class, () -> PriceAggregator.confidenceVote().aggregate(List.of()));
        assertThrows(IllegalArgumentException.class, () -> PriceAggregator.trimmedMean(0, 0).aggregate(List.of()));
        assertThrows(NullPointerException.class, () -> PriceAggregator.median().aggregate(null));
    }

    @Test
    void eachAggregatorNamesItsRule() {
        assertEquals("median", PriceAggregator.median().toString());
        assertEquals("weighted median", PriceAggregator.weightedMedian().toString());
        assertEquals("confidence vote", PriceAggregator.confidenceVote().toString());
        assertEquals("trimmed mean (trim 250000 ppm each end, outliers beyond 100000 ppm of the median)",
                PriceAggregator.trimmedMean(250_000, 100_000).toString());
        assertEquals("trimmed mean (trim 0 ppm each end, no outlier rejection)", PriceAggregator.trimmedMean(0, 0).toString());
    }

    @Test
    void aQuoteChecksEveryValue() {
        assertEquals("a quote's feed name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new Quote(" ", 1, 0, 1)).getMessage());
        assertThrows(NullPointerException.class, () -> new Quote(null, 1, 0, 1));
        assertEquals("okx: a quoted price must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> new Quote("okx", 0, 0, 1)).getMessage());
        assertEquals("okx: a confidence must not be negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new Quote("okx", 1, -1, 1)).getMessage());
        assertEquals("okx: price + confidence must fit in a long: 2 + 9223372036854775806",
                assertThrows(IllegalArgumentException.class, () -> new Quote("okx", 2, Long.MAX_VALUE - 1, 1))
                        .getMessage());
        assertEquals("okx: a weight must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> new Quote("okx", 1, 0, 0)).getMessage());
    }

    @Test
    void anAggregateChecksItsValuesAndCopiesItsOutliers() {
        assertThrows(IllegalArgumentException.class, () -> new Aggregate(-1, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Aggregate(1, -1, List.of()));
        List<String> outliers = new ArrayList<>(List.of("okx"));
        Aggregate aggregate = new Aggregate(1, 0, outliers);
        outliers.add("bybit");
        assertEquals(List.of("okx"), aggregate.outliers());
        assertTrue(aggregate.hasPrice());
    }
}
