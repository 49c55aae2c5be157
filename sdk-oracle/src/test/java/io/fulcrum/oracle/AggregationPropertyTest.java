package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.oracle.PriceAggregator.Aggregate;
import io.fulcrum.oracle.PriceAggregator.Quote;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties every aggregation rule must keep, over random quote sets from fixed seeds. Each
 * failure message names the seed, so {@code new Random(seed)} replays the case.
 */
class AggregationPropertyTest {
    private static final int CASES = 500;
    private static final List<PriceAggregator> RULES = List.of(PriceAggregator.median(),
            PriceAggregator.weightedMedian(), PriceAggregator.confidenceVote(), PriceAggregator.trimmedMean(200_000, 0),
            PriceAggregator.trimmedMean(100_000, 50_000));

    /** 1 to 9 quotes around a random level (up to 2^50), up to ±10 % apart, confidences up to 2 %, weights 1..5. */
    private static List<Quote> randomQuotes(Random random) {
        long level = 1_000 + (random.nextLong() & ((1L << 50) - 1));
        int n = 1 + random.nextInt(9);
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long price = level + (long) ((random.nextDouble() - 0.5) * 0.2 * level);
            long confidence = random.nextInt(4) == 0 ? 0 : (long) (random.nextDouble() * 0.02 * price);
            quotes.add(new Quote("s" + i, price, confidence, 1 + random.nextInt(5)));
        }
        return quotes;
    }

    private static long min(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::price).min().orElseThrow();
    }

    private static long max(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::price).max().orElseThrow();
    }

    @Test
    void everyRulePricesWithinTheRangeOfTheQuotes() {
        for (long seed = 0; seed < CASES; seed++) {
            List<Quote> quotes = randomQuotes(new Random(seed));
            for (PriceAggregator rule : RULES) {
                Aggregate aggregate = rule.aggregate(quotes);
                if (!aggregate.hasPrice()) {
                    // Only a confidence vote among quotes that all lack a confidence has no price.
                    assertTrue(quotes.stream().allMatch(q -> q.confidence() == 0), "seed " + seed + ", " + rule);
                    continue;
                }
                String message = "seed " + seed + ", " + rule + ", " + quotes + " -> " + aggregate;
                assertTrue(aggregate.price() >= min(quotes) && aggregate.price() <= max(quotes), message);
                assertTrue(aggregate.confidence() >= 0, message);
            }
        }
    }

    @Test
    void noRuleDependsOnTheOrderOfTheQuotes() {
        for (long seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            List<Quote> quotes = randomQuotes(random);
            List<Quote> shuffled = new ArrayList<>(quotes);
            Collections.shuffle(shuffled, random);
            for (PriceAggregator rule : RULES) {
                Aggregate inOrder = rule.aggregate(quotes);
                Aggregate reordered = rule.aggregate(shuffled);
                String message = "seed " + seed + ", " + rule;
                assertEquals(inOrder.price(), reordered.price(), message);
                assertEquals(inOrder.confidence(), reordered.confidence(), message);
            }
        }
    }

    @Test
    void oneQuoteOfFiveMovedTenfoldMovesTheMedianNoMoreThanTheSpreadOfTheOtherFour() {
        for (long seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            List<Quote> quotes = randomQuotes(random);
            while (quotes.size() != 5) {
                quotes = randomQuotes(random);
            }
            int moved = random.nextInt(5);
            List<Quote> spiked = new ArrayList<>(quotes);
            Quote original = quotes.get(moved);
            spiked.set(moved, new Quote(original.feed(), original.price() * 10, original.confidence(), original.weight()));
            List<Quote> others = new ArrayList<>(quotes);
            others.remove(moved);
            long spread = max(others) - min(others);
            long before = PriceAggregator.median().aggregate(quotes).price();
            long after = PriceAggregator.median().aggregate(spiked).price();
            assertTrue(Math.abs(after - before) <= spread, "seed " + seed + ": median " + before + " -> " + after
                    + " when " + original.feed() + " went 10x; spread of the others " + spread);
        }
    }
}
