package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Synthetix's velocity funding (Perps v2/v3, SIP-279; MECHANISMS.md §7): the skew sets how fast
 * the funding rate moves, not the rate itself, and the pool quotes fills at a skew-dependent
 * premium.
 *
 * <pre>
 * velocity        = clamp(skew / skewScale, −1, 1) × maxVelocity              (per day, per day)
 * r(t)            = r₀ + velocity × Δt / 1 day                                (per day)
 * accrued per unit = −(r₀ + r₁)/2 × Δt / 1 day × price                        (added to a long)
 * fill price      = oracle × (1 + ½ (skew₀ + skew₁) / skewScale)              (skew₁ = skew₀ + size)
 * </pre>
 *
 * <p>Example (SIP-279's test, §7): skew 100, scale 1,000,000, maximum velocity 300 % per day²
 * give a velocity of 0.03 % per day² (300,000 ppb); after 24 hours from 0 the rate is 0.03 % per
 * day, and a 200,000 USD long has paid 200,000 × ½(0 + 0.03 %) = 30 USD. A trade of 100 from
 * skew 100 at oracle 2,000 fills at 2,000 × (1 + ½(0.0001 + 0.0002)) = 2,000.30.
 *
 * <p>Units: rates are ppb per day, velocities ppb per day per day, skew and scale any one size
 * unit (their ratio counts), times in ms. A positive rate means longs pay.
 *
 * <p>Rounding: velocity and rate steps are rounded toward zero (no venue rule stated); accrued
 * funding is rounded toward zero in index units; a fill price is rounded against the trader (up
 * for a buy, down for a sell).
 *
 * @param skewScale the skew at which velocity reaches its maximum, positive
 * @param maxVelocityPpb the largest velocity, ppb per day per day, 0 or more (SIP-279's test:
 *     3,000,000,000 = 300 %)
 */
public record VelocityFunding(long skewScale, long maxVelocityPpb) {
    private static final long DAY_MS = 86_400_000L;

    public VelocityFunding {
        if (skewScale <= 0) {
            throw new IllegalArgumentException("skewScale must be positive: " + skewScale);
        }
        if (maxVelocityPpb < 0) {
            throw new IllegalArgumentException("maxVelocityPpb must be non-negative: " + maxVelocityPpb);
        }
    }

    /**
     * The velocity at {@code skew} (long open interest minus short), ppb per day per day:
     * {@code clamp(skew / skewScale, −1, 1) × maxVelocity}, rounded toward zero.
     *
     * <p>Example: skew 100, scale 1,000,000, maximum 3,000,000,000 give 300,000 (0.03 %); a skew
     * of −2,000,000 is past the scale and gives −3,000,000,000.
     */
    public long velocityPpb(long skew) {
        if (skew >= skewScale) {
            return maxVelocityPpb;
        }
        if (skew <= -skewScale) {
            return -maxVelocityPpb;
        }
        return Fixed.mulDiv(skew, maxVelocityPpb, skewScale, RoundingMode.DOWN);
    }

    /**
     * The rate after {@code elapsedMillis} at {@code skew}: {@code ratePpb + velocity × Δt / 1 day},
     * the step rounded toward zero.
     *
     * <p>Example (Synthetix v3's comment, §7): from 0 at a velocity of 0.25 % per day², 29,000 s
     * later the rate is 0.0025 × 29,000 / 86,400 = 0.000839... per day: 839,120 ppb.
     *
     * @param elapsedMillis 0 or more
     */
    public long next(long ratePpb, long skew, long elapsedMillis) {
        requireElapsed(elapsedMillis);
        return Fixed.add(ratePpb, Fixed.mulDiv(velocityPpb(skew), elapsedMillis, DAY_MS, RoundingMode.DOWN));
    }

    /**
     * The funding a long of one size unit accrues while the rate moves from {@code startRatePpb}
     * to {@code endRatePpb} over {@code elapsedMillis}: {@code −(r₀ + r₁)/2 × Δt / 1 day × price},
     * in index units (10^-9 settlement units per size unit), rounded toward zero. A long's PnL
     * gains {@code accrued × size / 10^9}; a short's the opposite.
     *
     * <p>Example: ETH with sizes at 3 decimals and prices at 2 (USDC at 6), rates 0 then 300,000
     * ppb per day, one day, price 2,000.00: one size unit (0.001 ETH) is worth 2,000,000 units, so
     * the accrued funding is −150,000 × 2,000,000 = −300,000,000,000 (−0.0003 USDC), and 100 ETH
     * long (200,000 USD) has paid 30 USDC.
     *
     * @param price price units, positive (Synthetix uses the oracle price)
     * @param elapsedMillis 0 or more
     */
    public static long accruedPerUnit(MarketSpec market, long startRatePpb, long endRatePpb, long elapsedMillis,
            long price) {
        Objects.requireNonNull(market, "market");
        requireElapsed(elapsedMillis);
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
        // The average (r₀ + r₁)/2 stays exact by doubling the period.
        long rateSum = Fixed.add(startRatePpb, endRatePpb);
        return FundingArithmetic.perSizeUnit(market, Fixed.negate(rateSum), price, elapsedMillis, 2 * DAY_MS,
                RoundingMode.DOWN);
    }

    /**
     * The price at which a trade of {@code size} (signed: a buy adds to the skew) fills at
     * {@code oraclePrice} with skew {@code skew} before it: {@code oracle × (1 + ½(skew₀ + skew₁) /
     * skewScale)}, rounded up for a buy and down for a sell.
     *
     * <p>Example (SIP-279): oracle 2,000.00 (200,000 at 2 decimals), skew 100, size 100, scale
     * 1,000,000: 200,000 × (1 + ½(100 + 200)/1,000,000) = 200,030 (2,000.30).
     *
     * @param size signed trade size, non-zero
     * @param oraclePrice price units, positive
     * @throws IllegalArgumentException if the fill price would not be positive
     */
    public long fillPrice(long oraclePrice, long skew, long size) {
        if (oraclePrice <= 0) {
            throw new IllegalArgumentException("oraclePrice must be positive: " + oraclePrice);
        }
        if (size == 0) {
            throw new IllegalArgumentException("size must be non-zero");
        }
        // oracle × (2 × scale + skew₀ + skew₁) / (2 × scale), skew₁ = skew₀ + size.
        BigInteger factor = BigInteger.valueOf(skewScale).shiftLeft(1)
                .add(BigInteger.valueOf(skew).shiftLeft(1)).add(BigInteger.valueOf(size));
        long price = FundingArithmetic.divide(BigInteger.valueOf(oraclePrice).multiply(factor),
                BigInteger.valueOf(skewScale).shiftLeft(1), size > 0 ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (price <= 0) {
            throw new IllegalArgumentException("skew " + skew + " and size " + size + " against scale " + skewScale
                    + " give a non-positive fill price " + price);
        }
        return price;
    }

    private static void requireElapsed(long elapsedMillis) {
        if (elapsedMillis < 0) {
            throw new IllegalArgumentException("elapsedMillis must be non-negative: " + elapsedMillis);
        }
    }
}
