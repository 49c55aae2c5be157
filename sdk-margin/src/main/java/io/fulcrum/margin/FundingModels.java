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
 * </ul>
 */
public final class FundingModels {
    private static final long HOUR_MS = 3_600_000;
    private static final long DAY_MS = 86_400_000;

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

    private static void requireImpactNotional(long impactNotional) {
        if (impactNotional <= 0) {
            throw new IllegalArgumentException("the impact notional must be positive: " + impactNotional);
        }
    }
}
