package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A borrow rate that rises with utilisation along two straight lines meeting at a kink
 * (MECHANISMS.md §3.3): gentle up to the optimal utilisation, steep beyond it, so borrowers are
 * pushed to repay before the pool runs dry.
 *
 * <p>One parametrisation covers the usual forms: the rate at three utilisations, joined by
 * straight lines.
 *
 * <pre>
 * u ≤ optimal:  rate = rateAtZero    + (rateAtOptimal − rateAtZero)    × u / optimal
 * u > optimal:  rate = rateAtOptimal + (rateAtFull − rateAtOptimal) × (u − optimal) / (1 − optimal)
 * </pre>
 *
 * <ul>
 *   <li>GMX's kink ({@link #gmx}): {@code base × u + (above − base) × max(0, u − optimal) / (1 −
 *       optimal)} is rateAtZero 0, rateAtOptimal {@code base × optimal}, rateAtFull {@code above}.
 *   <li>The two-slope (jump-rate) form ({@link #twoSlope}): {@code base + slope1 × u} below the
 *       kink and {@code + slope2 × (u − optimal)} beyond it is rateAtZero {@code base},
 *       rateAtOptimal {@code base + slope1 × optimal}, rateAtFull {@code rateAtOptimal + slope2 ×
 *       (1 − optimal)}.
 *   <li>A form whose first slope is reached at the kink ({@code base + slope1 × u / optimal}, then
 *       {@code + slope2 × (u − optimal)/(1 − optimal)}) is the constructor with {@code base},
 *       {@code base + slope1}, {@code base + slope1 + slope2}.
 * </ul>
 *
 * <p>Example (§3.3, GMX's ETH configuration): optimal 85 %, base 45 % a year, above-optimal 90 % a
 * year: usage 50 % costs 22.5 % a year; 95 % costs 0.45 × 0.95 + 0.45 × 0.10 / 0.15 = 72.75 %;
 * 100 % costs 90 %.
 *
 * <p>Units: utilisation and rates in ppb (rates per year in the examples; the curve does not care
 * about the period). Beyond 100 % utilisation the upper line continues, as GMX's formula does.
 * Rounding: the rate is rounded down (GMX's factor arithmetic floors); {@link #interest}, a charge
 * to the borrower, is rounded up.
 *
 * @param optimalUtilisationPpb the kink, in (0, 1,000,000,000)
 * @param rateAtZeroPpb the rate at no utilisation, 0 or more
 * @param rateAtOptimalPpb the rate at the kink, at least {@code rateAtZeroPpb}
 * @param rateAtFullPpb the rate at 100 % utilisation, at least {@code rateAtOptimalPpb}
 */
public record KinkedRate(long optimalUtilisationPpb, long rateAtZeroPpb, long rateAtOptimalPpb, long rateAtFullPpb) {
    /** 365 days, in ms: the year of a per-year rate, as GMX's "per year" comments and the venue's loans use. */
    public static final long YEAR_MS = 365L * 86_400_000L;

    public KinkedRate {
        if (optimalUtilisationPpb <= 0 || optimalUtilisationPpb >= FundingArithmetic.PPB) {
            throw new IllegalArgumentException("optimalUtilisationPpb must be in (0, 1,000,000,000): "
                    + optimalUtilisationPpb);
        }
        if (rateAtZeroPpb < 0) {
            throw new IllegalArgumentException("rateAtZeroPpb must be non-negative: " + rateAtZeroPpb);
        }
        if (rateAtOptimalPpb < rateAtZeroPpb || rateAtFullPpb < rateAtOptimalPpb) {
            throw new IllegalArgumentException("rates must not fall as utilisation rises: " + rateAtZeroPpb + ", "
                    + rateAtOptimalPpb + ", " + rateAtFullPpb);
        }
    }

    /**
     * GMX's kink (§3.3): {@code base × u + (above − base) × max(0, u − optimal) / (1 − optimal)}.
     * Exact when {@code base × optimal} is a whole number of ppb (the kink's rate is rounded down
     * otherwise).
     *
     * <p>Example: {@code gmx(850_000_000, 450_000_000, 900_000_000)} has rateAtOptimal
     * 382,500,000 (0.45 × 0.85).
     *
     * @param baseRatePpb the slope below the kink as a rate at 100 % utilisation, 0 or more
     * @param aboveOptimalRatePpb the rate at 100 % utilisation, at least {@code baseRatePpb}
     */
    public static KinkedRate gmx(long optimalUtilisationPpb, long baseRatePpb, long aboveOptimalRatePpb) {
        if (baseRatePpb < 0 || aboveOptimalRatePpb < baseRatePpb) {
            throw new IllegalArgumentException("need 0 <= baseRatePpb <= aboveOptimalRatePpb: " + baseRatePpb + ", "
                    + aboveOptimalRatePpb);
        }
        return new KinkedRate(optimalUtilisationPpb, 0,
                Fixed.mulDiv(baseRatePpb, optimalUtilisationPpb, FundingArithmetic.PPB, RoundingMode.FLOOR),
                aboveOptimalRatePpb);
    }

    /**
     * The two-slope (jump-rate) form: {@code base + slope1 × u} up to the kink, then
     * {@code + slope2 × (u − optimal)}; slopes are rates per 100 % of utilisation. Exact when the
     * products are whole numbers of ppb (rounded down otherwise).
     *
     * <p>Example: optimal 80 %, base 2 %, slope1 5 %, slope2 100 %: at the kink 2 + 4 = 6 %, at
     * 100 % 6 + 20 = 26 %.
     */
    public static KinkedRate twoSlope(long optimalUtilisationPpb, long baseRatePpb, long slope1Ppb, long slope2Ppb) {
        if (slope1Ppb < 0 || slope2Ppb < 0) {
            throw new IllegalArgumentException("slopes must be non-negative: " + slope1Ppb + ", " + slope2Ppb);
        }
        long atOptimal = Fixed.add(baseRatePpb,
                Fixed.mulDiv(slope1Ppb, optimalUtilisationPpb, FundingArithmetic.PPB, RoundingMode.FLOOR));
        long atFull = Fixed.add(atOptimal, Fixed.mulDiv(slope2Ppb, FundingArithmetic.PPB - optimalUtilisationPpb,
                FundingArithmetic.PPB, RoundingMode.FLOOR));
        return new KinkedRate(optimalUtilisationPpb, baseRatePpb, atOptimal, atFull);
    }

    /**
     * The rate at utilisation {@code utilisationPpb}, rounded down.
     *
     * <p>Example (§3.3): {@code gmx(850_000_000, 450_000_000, 900_000_000).ratePpb(950_000_000)}
     * is 382,500,000 + 517,500,000 × 0.10 / 0.15 = 727,500,000 (72.75 %).
     *
     * @param utilisationPpb 0 or more (above 1,000,000,000 the upper line continues)
     */
    public long ratePpb(long utilisationPpb) {
        if (utilisationPpb < 0) {
            throw new IllegalArgumentException("utilisationPpb must be non-negative: " + utilisationPpb);
        }
        if (utilisationPpb <= optimalUtilisationPpb) {
            return rateAtZeroPpb + Fixed.mulDiv(rateAtOptimalPpb - rateAtZeroPpb, utilisationPpb,
                    optimalUtilisationPpb, RoundingMode.FLOOR);
        }
        return Fixed.add(rateAtOptimalPpb, Fixed.mulDiv(rateAtFullPpb - rateAtOptimalPpb,
                utilisationPpb - optimalUtilisationPpb, FundingArithmetic.PPB - optimalUtilisationPpb,
                RoundingMode.FLOOR));
    }

    /**
     * Utilisation {@code used / available}, ppb, rounded down (GMX: reserved value over the pool
     * value times its reserve factor). Nothing available and nothing used is 0 %.
     *
     * <p>Example: 80 used of 160 is 500,000,000 (50 %).
     *
     * @param used 0 or more
     * @param available 0 or more; positive when {@code used} is
     */
    public static long utilisationPpb(long used, long available) {
        if (used < 0 || available < 0) {
            throw new IllegalArgumentException("used and available must be non-negative: " + used + ", " + available);
        }
        if (used == 0) {
            return 0;
        }
        if (available == 0) {
            throw new IllegalArgumentException("nothing available but " + used + " used");
        }
        return Fixed.mulDiv(used, FundingArithmetic.PPB, available, RoundingMode.FLOOR);
    }

    /**
     * Interest on {@code principal} at {@code ratePpbPerYear} for {@code elapsedMillis}:
     * {@code principal × rate × elapsed / 365 days}, rounded up (a charge to the borrower).
     *
     * <p>Example: 100,000 USDC (100,000,000,000 units) at 10 % for a day: 1e11 × 0.1 / 365 =
     * 27,397,260.27..., charged as 27,397,261 (27.397261 USDC).
     *
     * @param principal settlement units, 0 or more
     * @param ratePpbPerYear 0 or more
     * @param elapsedMillis 0 or more
     */
    public static long interest(long principal, long ratePpbPerYear, long elapsedMillis) {
        if (principal < 0 || ratePpbPerYear < 0 || elapsedMillis < 0) {
            throw new IllegalArgumentException("principal, rate and elapsed time must be non-negative: " + principal
                    + ", " + ratePpbPerYear + ", " + elapsedMillis);
        }
        BigInteger numerator = BigInteger.valueOf(principal).multiply(BigInteger.valueOf(ratePpbPerYear))
                .multiply(BigInteger.valueOf(elapsedMillis));
        return FundingArithmetic.divide(numerator,
                BigInteger.valueOf(FundingArithmetic.PPB).multiply(BigInteger.valueOf(YEAR_MS)), RoundingMode.CEILING);
    }
}
