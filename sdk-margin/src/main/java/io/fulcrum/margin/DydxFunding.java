package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * dYdX v4's funding rate and funding index (MECHANISMS.md §2.5): the hour's average premium
 * plus a default rate, bounded by a multiple of the market's margin band, paid through a
 * cumulative index.
 *
 * <pre>
 * R_8h        = clamp(P_avg + default, ±fundingRateClampFactor × (IMF − MMF))
 * index delta = R_8h × elapsed / 8 h × oraclePrice        per size unit, truncated toward zero
 * settlement  = −(index_now − index_at_last_settle) × size                        (a credit)
 * </pre>
 *
 * <p>Example (§2.5): Large-Cap at mainnet genesis (IMF 5 %, MMF 3 %) bounds R_8h to
 * 6 × 2 % = 12 % ({@code rateClampPpb() = 120_000_000}); with {@code genesis.sh}'s Large-Cap
 * (2 %, 1.2 %) the bound is 4.8 %. At R_8h = 0.1 % one hour adds 0.001 × 3,600 / 28,800 × 50,000
 * = 6.25 USDC per BTC to the index at oracle 50,000: 1 BTC long pays 6.25 USDC.
 *
 * <p>Index units: the index is kept in billionths of a settlement unit per size unit, so a rate in
 * ppb times a notional in settlement units lands on it with no further scale, and small prices
 * keep their precision (dYdX keeps ppm of a quote quantum per base quantum for the same reason).
 *
 * <p>Rounding: the clamp bounds are rounded toward zero (the band never widens); the index delta
 * is truncated toward zero (§2.5); a settlement is rounded toward negative infinity, so a payer
 * pays the fraction and a receiver does not receive it, as dYdX's {@code GetSettlementPpm} does
 * ("positive settlement to zero, negative to negative infinity"): funding never creates money.
 *
 * @param initialMarginPpm the market's initial margin fraction IMF, ppm, in (0, 1,000,000]
 * @param maintenanceMarginPpm the maintenance margin fraction MMF (IMF × dYdX's maintenance
 *     fraction), ppm, in [0, IMF]
 * @param fundingRateClampFactorPpm the bound on R_8h in multiples of IMF − MMF, ppm (6,000,000 = 6×
 *     on mainnet genesis), 0 or more
 * @param premiumVoteClampFactorPpm the bound on a premium vote in multiples of IMF − MMF, ppm
 *     (60,000,000 = 60×), 0 or more
 * @param defaultFundingRatePpb added to the average premium, per 8 h, ppb (0 on mainnet genesis,
 *     100,000 = 0.01 % in {@code genesis.sh})
 */
public record DydxFunding(long initialMarginPpm, long maintenanceMarginPpm, long fundingRateClampFactorPpm,
        long premiumVoteClampFactorPpm, long defaultFundingRatePpb) {
    /** 6×: mainnet genesis {@code funding_rate_clamp_factor_ppm}. */
    public static final long FUNDING_RATE_CLAMP_FACTOR_PPM = 6_000_000;

    /** 60×: mainnet genesis {@code premium_vote_clamp_factor_ppm}. */
    public static final long PREMIUM_VOTE_CLAMP_FACTOR_PPM = 60_000_000;

    /** 15: mainnet genesis {@code min_num_votes_per_sample}, for {@link PremiumAverage#paddedMedian}. */
    public static final int MIN_VOTES_PER_SAMPLE = 15;

    /** 60: samples per funding tick (3,600 s / 60 s), for {@link PremiumAverage#paddedMean}. */
    public static final int MIN_SAMPLES_PER_TICK = 60;

    private static final long EIGHT_HOURS_MS = 8 * 3_600_000L;

    public DydxFunding {
        if (initialMarginPpm <= 0 || initialMarginPpm > Fixed.PPM) {
            throw new IllegalArgumentException("initialMarginPpm must be in (0, 1,000,000]: " + initialMarginPpm);
        }
        if (maintenanceMarginPpm < 0 || maintenanceMarginPpm > initialMarginPpm) {
            throw new IllegalArgumentException("maintenanceMarginPpm must be in [0, initialMarginPpm "
                    + initialMarginPpm + "]: " + maintenanceMarginPpm);
        }
        if (fundingRateClampFactorPpm < 0) {
            throw new IllegalArgumentException("fundingRateClampFactorPpm must be non-negative: "
                    + fundingRateClampFactorPpm);
        }
        if (premiumVoteClampFactorPpm < 0) {
            throw new IllegalArgumentException("premiumVoteClampFactorPpm must be non-negative: "
                    + premiumVoteClampFactorPpm);
        }
        if (defaultFundingRatePpb == Long.MIN_VALUE) {
            throw new IllegalArgumentException("defaultFundingRatePpb must not be Long.MIN_VALUE");
        }
    }

    /**
     * A market with mainnet genesis factors (6× and 60×) and no default rate.
     *
     * <p>Example: {@code DydxFunding.mainnet(50_000, 30_000)} is Large-Cap at mainnet genesis.
     */
    public static DydxFunding mainnet(long initialMarginPpm, long maintenanceMarginPpm) {
        return new DydxFunding(initialMarginPpm, maintenanceMarginPpm, FUNDING_RATE_CLAMP_FACTOR_PPM,
                PREMIUM_VOTE_CLAMP_FACTOR_PPM, 0);
    }

    /**
     * The bound on |R_8h|, ppb: {@code fundingRateClampFactor × (IMF − MMF)}, rounded down.
     *
     * <p>Example: 6 × (5 % − 3 %) = 12 % = 120,000,000 ppb.
     */
    public long rateClampPpb() {
        return band(fundingRateClampFactorPpm);
    }

    /**
     * The bound on a premium vote, ppb, for {@link PremiumIndex#dydxVotePpb}:
     * {@code premiumVoteClampFactor × (IMF − MMF)}, rounded down.
     *
     * <p>Example: 60 × (5 % − 3 %) = 120 % = 1,200,000,000 ppb.
     */
    public long premiumVoteClampPpb() {
        return band(premiumVoteClampFactorPpm);
    }

    /**
     * R_8h, ppb: {@code clamp(averagePremiumPpb + default, ±rateClampPpb())}.
     *
     * <p>Example: an average premium of 200,000,000 ppb (20 %) on Large-Cap is bounded to 12 %;
     * 1,000,000 (0.1 %) passes unchanged.
     */
    public long eightHourRatePpb(long averagePremiumPpb) {
        long bound = rateClampPpb();
        return FundingArithmetic.clamp(Fixed.add(averagePremiumPpb, defaultFundingRatePpb), -bound, bound);
    }

    /**
     * The funding index delta over {@code elapsedMillis} (dYdX: one funding tick, 3,600,000 ms):
     * {@code R_8h × elapsed / 8 h × oraclePrice} per size unit, in index units (10^-9 settlement
     * units per size unit), truncated toward zero; positive when longs pay.
     *
     * <p>Example: BTC with sizes at 4 decimals and prices at 1 (USDC at 6), R_8h 1,000,000 ppb,
     * oracle 50,000.0 (500,000), one hour: one size unit is worth 5,000,000 units, so the delta is
     * 1,000,000 × 5,000,000 × 3,600 / 28,800 = 625,000,000,000 (0.000625 USDC per 0.0001 BTC).
     *
     * @param oraclePrice price units, positive
     * @param elapsedMillis 0 or more
     */
    public static long indexDelta(MarketSpec market, long eightHourRatePpb, long oraclePrice, long elapsedMillis) {
        Objects.requireNonNull(market, "market");
        if (oraclePrice <= 0) {
            throw new IllegalArgumentException("oraclePrice must be positive: " + oraclePrice);
        }
        if (elapsedMillis < 0) {
            throw new IllegalArgumentException("elapsedMillis must be non-negative: " + elapsedMillis);
        }
        return FundingArithmetic.perSizeUnit(market, eightHourRatePpb, oraclePrice, elapsedMillis, EIGHT_HOURS_MS,
                RoundingMode.DOWN);
    }

    /**
     * The settlement of a position of {@code size} over an index change of {@code indexDelta}:
     * {@code −indexDelta × size / 10^9} settlement units, credited to the account (negative: it
     * pays), rounded toward negative infinity.
     *
     * <p>Example: 1 BTC long (10,000 size units) over a delta of 625,000,000,000 settles
     * −6,250,000 (pays 6.25 USDC); the 1 BTC short settles +6,250,000. Over a delta of 1, one
     * size unit long settles −1 (pays the fraction), short 0.
     *
     * @param size signed position size, size units
     */
    public static long settlement(long indexDelta, long size) {
        return FundingArithmetic.indexTimesSize(Fixed.negate(indexDelta), size, RoundingMode.FLOOR);
    }

    private long band(long factorPpm) {
        // (IMF − MMF) ppm × factor ppm / 10^6 is ppm; × 1,000 is ppb: one division by 1,000.
        return Fixed.mulDiv(initialMarginPpm - maintenanceMarginPpm, factorPpm, 1_000, RoundingMode.DOWN);
    }
}
