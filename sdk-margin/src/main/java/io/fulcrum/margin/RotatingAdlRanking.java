package io.fulcrum.margin;

import io.fulcrum.api.spi.DeleveragingCandidate;
import io.fulcrum.api.spi.DeleveragingRanking;
import java.util.ArrayList;
import java.util.List;

/**
 * dYdX's deleveraging order (MECHANISMS.md §2.4): no score; the candidates in their given order,
 * starting at {@code floorMod(seed, n)} and wrapping around.
 *
 * <p>Example: seed 7 over five candidates c0..c4 gives c2, c3, c4, c0, c1; so does seed -3.
 */
final class RotatingAdlRanking implements DeleveragingRanking {
    static final RotatingAdlRanking INSTANCE = new RotatingAdlRanking();

    private RotatingAdlRanking() {}

    @Override
    public List<DeleveragingCandidate> order(List<DeleveragingCandidate> candidates, long seed) {
        List<DeleveragingCandidate> given = AdlRankings.requireCandidates(candidates);
        int n = given.size();
        if (n == 0) {
            return List.of(); // floorMod by zero would throw; an empty list has one order
        }
        // floorMod, not %, so a negative seed still gives an offset in [0, n).
        int start = (int) Math.floorMod(seed, (long) n);
        List<DeleveragingCandidate> ordered = new ArrayList<>(n);
        ordered.addAll(given.subList(start, n));
        ordered.addAll(given.subList(0, start));
        return List.copyOf(ordered);
    }

    @Override
    public String toString() {
        return "dydx";
    }
}
