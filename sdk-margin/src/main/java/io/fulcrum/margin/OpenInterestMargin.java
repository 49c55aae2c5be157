package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;

/**
 * dYdX v4's margin fractions of one market (a "liquidity tier", MECHANISMS.md §2.1): an initial
 * margin fraction that grows with the market's open interest (OIMF), and a maintenance requirement
 * that is a fixed fraction of the <i>base</i> initial requirement.
 *
 * <ul>
 *   <li>Effective initial fraction: the base {@code IMF} while open interest is at most the lower
 *       cap (or when the upper cap is 0: no scaling); 100 % from the upper cap on; in between
 *       {@code IMF + floor((1,000,000 - IMF) * (OI - lower) / (upper - lower))} ppm. A user's
 *       custom leverage can only raise it: {@code max(effective, custom)}.
 *   <li>Initial requirement {@code IMR = ceil(|N| * IMF_eff / 1e6)}; maintenance requirement
 *       {@code MMR = ceil(ceil(|N| * IMF / 1e6) * MF / 1e6)}: the open interest never changes it.
 * </ul>
 *
 * <p>Example (Mid-Cap of dYdX's {@code genesis.sh}): IMF 50,000 ppm, MF 600,000 ppm, caps
 * 40,000,000 to 100,000,000. At open interest 70,000,000 the effective fraction is 50,000 +
 * floor(950,000 × 30M / 60M) = 525,000 ppm; a position of notional 1,000,000 needs IMR 525,000 and
 * MMR ceil(50,000 × 0.6) = 30,000.
 *
 * <p>Amounts are settlement units; the open interest is its notional at the oracle price.
 *
 * @param initialFractionPpm the base initial margin fraction, in (0, 1,000,000] ppm
 * @param maintenanceFractionPpm maintenance as a fraction of the base initial requirement, in [0, 1,000,000] ppm
 * @param openInterestLowerCap open interest notional up to which the base fraction applies; 0 or more
 * @param openInterestUpperCap open interest notional from which the fraction is 100 %; 0 = no scaling,
 *     else at least the lower cap
 */
public record OpenInterestMargin(long initialFractionPpm, long maintenanceFractionPpm, long openInterestLowerCap,
        long openInterestUpperCap) {
    public OpenInterestMargin {
        if (initialFractionPpm <= 0 || initialFractionPpm > Fixed.PPM) {
            throw new IllegalArgumentException("initialFractionPpm must be in (0, 1,000,000]: " + initialFractionPpm);
        }
        if (maintenanceFractionPpm < 0 || maintenanceFractionPpm > Fixed.PPM) {
            throw new IllegalArgumentException("maintenanceFractionPpm must be in [0, 1,000,000]: "
                    + maintenanceFractionPpm);
        }
        if (openInterestLowerCap < 0) {
            throw new IllegalArgumentException("openInterestLowerCap must be non-negative: " + openInterestLowerCap);
        }
        if (openInterestUpperCap == 0 && openInterestLowerCap != 0) {
            throw new IllegalArgumentException("openInterestLowerCap must be 0 when openInterestUpperCap is 0 (no scaling): "
                    + openInterestLowerCap);
        }
        if (openInterestUpperCap < openInterestLowerCap) {
            throw new IllegalArgumentException("openInterestUpperCap " + openInterestUpperCap
                    + " must not be below openInterestLowerCap " + openInterestLowerCap);
        }
    }

    /** Fractions that do not scale with open interest (both caps 0). */
    public static OpenInterestMargin unscaled(long initialFractionPpm, long maintenanceFractionPpm) {
        return new OpenInterestMargin(initialFractionPpm, maintenanceFractionPpm, 0, 0);
    }

    /**
     * The initial fraction, in ppm, at open interest notional {@code openInterest}.
     *
     * @throws IllegalArgumentException if {@code openInterest} is negative
     */
    public long effectiveInitialFractionPpm(long openInterest) {
        if (openInterest < 0) {
            throw new IllegalArgumentException("openInterest must be non-negative: " + openInterest);
        }
        if (openInterestUpperCap == 0 || openInterest <= openInterestLowerCap) {
            return initialFractionPpm;
        }
        if (openInterest >= openInterestUpperCap) {
            return Fixed.PPM;
        }
        // Rounded down, as dYdX does; the product needs up to 84 bits, hence mulDiv.
        return initialFractionPpm + Fixed.mulDiv(Fixed.PPM - initialFractionPpm, openInterest - openInterestLowerCap,
                openInterestUpperCap - openInterestLowerCap, RoundingMode.FLOOR);
    }

    /**
     * The initial fraction at {@code openInterest} for a user whose custom leverage asks for
     * {@code customFractionPpm} (0 = none): the larger of the two.
     *
     * @throws IllegalArgumentException if {@code customFractionPpm} is not in [0, 1,000,000]
     */
    public long effectiveInitialFractionPpm(long openInterest, long customFractionPpm) {
        if (customFractionPpm < 0 || customFractionPpm > Fixed.PPM) {
            throw new IllegalArgumentException("customFractionPpm must be in [0, 1,000,000]: " + customFractionPpm);
        }
        return Math.max(effectiveInitialFractionPpm(openInterest), customFractionPpm);
    }

    /** The initial requirement of a position of (signed) notional {@code notional} at {@code openInterest}, rounded up. */
    public long initialRequirement(long notional, long openInterest) {
        return initialRequirement(notional, openInterest, 0);
    }

    /** As {@link #initialRequirement(long, long)} with a custom leverage's fraction (0 = none). */
    public long initialRequirement(long notional, long openInterest, long customFractionPpm) {
        return Fixed.ppm(magnitude(notional), effectiveInitialFractionPpm(openInterest, customFractionPpm),
                RoundingMode.CEILING);
    }

    /**
     * The maintenance requirement of a position of (signed) notional {@code notional}: the base
     * initial requirement rounded up, times the maintenance fraction, rounded up again.
     */
    public long maintenanceRequirement(long notional) {
        long baseInitial = Fixed.ppm(magnitude(notional), initialFractionPpm, RoundingMode.CEILING);
        return Fixed.ppm(baseInitial, maintenanceFractionPpm, RoundingMode.CEILING);
    }

    private static long magnitude(long notional) {
        return notional < 0 ? Fixed.negate(notional) : notional;
    }
}
