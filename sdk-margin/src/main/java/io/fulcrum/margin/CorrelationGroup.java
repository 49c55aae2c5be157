package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Underlyings that a {@link PortfolioMargin} moves together: in each scenario one price move
 * (in scan ranges) applies to all of them, so a long in one nets against a short in another.
 * Underlyings in different groups move independently: each group's worst scenario is found on
 * its own and the worst losses add up, less any {@link OffsetCredit} between the groups. This is
 * SPAN's "combined commodity" (MECHANISMS.md §6.1) and TIMS's product group (§6.2). An
 * underlying in no group forms a group of its own, named after it.
 *
 * <p>Example: {@code CorrelationGroup.of("BTC", "BTC", "WBTC")}: wrapped bitcoin moves with
 * bitcoin, so long WBTC / short BTC-PERP nets to nothing. Leaving a stablecoin or a liquid
 * staking token out of its parent's group is how a depeg is margined: its losses then add to,
 * rather than offset, the parent's.
 *
 * @param name the group's name, as offset credits refer to it
 * @param underlyings the underlyings in the group, at least one, no repeats
 */
public record CorrelationGroup(String name, List<String> underlyings) {
    private static final Pattern NAME = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    public CorrelationGroup {
        requireName(name, "correlation group name");
        Objects.requireNonNull(underlyings, "underlyings");
        underlyings = List.copyOf(underlyings);
        if (underlyings.isEmpty()) {
            throw new IllegalArgumentException("correlation group " + name + " needs at least one underlying");
        }
        Set<String> seen = new HashSet<>();
        for (String underlying : underlyings) {
            requireName(underlying, "underlying of correlation group " + name);
            if (!seen.add(underlying)) {
                throw new IllegalArgumentException("correlation group " + name + " lists " + underlying + " twice");
            }
        }
    }

    /** The group {@code name} of {@code underlyings}. */
    public static CorrelationGroup of(String name, String... underlyings) {
        return new CorrelationGroup(name, List.of(Objects.requireNonNull(underlyings, "underlyings")));
    }

    /** Checks that {@code name} is 1-32 upper-case letters, digits, '.', '_' or '-', as symbols are. */
    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be 1-32 upper-case letters, digits, '.', '_' or '-': '"
                    + name + "'");
        }
        return name;
    }

    /**
     * A credit between two correlated groups, a simplified form of SPAN's inter-commodity spread
     * credit (MECHANISMS.md §6.1). When each group gains in the other's worst scenario (the account
     * holds a spread: long one, short the other), {@code m = min(worstLoss_first, worstLoss_second)}
     * of both worst losses is matched and the requirement falls by {@code ⌊2 · m · rate⌋}; a rate
     * of 100 % treats the matched part as fully hedged. Credits apply in the order they were
     * declared, each using up the matched loss on both sides, like SPAN's priority order, so no
     * loss is credited twice.
     *
     * <p>Example: BTC worst loss 9,600 (a fall), ETH worst loss 12,000 (a rise), rate 50 %: the
     * credit is ⌊2 × 9,600 × 0.5⌋ = 9,600 and the requirement 21,600 − 9,600 = 12,000.
     *
     * @param first one group's name
     * @param second the other group's name
     * @param ratePpm the credit rate, 0 to 1,000,000 ppm
     */
    public record OffsetCredit(String first, String second, long ratePpm) {
        public OffsetCredit {
            requireName(first, "offset credit's first group");
            requireName(second, "offset credit's second group");
            if (first.equals(second)) {
                throw new IllegalArgumentException("an offset credit joins two different groups, not " + first + " to itself");
            }
            if (ratePpm < 0 || ratePpm > Fixed.PPM) {
                throw new IllegalArgumentException("offset credit rate between " + first + " and " + second
                        + " must be in [0, 1,000,000] ppm: " + ratePpm);
            }
        }
    }
}
