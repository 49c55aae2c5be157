package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The scenarios a {@link PortfolioMargin} revalues an account in: each moves every underlying's
 * price by a multiple of that underlying's scan range (a rational, so SPAN's thirds are exact)
 * and its volatility down, not at all or up by its volatility scan range, and weighs the
 * resulting loss. Perpetuals and spot holdings have no volatility exposure; volatility moves only
 * matter to option legs.
 *
 * <p>Two grids ship:
 * <ul>
 *   <li>{@link #span16()}: CME SPAN's 16-scenario risk array (MECHANISMS.md §6.1): price 0,
 *       ±1/3, ±2/3, ±3/3 of the range, each with volatility up and down, then the extremes ±3
 *       ranges, volatility unchanged, weighted 35 %. (The 3× and 35 % are CME's customary
 *       defaults; §6.1 marks them unverified on a CME page.)
 *   <li>{@link #evenlySpaced(int, VolShock...)}: price moves k/n of the range for k = −n … n,
 *       each with the given volatility moves, weight 1: Deribit's nine buckets of ±16 % with
 *       volatility down/same/up (§6.3, §6.4) are {@code evenlySpaced(4, DOWN, NONE, UP)}.
 * </ul>
 *
 * <p>Example: with a BTC scan range of 16 %, {@code span16()}'s scenario 16 moves BTC by
 * −3 × 16 % = −48 % and counts 35 % of the loss: long 1 BTC at 60,000 loses 28,800 there and
 * the scenario asks for 10,080, more than the −16 % scenario's 9,600.
 */
public final class ScenarioGrid {
    /** The most scan ranges a scenario may move a price by: extremes beyond 10 ranges are a typo. */
    public static final long MAX_RANGES = 10;

    private final List<Scenario> scenarios;

    private ScenarioGrid(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /** How far a scenario moves volatility, in volatility scan ranges. */
    public enum VolShock {
        /** Volatility falls by its scan range. */
        DOWN(-1),
        /** Volatility unchanged. */
        NONE(0),
        /** Volatility rises by its scan range. */
        UP(1);

        private final int direction;

        VolShock(int direction) {
            this.direction = direction;
        }

        /** −1, 0 or +1. */
        public int direction() {
            return direction;
        }
    }

    /**
     * One scenario: the price moves by {@code moveNumerator / moveDenominator} scan ranges,
     * volatility by {@code vol}, and the loss counts {@code weightPpm / 1,000,000}.
     *
     * <p>Example: {@code new Scenario(-1, 3, VolShock.UP, 1_000_000)} is SPAN's scenario 5.
     *
     * @param moveNumerator the move's numerator, −10 × denominator to 10 × denominator
     * @param moveDenominator positive, at most 1,000,000
     * @param vol the volatility move
     * @param weightPpm 1 to 1,000,000
     */
    public record Scenario(long moveNumerator, long moveDenominator, VolShock vol, long weightPpm) {
        public Scenario {
            Objects.requireNonNull(vol, "vol");
            if (moveDenominator <= 0 || moveDenominator > Fixed.PPM) {
                throw new IllegalArgumentException("scenario move denominator must be in [1, 1,000,000]: " + moveDenominator);
            }
            if (Math.abs(moveNumerator) > MAX_RANGES * moveDenominator) {
                throw new IllegalArgumentException("scenario move " + moveNumerator + "/" + moveDenominator
                        + " exceeds " + MAX_RANGES + " scan ranges");
            }
            if (weightPpm <= 0 || weightPpm > Fixed.PPM) {
                throw new IllegalArgumentException("scenario weight must be in (0, 1,000,000] ppm: " + weightPpm);
            }
        }

        /** True if this and {@code other} move price and volatility the same way (whatever their weights). */
        boolean sameMove(Scenario other) {
            return moveNumerator * other.moveDenominator == other.moveNumerator * moveDenominator && vol == other.vol;
        }

        @Override
        public String toString() {
            return moveNumerator + "/" + moveDenominator + " range, vol " + vol + ", weight " + weightPpm + " ppm";
        }
    }

    /**
     * CME SPAN's 16 scenarios in SPAN's order (MECHANISMS.md §6.1): 1/2 price unchanged, volatility
     * up/down; 3/4 +1/3; 5/6 −1/3; 7/8 +2/3; 9/10 −2/3; 11/12 +3/3; 13/14 −3/3; 15 +3 ranges and
     * 16 −3 ranges, volatility unchanged, weight 35 %.
     */
    public static ScenarioGrid span16() {
        Builder b = builder();
        for (long move : new long[] {0, 1, -1, 2, -2, 3, -3}) {
            b.scenario(move, 3, VolShock.UP).scenario(move, 3, VolShock.DOWN);
        }
        return b.extremes(3, 350_000).build();
    }

    /**
     * Price moves of k/{@code stepsEachSide} scan ranges for k = −steps … +steps, each combined
     * with every one of {@code vols}, weight 1 (MECHANISMS.md §6.3 and §6.4's grid). Ordered by
     * move, then by the order of {@code vols}.
     */
    public static ScenarioGrid evenlySpaced(int stepsEachSide, VolShock... vols) {
        if (stepsEachSide <= 0 || stepsEachSide > 1_000) {
            throw new IllegalArgumentException("steps each side must be in [1, 1,000]: " + stepsEachSide);
        }
        Objects.requireNonNull(vols, "vols");
        if (vols.length == 0) {
            throw new IllegalArgumentException("at least one volatility move is needed (NONE for none)");
        }
        Builder b = builder();
        for (int k = -stepsEachSide; k <= stepsEachSide; k++) {
            for (VolShock vol : vols) {
                b.scenario(k, stepsEachSide, Objects.requireNonNull(vol, "vol"));
            }
        }
        return b.build();
    }

    /** Starts an empty grid. */
    public static Builder builder() {
        return new Builder();
    }

    /** The scenarios, in order; a worst loss is reported by its index here. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** The number of scenarios. */
    public int size() {
        return scenarios.size();
    }

    @Override
    public String toString() {
        return "ScenarioGrid" + scenarios;
    }

    /** Builds a {@link ScenarioGrid}; scenarios keep the order they are added in. */
    public static final class Builder {
        private final List<Scenario> scenarios = new ArrayList<>();

        private Builder() {}

        /** Adds a scenario weighing its loss in full. */
        public Builder scenario(long moveNumerator, long moveDenominator, VolShock vol) {
            return scenario(new Scenario(moveNumerator, moveDenominator, vol, Fixed.PPM));
        }

        /** Adds a scenario; one that moves price and volatility like an earlier one is rejected. */
        public Builder scenario(Scenario scenario) {
            Objects.requireNonNull(scenario, "scenario");
            for (Scenario existing : scenarios) {
                if (existing.sameMove(scenario)) {
                    throw new IllegalArgumentException("scenario " + scenario + " repeats the move of " + existing);
                }
            }
            scenarios.add(scenario);
            return this;
        }

        /**
         * Adds SPAN-style extremes: {@code +ranges} and {@code −ranges} scan ranges, volatility
         * unchanged, loss weighted {@code weightPpm} (SPAN: 3 ranges at 350,000 ppm).
         */
        public Builder extremes(long ranges, long weightPpm) {
            if (ranges <= 0 || ranges > MAX_RANGES) {
                throw new IllegalArgumentException("extreme moves must be in [1, " + MAX_RANGES + "] scan ranges: " + ranges);
            }
            scenario(new Scenario(ranges, 1, VolShock.NONE, weightPpm));
            return scenario(new Scenario(-ranges, 1, VolShock.NONE, weightPpm));
        }

        /** Builds the grid; fails if it has no scenario. */
        public ScenarioGrid build() {
            if (scenarios.isEmpty()) {
                throw new IllegalArgumentException("a scenario grid needs at least one scenario");
            }
            return new ScenarioGrid(scenarios);
        }
    }
}
