package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The premium + interest funding rate with a clamp, as Binance and Hyperliquid set it
 * (MECHANISMS.md §1.1, §5.2, §7):
 *
 * <pre>
 * F_8h = P + clamp(I − P, −c, +c)        then |F_8h| ≤ maxAbsRate
 * F_1h = F_8h / 8                        then |F_1h| ≤ maxAbsHourlyRate   (Hyperliquid pays hourly)
 * </pre>
 *
 * where P is the interval's average premium ({@link PremiumAverage}), I the interest rate
 * (0.01 % per 8 h) and c the clamp (0.05 %). Whenever P is within c of I the rate is I exactly.
 * Positive rates mean longs pay shorts.
 *
 * <p>Example (§1.1 worked example 1): P = 0.1 % gives I − P = −0.09 %, clamped to −0.05 %, so
 * {@code hyperliquid().eightHourRatePpb(1_000_000) = 500_000} (0.05 %) and
 * {@code hourlyRatePpb(1_000_000) = 62_500} (0.00625 %); 10 BTC long at 10,000 pays
 * 10 × 10,000 × 0.0000625 = 6.25 USDC for the hour ({@link #payment}).
 *
 * <p>Rates are ppb. The hourly rate is rounded toward zero, as no venue states a rounding for it.
 *
 * @param interestRatePpb I, per 8 h, ppb (100,000 = 0.01 %)
 * @param clampPpb c, per 8 h, 0 or more (500,000 = 0.05 %)
 * @param maxAbsRatePpb a bound on |F_8h|, positive ({@link #NO_CAP} for none; Binance sets one per
 *     symbol, e.g. 3 %)
 * @param maxAbsHourlyRatePpb a bound on |F_1h|, positive ({@link #NO_CAP} for none; Hyperliquid: 4 %)
 */
public record ClampedFunding(long interestRatePpb, long clampPpb, long maxAbsRatePpb, long maxAbsHourlyRatePpb) {
    /** A bound that never binds. */
    public static final long NO_CAP = Long.MAX_VALUE;

    /** 0.01 % per 8 h: Binance's and Hyperliquid's interest rate. */
    public static final long DEFAULT_INTEREST_PPB = 100_000;

    /** 0.05 %: Binance's and Hyperliquid's clamp on {@code I − P}. */
    public static final long DEFAULT_CLAMP_PPB = 500_000;

    /** 4 % per hour: Hyperliquid's cap on the hourly rate. */
    public static final long HYPERLIQUID_HOURLY_CAP_PPB = 40_000_000;

    public ClampedFunding {
        if (interestRatePpb == Long.MIN_VALUE) {
            throw new IllegalArgumentException("interestRatePpb must not be Long.MIN_VALUE");
        }
        if (clampPpb < 0) {
            throw new IllegalArgumentException("clampPpb must be non-negative: " + clampPpb);
        }
        if (maxAbsRatePpb <= 0) {
            throw new IllegalArgumentException("maxAbsRatePpb must be positive: " + maxAbsRatePpb);
        }
        if (maxAbsHourlyRatePpb <= 0) {
            throw new IllegalArgumentException("maxAbsHourlyRatePpb must be positive: " + maxAbsHourlyRatePpb);
        }
    }

    /** Hyperliquid: I = 0.01 %, c = 0.05 %, no 8-hour cap, 4 % per hour cap (§1.1). */
    public static ClampedFunding hyperliquid() {
        return new ClampedFunding(DEFAULT_INTEREST_PPB, DEFAULT_CLAMP_PPB, NO_CAP, HYPERLIQUID_HOURLY_CAP_PPB);
    }

    /** Binance: I = 0.01 %, c = 0.05 %, and the symbol's cap on |F| (§5.2; e.g. 30,000,000 for ±3 %). */
    public static ClampedFunding binance(long maxAbsRatePpb) {
        return new ClampedFunding(DEFAULT_INTEREST_PPB, DEFAULT_CLAMP_PPB, maxAbsRatePpb, NO_CAP);
    }

    /**
     * F_8h for an average premium of {@code premiumPpb}: {@code P + clamp(I − P, −c, +c)}, then
     * bounded by {@link #maxAbsRatePpb()}. Exact.
     *
     * <p>Example (§5.2): P = 0.03 % gives 0.01 % (300,000 → 100,000 ppb); P = 0.12 % gives
     * 0.12 − 0.05 = 0.07 % (1,200,000 → 700,000).
     *
     * @throws io.fulcrum.api.FixedPointOverflowException if {@code I − P} does not fit in a long
     */
    public long eightHourRatePpb(long premiumPpb) {
        long pull = FundingArithmetic.clamp(Fixed.subtract(interestRatePpb, premiumPpb), -clampPpb, clampPpb);
        return FundingArithmetic.clamp(Fixed.add(premiumPpb, pull), -maxAbsRatePpb, maxAbsRatePpb);
    }

    /**
     * The hourly rate Hyperliquid pays: {@link #eightHourRatePpb} / 8, rounded toward zero, then
     * bounded by {@link #maxAbsHourlyRatePpb()}.
     *
     * <p>Example (§1.1 worked example 3): P = 1 % gives F_8h = 0.95 % and F_1h = 0.11875 %
     * (10,000,000 → 1,187,500 ppb); P = 40 % gives 39.95 % / 8 = 4.99 %, capped at 4 %.
     */
    public long hourlyRatePpb(long premiumPpb) {
        long hourly = eightHourRatePpb(premiumPpb) / 8; // Java's division truncates toward zero.
        return FundingArithmetic.clamp(hourly, -maxAbsHourlyRatePpb, maxAbsHourlyRatePpb);
    }

    /**
     * What a position pays for one period at {@code ratePpb}: {@code size × oraclePrice × rate},
     * settlement units, positive when the position pays (a long at a positive rate), negative when
     * it receives; rounded toward zero (Hyperliquid states no rounding, §1.1 pays on the oracle
     * price, not the mark).
     *
     * <p>Example (§1.1): 10 BTC long (100,000 size units at 4 decimals) at oracle 10,000.0
     * (100,000 price units at 1 decimal), rate 62,500 ppb: 6,250,000 units = 6.25 USDC; the
     * same short receives −6,250,000.
     *
     * @param size signed position size, size units (long positive)
     * @param oraclePrice price units, positive
     */
    public static long payment(MarketSpec market, long size, long oraclePrice, long ratePpb) {
        Objects.requireNonNull(market, "market");
        if (oraclePrice <= 0) {
            throw new IllegalArgumentException("oraclePrice must be positive: " + oraclePrice);
        }
        return FundingArithmetic.ofNotional(market, size, oraclePrice, ratePpb, RoundingMode.DOWN);
    }
}
