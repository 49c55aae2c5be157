package io.fulcrum.margin;

import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Drift v2's hourly funding rate from the mark and oracle TWAPs (MECHANISMS.md §7):
 *
 * <pre>
 * rate_1h = clamp(markTWAP − oracleTWAP + oracleTWAP / 5000, ±oracleTWAP / capDivisor) / 24
 * </pre>
 *
 * in price units per base unit; as a rate of the oracle TWAP, {@code ÷ oracleTWAP}. The
 * {@code oracleTWAP / 5000} offset is 0.02 % a day (about 7.3 % a year) that longs pay at a flat
 * book. The cap depends on the market's contract tier: {@code 1/33} (tier B or better, about 3 %),
 * {@code 1/20} (C, 5 %), {@code 1/10} (lower tiers, 10 %), giving hourly caps of 0.12626 %,
 * 0.2083 % and 0.4167 %.
 *
 * <p>Example (§7): mark TWAP 100.30, oracle TWAP 100.00, tier B: (0.30 + 0.02) / 24 = 0.013333
 * per base unit, 0.013333 % per hour ({@code hourlyRatePpb(10_030, 10_000) = 133_333}); at a mark
 * TWAP of 110 the spread 10.02 is capped at 100 / 33 and the rate is 0.12626 % (1,262,626 ppb).
 *
 * <p>The rate is computed exactly from the two TWAPs and rounded toward zero once, in ppb (Drift
 * itself rounds each step at its own fixed precisions). The TWAPs (Drift: one-hour EMAs, the mark
 * TWAP the mean of the bid and ask TWAPs) come from the caller. Positive rates mean longs pay.
 *
 * @param capDivisor the tier's cap as a divisor of the oracle TWAP (33, 20 or 10), positive
 */
public record DriftFunding(long capDivisor) {
    /** Drift's offset divisor: {@code oracleTWAP / 5000} per day. */
    public static final long OFFSET_DIVISOR = 5_000;

    private static final BigInteger PPB = BigInteger.valueOf(FundingArithmetic.PPB);

    public DriftFunding {
        if (capDivisor <= 0) {
            throw new IllegalArgumentException("capDivisor must be positive: " + capDivisor);
        }
    }

    /** Contract tier B or better: cap {@code oracleTWAP / 33} (0.12626 % an hour). */
    public static DriftFunding tierBOrBetter() {
        return new DriftFunding(33);
    }

    /** Contract tier C: cap {@code oracleTWAP / 20} (0.2083 % an hour). */
    public static DriftFunding tierC() {
        return new DriftFunding(20);
    }

    /** Tiers below C: cap {@code oracleTWAP / 10} (0.4167 % an hour). */
    public static DriftFunding lowerTiers() {
        return new DriftFunding(10);
    }

    /**
     * The hourly rate, ppb of the oracle TWAP, rounded toward zero.
     *
     * <p>Example: mark 10,030, oracle 10,000 (cents): (30 + 2) / 24 / 10,000 = 0.000133333..., so
     * 133,333 ppb; mark 9,000 (a discount of 10 %) is capped at −1/33/24: −1,262,626 ppb.
     *
     * @param markTwap price units, positive
     * @param oracleTwap price units, positive
     */
    public long hourlyRatePpb(long markTwap, long oracleTwap) {
        if (markTwap <= 0 || oracleTwap <= 0) {
            throw new IllegalArgumentException("TWAPs must be positive: mark " + markTwap + ", oracle " + oracleTwap);
        }
        // Scale by 5000 × capDivisor so the offset and the cap are whole numbers:
        // spread = ((mark − oracle) × 5000 + oracle) × capDivisor, cap = oracle × 5000.
        BigInteger oracle = BigInteger.valueOf(oracleTwap);
        BigInteger offsetDivisor = BigInteger.valueOf(OFFSET_DIVISOR);
        BigInteger divisor = BigInteger.valueOf(capDivisor);
        BigInteger spread = BigInteger.valueOf(markTwap).subtract(oracle).multiply(offsetDivisor).add(oracle)
                .multiply(divisor);
        BigInteger cap = oracle.multiply(offsetDivisor);
        BigInteger clamped = spread.max(cap.negate()).min(cap);
        BigInteger denominator = offsetDivisor.multiply(divisor).multiply(BigInteger.valueOf(24)).multiply(oracle);
        return FundingArithmetic.divide(clamped.multiply(PPB), denominator, RoundingMode.DOWN);
    }
}
