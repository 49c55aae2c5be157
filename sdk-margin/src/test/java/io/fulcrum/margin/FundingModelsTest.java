package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The venue-facing funding models: samples in, one rate per interval out, memory reset. */
class FundingModelsTest {
    private static final MarketSpec BTC = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1).minNotional(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();

    private static FundingInputs hourLater(long elapsed, long longs, long shorts) {
        return new FundingInputs(BTC, elapsed, elapsed, 500_000, 500_000, longs, shorts);
    }

    private static long rateAfter(FundingModel model, long... samples) {
        long[] state = new long[model.stateSize()];
        for (long sample : samples) {
            model.onPremiumSample(0, sample, state);
        }
        return model.ratePpb(hourLater(3_600_000, 0, 0), state);
    }

    @Test
    void binanceWeightsLaterMinutesMore() {
        // Samples 0, 0 and 1.8 % weigh 1, 2 and 3: P = 3 × 1,800,000 / 6 = 900,000 ppb (0.09 %);
        // F = 0.09 % + clamp(0.01 % − 0.09 %, ±0.05 %) = 0.04 %.
        assertEquals(400_000, rateAfter(FundingModels.binance(4_000_000_000L, ClampedFunding.NO_CAP), 0, 0, 1_800_000));
    }

    @Test
    void binanceAtAConstantPremiumIsTheClampedFormula() {
        // §5.2: P = 0.12 % → 0.07 %.
        assertEquals(700_000, rateAfter(FundingModels.binance(4_000_000_000L, ClampedFunding.NO_CAP),
                1_200_000, 1_200_000, 1_200_000));
    }

    @Test
    void hyperliquidAveragesItsSamplesAndPaysAnEighth() {
        // §1.1 example 3: P = 1 % → F_8h = 0.95 % → 1,187,500 ppb an hour.
        assertEquals(1_187_500, rateAfter(FundingModels.hyperliquid(20_000_000_000L), 10_000_000, 10_000_000));
    }

    @Test
    void anIntervalForgetsItsSamples() {
        FundingModel model = FundingModels.hyperliquid(20_000_000_000L);
        long[] state = new long[model.stateSize()];
        model.onPremiumSample(0, 10_000_000, state);
        model.ratePpb(hourLater(3_600_000, 0, 0), state);

        // No sample in the next hour: P = 0, so F_8h = I = 0.01 % and 12,500 ppb an hour.
        assertEquals(12_500, model.ratePpb(hourLater(3_600_000, 0, 0), state));
    }

    @Test
    void synthetixCarriesItsRateFromHourToHour() {
        // Skew 100 of 1,000,000 at 300 %/day: the rate grows 12,500 ppb/day an hour; hour 1 pays
        // 12,500 / 2 / 24 = 260 (truncated), hour 2 (12,500 + 25,000) / 2 / 24 = 781.
        FundingModel model = FundingModels.velocity(new VelocityFunding(1_000_000, 3_000_000_000L));
        long[] state = new long[model.stateSize()];
        assertEquals(260, model.ratePpb(hourLater(3_600_000, 100, 0), state));
        assertEquals(781, model.ratePpb(hourLater(3_600_000, 100, 0), state));
    }

    @Test
    void driftPaysTheTierRateOfTheMeanPremium() {
        // §7: samples 0.2 % and 0.4 % average P = 0.3 % (mark TWAP 100.30 over an oracle TWAP of 100.00):
        // (0.30 + 100 / 5,000) / 24 / 100 = 0.32 % / 24 = 0.0133333 % → 133,333 ppb.
        assertEquals(133_333, rateAfter(FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L),
                2_000_000, 4_000_000));
    }

    @Test
    void driftCapsTheRateAtTheTierBoundBothWays() {
        // §7: mark 110 over 100 (P = 10 %): 10.02 % capped at 1/33 = 3.0303 %, / 24 = 0.126262 % → 1,262,626 ppb;
        // mark 90 (P = −10 %): −9.98 % capped at −1/33 → −1,262,626.
        FundingModel model = FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L);
        assertEquals(1_262_626, rateAfter(model, 100_000_000));
        assertEquals(-1_262_626, rateAfter(model, -100_000_000));
    }

    @Test
    void driftTierCCapsAtOneTwentieth() {
        // P = 10 %: 10.02 % capped at 1/20 = 5 %, / 24 = 0.2083333 % → 2,083,333 ppb.
        assertEquals(2_083_333, rateAfter(FundingModels.drift(DriftFunding.tierC(), 20_000_000_000L), 100_000_000));
    }

    @Test
    void driftWithoutSamplesPaysTheOffsetAlone() {
        // P = 0: (100 / 5,000) / 24 / 100 = 0.02 % / 24 = 0.000833 % → 8,333 ppb.
        assertEquals(8_333, rateAfter(FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L)));
    }

    @Test
    void driftForgetsTheHoursSamples() {
        FundingModel model = FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L);
        long[] state = new long[model.stateSize()];
        model.onPremiumSample(0, 3_000_000, state);
        assertEquals(133_333, model.ratePpb(hourLater(3_600_000, 0, 0), state));

        // The next hour has no sample: the offset alone, 8,333 ppb.
        assertEquals(8_333, model.ratePpb(hourLater(3_600_000, 0, 0), state));
    }

    @Test
    void driftSamplesEveryMinuteAtItsImpactNotionalAndPaysHourly() {
        FundingModel model = FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L);
        assertEquals(60_000, model.sampleIntervalMillis());
        assertEquals(3_600_000, model.intervalMillis());
        assertEquals(20_000_000_000L, model.impactNotional(BTC));
        assertEquals(5_000, FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L, 5_000)
                .sampleIntervalMillis());
    }

    @Test
    void driftTakesAPremiumOfMinusOneHundredPercentAsTheLowestMarkAndPaysTheCap() {
        // −100 % would put the mark at 0; it counts as the least positive mark, far past the −3.03 % bound:
        // −1/33/24 = −1,262,626 ppb an hour.
        FundingModel model = FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L);
        assertEquals(-1_262_626, rateAfter(model, -1_000_000_000L));
    }

    @Test
    void driftsSampleIntervalMustBeWithinTheHour() {
        assertThrows(IllegalArgumentException.class,
                () -> FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L, 0));
        assertThrows(IllegalArgumentException.class,
                () -> FundingModels.drift(DriftFunding.tierBOrBetter(), 20_000_000_000L, 3_600_001));
    }

    @Test
    void driftNeedsATierAndAnImpactNotional() {
        assertThrows(NullPointerException.class, () -> FundingModels.drift(null, 20_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> FundingModels.drift(DriftFunding.tierBOrBetter(), 0));
    }

    @Test
    void anImpactNotionalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> FundingModels.hyperliquid(0));
    }
}
