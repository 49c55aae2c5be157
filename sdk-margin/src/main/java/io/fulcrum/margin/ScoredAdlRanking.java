package io.fulcrum.margin;

import io.fulcrum.api.spi.DeleveragingCandidate;
import io.fulcrum.api.spi.DeleveragingRanking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link DeleveragingRanking} that sorts candidates by a score, highest first; equal scores
 * keep their given order and {@link AdlScore#UNRANKED} candidates come last, also in their given
 * order. The seed is not used: a score ranking is the same for every event.
 *
 * <p>Example: {@link AdlRankings#hyperliquid()} orders B (2.6889), A (12.1) as A, B.
 */
final class ScoredAdlRanking implements DeleveragingRanking {
    private final String name;
    private final Function<DeleveragingCandidate, AdlScore> score;

    ScoredAdlRanking(String name, Function<DeleveragingCandidate, AdlScore> score) {
        this.name = name;
        this.score = score;
    }

    @Override
    public List<DeleveragingCandidate> order(List<DeleveragingCandidate> candidates, long seed) {
        List<DeleveragingCandidate> given = AdlRankings.requireCandidates(candidates);
        // Score each candidate once: a comparison multiplies 128-bit numbers, scoring allocates.
        List<Scored> scored = new ArrayList<>(given.size());
        for (DeleveragingCandidate candidate : given) {
            scored.add(new Scored(candidate, score.apply(candidate)));
        }
        // List.sort is a stable merge sort, so equal scores keep the venue's order.
        scored.sort(Comparator.comparing(Scored::score).reversed());
        List<DeleveragingCandidate> ordered = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            ordered.add(s.candidate());
        }
        return List.copyOf(ordered);
    }

    @Override
    public String toString() {
        return name;
    }

    private record Scored(DeleveragingCandidate candidate, AdlScore score) {}
}
