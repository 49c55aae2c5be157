package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of GMX price impact over seeded random books (MECHANISMS.md §3.1). */
class PriceImpactPropertyTest {
    @Test
    void openingAndImmediatelyClosingNeverEarnsImpact() {
        // With f+ <= f- and one exponent the round trip sums to (f+ - f-) x (...) <= 0 in every case
        // (same side, improving first, or crossing), and floor rounding only lowers each leg.
        long seed = 20261121L;
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            int exponent = 1 + random.nextInt(3);
            long negative = 1 + random.nextInt(1_000_000_000);
            // Sometimes f+ > f-: the model must cap it.
            long positive = random.nextInt(2_000_000_000);
            PriceImpact impact = new PriceImpact(negative, positive, exponent, exponent, 1_000_000, 1_000_000, 2);
            long longOi = random.nextInt(1_000_000_000);
            long shortOi = random.nextInt(1_000_000_000);
            long size = 1 + random.nextInt(1_000_000_000);
            boolean isLong = random.nextBoolean();
            long open = impact.impactUsd(longOi, shortOi, size, isLong);
            long close = isLong ? impact.impactUsd(longOi + size, shortOi, -size, true)
                    : impact.impactUsd(longOi, shortOi + size, -size, false);
            assertTrue(open + close <= 0, "seed " + seed + " case " + i + ": open " + open + " + close " + close
                    + " for " + impact + " long " + longOi + " short " + shortOi + " size " + size + " isLong " + isLong);
        }
    }

    @Test
    void aTradeThatWidensTheGapOnOneSideNeverEarns() {
        long seed = 7L;
        Random random = new Random(seed);
        PriceImpact impact = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 1_000_000, 1_000_000, 6);
        for (int i = 0; i < 2_000; i++) {
            long longOi = random.nextInt(1_000_000_000);
            long shortOi = random.nextInt(1_000_000_000);
            long size = 1 + random.nextInt(1_000_000_000);
            boolean isLong = longOi >= shortOi;
            long result = impact.impactUsd(longOi, shortOi, size, isLong);
            assertTrue(result <= 0, "seed " + seed + " case " + i + ": " + result);
        }
    }
}
