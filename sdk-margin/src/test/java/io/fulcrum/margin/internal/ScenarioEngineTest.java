package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenarioEngineTest {
    /** BTC (16 %) in group 0, ETH (20 %) in group 1, scenarios −1, 0, +1 range, one credit at {@code rate}. */
    private static ScenarioEngine btcEth(long rate) {
        return new ScenarioEngine(2, new int[] {0, 1}, new long[] {160_000, 200_000}, new long[] {0, 0},
                new long[] {-1, 0, 1}, new long[] {1, 1, 1}, new int[] {0, 0, 0},
                new long[] {1_000_000, 1_000_000, 1_000_000}, new int[] {0}, new int[] {1}, new long[] {rate});
    }

    @Test
    void javadocExampleCreditsTwiceTheMatchedLossAtTheRate() {
        // Long 60,000 BTC, short 60,000 ETH: 9,600 + 12,000 − ⌊2 × 9,600 × 0.5⌋ = 12,000.
        ScenarioEngine engine = btcEth(500_000);
        ScenarioScratch s = engine.newScratch();
        s.addValue(0, 60_000);
        s.addValue(1, -60_000);
        engine.prepare(s, false);
        engine.accumulatePositions(s);
        assertEquals(12_000, engine.requirement(s));
        assertEquals(9_600, engine.scenarioLoss(s, 0, 0));
        assertEquals(-12_000, engine.scenarioLoss(s, 1, 0));
    }

    @Test
    void aScenarioLossIsRoundedUp() {
        // 1 unit long, −16 %: loss 0.16 → 1.
        ScenarioEngine engine = btcEth(0);
        ScenarioScratch s = engine.newScratch();
        s.addValue(0, 1);
        engine.prepare(s, false);
        engine.accumulatePositions(s);
        assertEquals(1, engine.requirement(s));
        assertEquals(0, engine.scenarioLoss(s, 0, 2)); // a gain of 0.16 rounds up to 0
    }

    @Test
    void ordersAddOnlyTheSideThatLosesInEachScenario() {
        // Flat BTC with a 60,000 buy and a 30,000 sell resting: −1 loses 9,600 (the buy), +1 loses
        // 4,800 (the sell).
        ScenarioEngine engine = btcEth(0);
        ScenarioScratch s = engine.newScratch();
        s.addOrders(0, 60_000, 30_000);
        engine.prepare(s, false);
        engine.accumulateOrders(s);
        assertEquals(9_600, engine.scenarioLoss(s, 0, 0));
        assertEquals(4_800, engine.scenarioLoss(s, 0, 2));
        assertEquals(9_600, engine.requirement(s));
    }

    @Test
    void resetForgetsThePreviousEvaluation() {
        ScenarioEngine engine = btcEth(0);
        ScenarioScratch s = engine.newScratch();
        s.addValue(0, 60_000);
        engine.prepare(s, true);
        engine.accumulatePositions(s);
        s.reset();
        engine.prepare(s, true);
        engine.accumulatePositions(s);
        assertEquals(0, engine.requirement(s));
    }

    @Test
    void sixtyFourAndOneHundredTwentyEightBitSumsAgree() {
        // prepare(…, true) forces the 128-bit path; values small enough for both must give the same answers.
        ScenarioEngine engine = btcEth(700_000);
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            long[] values = {random.nextLong() >> 20, random.nextLong() >> 20};
            long[] buys = {random.nextLong() >>> 22, random.nextLong() >>> 22};
            long[] sells = {random.nextLong() >>> 22, random.nextLong() >>> 22};
            long[] answers = new long[4];
            for (int wide = 0; wide < 2; wide++) {
                ScenarioScratch s = engine.newScratch();
                for (int u = 0; u < 2; u++) {
                    s.addValue(u, values[u]);
                    s.addOrders(u, buys[u], sells[u]);
                }
                engine.prepare(s, wide == 1);
                assertEquals(wide == 0, s.narrow, "seed " + seed);
                engine.accumulatePositions(s);
                answers[2 * wide] = engine.requirement(s);
                engine.accumulateOrders(s);
                answers[2 * wide + 1] = engine.requirement(s);
            }
            assertEquals(answers[0], answers[2], "positions, seed " + seed);
            assertEquals(answers[1], answers[3], "with orders, seed " + seed);
        }
    }

    @Test
    void aHoldingTooLargeFor64BitSumsTakesThe128BitPath() {
        ScenarioEngine engine = btcEth(0);
        ScenarioScratch s = engine.newScratch();
        s.addValue(0, Long.MAX_VALUE / 2);
        engine.prepare(s, false);
        assertEquals(false, s.narrow);
        engine.accumulatePositions(s);
        // −16 % of (2^62 − 1) = 737,869,762,948,382,064.48 → rounded up.
        assertEquals(737_869_762_948_382_065L, engine.requirement(s));
    }

    @Test
    void aCreditBetweenAGroupAndItselfIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ScenarioEngine(1, new int[] {0}, new long[] {160_000},
                new long[] {0}, new long[] {1}, new long[] {1}, new int[] {0}, new long[] {1_000_000}, new int[] {0},
                new int[] {0}, new long[] {500_000}));
    }
}
