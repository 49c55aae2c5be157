package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Funding models a venue can run ({@code Venue.Builder.funding(market, model)}), each the
 * formula of a real venue fed by the venue's premium samples (MECHANISMS.md §1.1, §2.5, §5.2,
 * §7). Rates are ppb of the position's notional at the index, positive when longs pay.
 *
 * <ul>
 *   <li>{@link #hyperliquid}: a premium sample every 5 s at the impact notional, averaged over the
 *       hour; {@code F = P + clamp(0.01 % − P, ±0.05 %)} per 8 h, paid hourly as F / 8 (at most 4 %).
 *       Example (§1.1): impact bid 10,010 and ask 10,020 over an index of 10,000 all hour give
 *       P = 0.1 % and 62,500 ppb an hour: 6.25 on 10 BTC.
 *   <li>{@link #binance}: a sample a minute, weighted 1..n over 8 h, the same clamp, capped per
 *       symbol, paid every 8 h (§5.2).
 *   <li>{@link #dydx}: a sample a minute, their mean padded with zeros to 60 per hour, bounded to
 *       6 × (IMF − MMF) per 8 h, paid hourly as an eighth (§2.5).
 *   <li>{@link #velocity}: Synthetix's rate that drifts with the traders' skew; each hour pays the
 *       average of the rate at its start and end (§7).
 *   <li>{@link #drift}: Drift v2's mark-vs-oracle TWAP rate, the mean premium of the hour taken
 *       as {@code (markTWAP − oracleTWAP) / oracleTWAP}, paid hourly (§7).
 * </ul>
 */
public final class FundingModels {
    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;
    private static final long MINUTE_MS = 60_000;
    /** Parts per billion in one: the oracle a premium is measured against in {@link #drift}. */
    private static final long PPB = 1_000_000_000L;

    private FundingModels() {}

    /** Hyperliquid: samples every 5 s at {@code impactNotional} (settlement units; 20,000 USDC for BTC), paid hourly. */
    public static FundingModel hyperliquid(long impactNotional) {
        return new MeanPremium("hyperliquid", HOUR_MS, 5_000, impactNotional, 0,
                p -> ClampedFunding.hyperliquid().hourlyRatePpb(p));
    }

    /**
     * Binance: samples every minute at {@code impactNotional} (200 USDT / initial margin rate at
     * maximum leverage), weighted 1..n, paid every 8 h with |F| at most {@code maxAbsRatePpb}.
     */
    public static FundingModel binance(long impactNotional, long maxAbsRatePpb) {
        ClampedFunding formula = ClampedFunding.binance(maxAbsRatePpb);
        return new WeightedPremium(8 * HOUR_MS, 60_000, impactNotional, formula);
    }

    /**
     * dYdX v4: samples every minute at {@code impactNotional} (10,000 USDC for Large-Cap), their
     * mean padded with zeros to 60 per hour, R_8h bounded by {@code formula}, paid hourly.
     */
    public static FundingModel dydx(long impactNotional, DydxFunding formula) {
        Objects.requireNonNull(formula, "formula");
        return new MeanPremium("dydx", HOUR_MS, 60_000, impactNotional, DydxFunding.MIN_SAMPLES_PER_TICK,
                p -> formula.eightHourRatePpb(p) / 8);
    }

    /**
     * Synthetix: no premium; the rate (ppb per day) moves by {@code formula}'s velocity at the
     * traders' skew (long minus short open interest, size units), and each hour pays the average
     * of the rate at its start and end for the time elapsed.
     */
    public static FundingModel velocity(VelocityFunding formula) {
        return new Velocity(Objects.requireNonNull(formula, "formula"));
    }

    /**
     * Drift v2: a premium sample every minute at {@code impactNotional}, paid hourly as
     * {@code tier}'s rate. See {@link #drift(DriftFunding, long, long)}.
     *
     * <p>Example (§7): samples averaging 0.3 % (mark TWAP 100.30 over an oracle TWAP of 100.00)
     * pay (0.30 + 100 / 5,000) / 24 = 0.013333 % an hour: 133,333 ppb.
     */
    public static FundingModel drift(DriftFunding tier, long impactNotional) {
        return drift(tier, impactNotional, MINUTE_MS);
    }

    /**
     * Drift v2 (MECHANISMS.md §7): samples every {@code sampleIntervalMillis} at
     * {@code impactNotional}; each hour pays {@link DriftFunding#hourlyRatePpb} with the oracle
     * TWAP the index's and the mark TWAP {@code index × (1 + P)}, P the mean of the hour's
     * samples (0 without any). The formula is homogeneous in the prices, so it is evaluated
     * exactly at an oracle of 10^9 and a mark of {@code 10^9 + P} (P in ppb):
     * {@code clamp(P + 10^9 / 5,000, ±10^9 / capDivisor) / 24}, toward zero.
     *
     * <p>Approximations, against Drift: its TWAPs are one-hour EMAs, here a plain mean of the
     * hour's samples; its mark TWAP is the mid of the bid and ask TWAPs, whereas the venue's
     * sample is the impact premium {@code [max(impactBid − index, 0) − max(index − impactAsk, 0)]
     * / index}, which equals the mid's premium only when the impact bid and ask coincide (0
     * while the index lies between them; bid 100.20 and ask 100.40 over 100.00 sample 0.2 %,
     * Drift's mid 0.3 %). A pool market samples 0, so it pays the offset alone: 8,333 ppb an hour.
     *
     * <p>Example (§7, tier B or better): P = 10 % (mark 110 over 100) is capped at 1/33 and pays
     * 0.12626 % an hour: 1,262,626 ppb; with no sample, 0.02 % / 24: 8,333 ppb.
     *
     * @param tier the market's contract tier (its cap)
     * @param impactNotional settlement units, positive
     * @param sampleIntervalMillis ms between samples, in [1, 3,600,000]
     * @throws IllegalArgumentException if {@code impactNotional} or {@code sampleIntervalMillis} is
     *     out of range; the model rejects a sample of −100 % or less (a mark at or below zero)
     */
    public static FundingModel drift(DriftFunding tier, long impactNotional, long sampleIntervalMillis) {
        Objects.requireNonNull(tier, "tier");
        if (sampleIntervalMillis <= 0 || sampleIntervalMillis > HOUR_MS) {
            throw new IllegalArgumentException("the sample interval must be in [1, " + HOUR_MS + "] ms: "
                    + sampleIntervalMillis);
        }
        // The mark handed to DriftFunding is the oracle (1e9) moved by the mean premium; the venue's premiums stay
        // above −100 % (an impact ask is positive), so the mark stays positive.
        return new MeanPremium("drift", HOUR_MS, sampleIntervalMillis, impactNotional, 0,
                premium -> tier.hourlyRatePpb(Fixed.add(PPB, Math.max(premium, 1 - PPB)), PPB));
    }

    /** Turns an average premium into the rate to pay. */
    @FunctionalInterface
    private interface RateOfPremium {
        long ratePpb(long averagePremiumPpb);
    }

    /** Premium samples summed and counted, their mean (optionally padded with zeros) turned into a rate. */
    private record MeanPremium(String name, long intervalMillis, long sampleIntervalMillis, long impactNotional,
            int minSamples, RateOfPremium rate) implements FundingModel {
        private static final int SUM = 0;
        private static final int COUNT = 1;

        MeanPremium {
            requireImpactNotional(impactNotional);
        }

        @Override
        public long impactNotional(MarketSpec market) {
            return impactNotional;
        }

        @Override
        public int stateSize() {
            return 2;
        }

        @Override
        public void onPremiumSample(long time, long premiumPpb, long[] state) {
            state[SUM] = Fixed.add(state[SUM], premiumPpb);
            state[COUNT]++;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            long count = Math.max(state[COUNT], minSamples);
            long average = count == 0 ? 0 : state[SUM] / count; // toward zero, as PremiumAverage
            state[SUM] = 0;
            state[COUNT] = 0;
            return rate.ratePpb(average);
        }

        @Override
        public String toString() {
            return "FundingModels." + name + "[impact " + impactNotional + "]";
        }
    }

    /** Binance's 1..n weights: Σ i·PI_i / Σ i, kept as two running sums and a count. */
    private record WeightedPremium(long intervalMillis, long sampleIntervalMillis, long impactNotional,
            ClampedFunding formula) implements FundingModel {
        private static final int WEIGHTED = 0;
        private static final int WEIGHTS = 1;
        private static final int COUNT = 2;

        WeightedPremium {
            requireImpactNotional(impactNotional);
        }

        @Override
        public long impactNotional(MarketSpec market) {
            return impactNotional;
        }

        @Override
        public int stateSize() {
            return 3;
        }

        @Override
        public void onPremiumSample(long time, long premiumPpb, long[] state) {
            long weight = ++state[COUNT];
            state[WEIGHTED] = Fixed.add(state[WEIGHTED], Math.multiplyExact(weight, premiumPpb));
            state[WEIGHTS] += weight;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            long average = state[WEIGHTS] == 0 ? 0 : state[WEIGHTED] / state[WEIGHTS];
            state[WEIGHTED] = 0;
            state[WEIGHTS] = 0;
            state[COUNT] = 0;
            return formula.eightHourRatePpb(average);
        }

        @Override
        public String toString() {
            return "FundingModels.binance[impact " + impactNotional + ", " + formula + "]";
        }
    }

    /** Synthetix: the rate per day lives in the state and drifts with the skew between payments. */
    private record Velocity(VelocityFunding formula) implements FundingModel {
        @Override
        public long intervalMillis() {
            return HOUR_MS;
        }

        @Override
        public int stateSize() {
            return 1;
        }

        @Override
        public long ratePpb(FundingInputs inputs, long[] state) {
            long start = state[0];
            long skew = inputs.longOpenInterest() - inputs.shortOpenInterest();
            long end = formula.next(start, skew, inputs.elapsedMillis());
            state[0] = end;
            // The average of the two rates (per day) over the time elapsed, toward zero.
            return Fixed.mulDiv(Fixed.add(start, end), inputs.elapsedMillis(), 2 * DAY_MS, RoundingMode.DOWN);
        }

        @Override
        public String toString() {
            return "FundingModels.velocity[" + formula + "]";
        }
    }

    /** Drift: the hour's premium samples summed and counted; their mean is the mark TWAP's premium over the oracle's. */

    private static void requireImpactNotional(long impactNotional) {
        if (impactNotional <= 0) {
            throw new IllegalArgumentException("the impact notional must be positive: " + impactNotional);
        }
    }
}
