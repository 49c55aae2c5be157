package io.fulcrum.margin;

import io.fulcrum.api.spi.MarginState;
import java.util.Objects;

/**
 * dYdX v4's rule for accepting a trade or transfer (MECHANISMS.md §2.2,
 * {@code IsValidStateTransitionForUndercollateralizedSubaccount}): an account that ends below its
 * initial requirement may still make the change if the change does not make it riskier, so a user
 * can always reduce risk even when under water on initial margin.
 *
 * <p>A change from {@code before} to {@code after} does not make the account riskier when its
 * maintenance requirement does not grow <i>and</i> its collateral ratio
 * {@code equity / maintenance} does not fall, compared by cross-multiplication
 * ({@code after.equity * before.mmr >= before.equity * after.mmr}, exact in 128 bits). With a
 * maintenance requirement of zero on either side the ratio has no meaning: then only a change from
 * zero to zero that raises the equity qualifies (an account without positions and negative equity
 * may only improve it).
 *
 * <p>Example (5 % / 3 % margin): equity 3,000, IMR 4,150, MMR 2,490 (under initial). Buying back
 * half the short leaves equity 3,000, IMR 3,275, MMR 1,965: still under initial, but MMR fell and
 * 3,000 × 2,490 ≥ 3,000 × 1,965, so it is accepted. Selling more instead raises MMR to 3,015:
 * rejected.
 */
public final class MarginTransition {
    private MarginTransition() {}

    /** True if the venue accepts the change: {@code after} meets its initial requirement, or the change is not riskier. */
    public static boolean isAccepted(MarginState before, MarginState after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        return after.meetsInitial() || isNotRiskier(before, after);
    }

    /** True if the change from {@code before} to {@code after} does not make the account riskier (see above). */
    public static boolean isNotRiskier(MarginState before, MarginState after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        long mmrBefore = before.maintenanceRequirement();
        long mmrAfter = after.maintenanceRequirement();
        if (mmrAfter > mmrBefore) {
            return false;
        }
        if (mmrAfter == 0 || mmrBefore == 0) {
            return mmrAfter == 0 && mmrBefore == 0 && after.equity() > before.equity();
        }
        return compareProducts(after.equity(), mmrBefore, before.equity(), mmrAfter) >= 0;
    }

    /** Compares {@code a * b} with {@code c * d} exactly, as signed 128-bit products. */
    private static int compareProducts(long a, long b, long c, long d) {
        long highLeft = Math.multiplyHigh(a, b);
        long highRight = Math.multiplyHigh(c, d);
        if (highLeft != highRight) {
            return Long.compare(highLeft, highRight);
        }
        return Long.compareUnsigned(a * b, c * d);
    }
}
