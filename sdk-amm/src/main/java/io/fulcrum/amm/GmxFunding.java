package io.fulcrum.amm;

import io.fulcrum.amm.internal.GmxMath;
import java.math.BigInteger;

/**
 * GMX v2's skew funding, static or adaptive (MECHANISMS.md §3.2, {@code MarketUtils.getNextFundingFactorPerSecond}):
 * the heavier side pays the lighter side a per-second rate driven by the open-interest imbalance
 * {@code |long − short|^e / (long + short)}.
 *
 * <ul>
 *   <li>Static ({@code increaseFactorPerSecondWad == 0}): rate = {@code min(fundingFactor × imbalance, max)}.
 *   <li>Adaptive: a saved signed rate {@code r} (positive: longs pay) moves with time. Skew in the direction of
 *       {@code r}: above the stable threshold {@code r} grows by {@code imbalance × increaseFactor × dt}, below the
 *       decrease threshold its magnitude shrinks by {@code decreaseFactor × dt} (never through zero: it stops at
 *       ±1 wad unit), in between it is unchanged. Skew against {@code r} (or {@code r = 0}): {@code r} moves toward
 *       the new heavy side by {@code imbalance × increaseFactor × dt}. {@code r} stays within ±max; the rate
 *       charged is {@code |r|} raised to at least {@code min}.
 * </ul>
 * The paying side pays {@code OI_paying × rate × dt}; the receiving side shares the same USD, a per-USD rate of
 * {@code rate × OI_paying / OI_receiving} ({@link #receivingFactorPerSecondWad}). When either side is empty
 * nobody pays and the saved rate is kept (GMX skips the update: there is no one to pay).
 *
 * <p>Example (GMX README): factor 1/50,000, exponent 1, long 150,000, short 50,000: longs pay
 * (1/50,000) × 100,000 / 200,000 = 0.00001 per second; shorts receive 0.00001 × 150,000 / 50,000 = 0.00003.
 *
 * <p>Numbers: open interest in USD units at {@code usdDecimals} (the exponent applies to the USD value);
 * rates, factors and the imbalance are wad (a {@code long} counting 1e-18; 0.00001 /s is 10,000,000,000,000);
 * thresholds are ppm of imbalance. The imbalance is kept as an exact fraction; every rate is rounded down
 * once (GMX rounds the imbalance first, at 1e-30), the USD paid up
 * ({@link #fundingUsd}) and the per-USD rate received down: the pool never pays out more than it collects.
 *
 * @param fundingFactorWad static factor, wad, 0 or more (unused in adaptive mode)
 * @param fundingExponent exponent of the imbalance, in [1, 4]
 * @param maxFactorPerSecondWad largest rate, wad per second, 0 or more
 * @param minFactorPerSecondWad smallest adaptive rate charged, wad per second, in [0, max]
 * @param increaseFactorPerSecondWad adaptive growth per unit imbalance, wad per second; 0 = static mode
 * @param decreaseFactorPerSecondWad adaptive decay, wad per second, 0 or more
 * @param thresholdForStableFundingPpm imbalance above which an aligned rate grows, ppm, 0 or more
 * @param thresholdForDecreaseFundingPpm imbalance below which an aligned rate decays, ppm, in [0, stable threshold]
 * @param usdDecimals decimals of the settlement unit, in [0, 18]
 */
public record GmxFunding(long fundingFactorWad, int fundingExponent, long maxFactorPerSecondWad,
        long minFactorPerSecondWad, long increaseFactorPerSecondWad, long decreaseFactorPerSecondWad,
        long thresholdForStableFundingPpm, long thresholdForDecreaseFundingPpm, int usdDecimals) {
    public GmxFunding {
        GmxMath.requireNonNegative("fundingFactorWad", fundingFactorWad);
        GmxMath.requireExponent("fundingExponent", fundingExponent);
        GmxMath.requireNonNegative("maxFactorPerSecondWad", maxFactorPerSecondWad);
        GmxMath.requireNonNegative("minFactorPerSecondWad", minFactorPerSecondWad);
        if (minFactorPerSecondWad > maxFactorPerSecondWad) {
            throw new IllegalArgumentException("minFactorPerSecondWad " + minFactorPerSecondWad
                    + " must not exceed maxFactorPerSecondWad " + maxFactorPerSecondWad);
        }
        GmxMath.requireNonNegative("increaseFactorPerSecondWad", increaseFactorPerSecondWad);
        GmxMath.requireNonNegative("decreaseFactorPerSecondWad", decreaseFactorPerSecondWad);
        GmxMath.requireNonNegative("thresholdForStableFundingPpm", thresholdForStableFundingPpm);
        GmxMath.requireNonNegative("thresholdForDecreaseFundingPpm", thresholdForDecreaseFundingPpm);
        if (thresholdForDecreaseFundingPpm > thresholdForStableFundingPpm) {
            throw new IllegalArgumentException("thresholdForDecreaseFundingPpm " + thresholdForDecreaseFundingPpm
                    + " must not exceed thresholdForStableFundingPpm " + thresholdForStableFundingPpm);
        }
        GmxMath.requireUsdDecimals(usdDecimals);
    }

    /** Static funding: {@code min(fundingFactor × imbalance, max)}, no memory. */
    public static GmxFunding staticFunding(long fundingFactorWad, int fundingExponent, long maxFactorPerSecondWad,
            int usdDecimals) {
        return new GmxFunding(fundingFactorWad, fundingExponent, maxFactorPerSecondWad, 0, 0, 0, 0, 0, usdDecimals);
    }

    /**
     * Adaptive funding; {@code increaseFactorPerSecondWad} must be positive.
     */
    public static GmxFunding adaptiveFunding(int fundingExponent, long increaseFactorPerSecondWad,
            long decreaseFactorPerSecondWad, long thresholdForStableFundingPpm, long thresholdForDecreaseFundingPpm,
            long minFactorPerSecondWad, long maxFactorPerSecondWad, int usdDecimals) {
        if (increaseFactorPerSecondWad <= 0) {
            throw new IllegalArgumentException("increaseFactorPerSecondWad must be positive for adaptive funding: "
                    + increaseFactorPerSecondWad);
        }
        return new GmxFunding(0, fundingExponent, maxFactorPerSecondWad, minFactorPerSecondWad,
                increaseFactorPerSecondWad, decreaseFactorPerSecondWad, thresholdForStableFundingPpm,
                thresholdForDecreaseFundingPpm, usdDecimals);
    }

    /** Whether the rate adapts over time ({@code increaseFactorPerSecondWad > 0}). */
    public boolean isAdaptive() {
        return increaseFactorPerSecondWad > 0;
    }

    /**
     * The rate of one interval.
     *
     * @param factorPerSecondWad the rate charged to the paying side, wad per second, 0 or more
     * @param longsPay whether longs pay (shorts pay otherwise; irrelevant when the rate is 0)
     * @param nextSavedFactorPerSecondWad the signed adaptive rate to store for the next call (0 in static mode)
     */
    public record Rate(long factorPerSecondWad, boolean longsPay, long nextSavedFactorPerSecondWad) {}

    /**
     * {@code floor(|long − short|^e / (long + short))} in wad (with the exponent applied to USD values); 0 when
     * both sides are empty. For information: {@link #next} works on the exact fraction, not on this rounded value.
     *
     * @throws io.fulcrum.api.FixedPointOverflowException if it does not fit in a long (possible when the
     *     exponent is above 1, where the imbalance is not a pure ratio)
     */
    public long imbalanceWad(long longOpenInterestUsd, long shortOpenInterestUsd) {
        Imbalance imbalance = imbalance(longOpenInterestUsd, shortOpenInterestUsd);
        return imbalance.isZero() ? 0 : GmxMath.floorDiv(imbalance.numerator.multiply(GmxMath.WAD_BIG),
                imbalance.denominator);
    }

    /**
     * The rate for the interval of {@code durationSeconds} ending now.
     *
     * @param savedFactorPerSecondWad the signed rate saved by the previous call (adaptive mode; ignored if static)
     * @param durationSeconds seconds since the previous update, 0 or more
     */
    public Rate next(long longOpenInterestUsd, long shortOpenInterestUsd, long savedFactorPerSecondWad,
            long durationSeconds) {
        Imbalance imbalance = imbalance(longOpenInterestUsd, shortOpenInterestUsd);
        GmxMath.requireNonNegative("durationSeconds", durationSeconds);
        if (savedFactorPerSecondWad == Long.MIN_VALUE) {
            throw new IllegalArgumentException("savedFactorPerSecondWad must not be Long.MIN_VALUE");
        }
        boolean longsHeavier = longOpenInterestUsd > shortOpenInterestUsd;
        boolean bothSides = longOpenInterestUsd > 0 && shortOpenInterestUsd > 0;
        if (!isAdaptive()) {
            long rate = imbalance.times(fundingFactorWad);
            return new Rate(bothSides ? Math.min(rate, maxFactorPerSecondWad) : 0, longsHeavier, 0);
        }
        if (!bothSides) {
            return new Rate(0, savedFactorPerSecondWad > 0, savedFactorPerSecondWad);
        }
        long next = bounded(adapt(savedFactorPerSecondWad, imbalance, longsHeavier, durationSeconds));
        long charged = Math.max(Math.abs(next), minFactorPerSecondWad);
        // A zero saved rate has no direction; the heavier side then pays the minimum.
        boolean longsPay = next != 0 ? next > 0 : longsHeavier;
        return new Rate(charged, longsPay, next);
    }

    /**
     * The per-USD rate received by the lighter side: {@code floor(rate × payingOI / receivingOI)}, so that
     * both sides exchange the same USD; 0 if {@code receivingOpenInterestUsd} is 0.
     */
    public static long receivingFactorPerSecondWad(long payingFactorPerSecondWad, long payingOpenInterestUsd,
            long receivingOpenInterestUsd) {
        GmxMath.requireNonNegative("payingFactorPerSecondWad", payingFactorPerSecondWad);
        GmxMath.requireNonNegative("payingOpenInterestUsd", payingOpenInterestUsd);
        GmxMath.requireNonNegative("receivingOpenInterestUsd", receivingOpenInterestUsd);
        if (receivingOpenInterestUsd == 0) {
            return 0;
        }
        return GmxMath.floorDiv(BigInteger.valueOf(payingFactorPerSecondWad)
                .multiply(BigInteger.valueOf(payingOpenInterestUsd)), BigInteger.valueOf(receivingOpenInterestUsd));
    }

    /** What {@code openInterestUsd} pays at {@code factorPerSecondWad} for {@code seconds}, rounded up. */
    public static long fundingUsd(long openInterestUsd, long factorPerSecondWad, long seconds) {
        return GmxMath.chargeUsd(openInterestUsd, GmxMath.accrueWad(factorPerSecondWad, seconds));
    }

    private long adapt(long saved, Imbalance imbalance, boolean longsHeavier, long seconds) {
        boolean aligned = (saved > 0 && longsHeavier) || (saved < 0 && !longsHeavier && !imbalance.isZero());
        if (!aligned || imbalance.compareToPpm(thresholdForStableFundingPpm) > 0) {
            long increase = imbalance.times(BigInteger.valueOf(increaseFactorPerSecondWad)
                    .multiply(BigInteger.valueOf(seconds)));
            return longsHeavier ? saturatingAdd(saved, increase) : saturatingAdd(saved, -increase);
        }
        if (imbalance.compareToPpm(thresholdForDecreaseFundingPpm) < 0) {
            BigInteger decrease = BigInteger.valueOf(decreaseFactorPerSecondWad).multiply(BigInteger.valueOf(seconds));
            BigInteger magnitude = BigInteger.valueOf(Math.abs(saved));
            if (magnitude.compareTo(decrease) <= 0) {
                return Long.signum(saved);
            }
            long remaining = magnitude.subtract(decrease).longValueExact();
            return saved > 0 ? remaining : -remaining;
        }
        return saved;
    }

    private Imbalance imbalance(long longUsd, long shortUsd) {
        GmxMath.requireNonNegative("longOpenInterestUsd", longUsd);
        GmxMath.requireNonNegative("shortOpenInterestUsd", shortUsd);
        BigInteger total = BigInteger.valueOf(longUsd).add(BigInteger.valueOf(shortUsd));
        if (total.signum() == 0) {
            return new Imbalance(BigInteger.ZERO, BigInteger.ONE);
        }
        return new Imbalance(GmxMath.power(GmxMath.distance(longUsd, shortUsd), fundingExponent),
                total.multiply(GmxMath.usdPowerScale(usdDecimals, fundingExponent)));
    }

    /** The imbalance as an exact fraction, so that no rounding happens before the rate's own. */
    private static final class Imbalance {
        private static final BigInteger PPM = BigInteger.valueOf(1_000_000L);
        final BigInteger numerator;
        final BigInteger denominator;

        Imbalance(BigInteger numerator, BigInteger denominator) {
            this.numerator = numerator;
            this.denominator = denominator;
        }

        boolean isZero() {
            return numerator.signum() == 0;
        }

        /** {@code floor(imbalance × factorWad)} in wad, or Long.MAX_VALUE if larger (the caller bounds it by max). */
        long times(long factorWad) {
            return times(BigInteger.valueOf(factorWad));
        }

        long times(BigInteger factorWad) {
            BigInteger value = numerator.multiply(factorWad).divide(denominator);
            return value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue();
        }

        int compareToPpm(long thresholdPpm) {
            return numerator.multiply(PPM).compareTo(denominator.multiply(BigInteger.valueOf(thresholdPpm)));
        }
    }

    private long bounded(long saved) {
        return Math.max(-maxFactorPerSecondWad, Math.min(maxFactorPerSecondWad, saved));
    }

    /** The sum clamped to ±Long.MAX_VALUE; the caller bounds it to ±max anyway. */
    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a > 0 ? Long.MAX_VALUE : -Long.MAX_VALUE;
        }
        return r;
    }
}
