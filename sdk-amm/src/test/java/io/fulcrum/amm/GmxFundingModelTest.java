package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.FundingInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GMX funding as a venue funding model (MECHANISMS.md §3.2). The market: USDC (6 decimals), sizes in 0.0001 BTC,
 * prices in 0.1, so 1 BTC (10,000 units) at 50,000.0 (500,000) is 50,000 USDC; GmxFunding's usdDecimals is 6.
 */
class GmxFundingModelTest {
    private static final MarketSpec BTC = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1).minNotional(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();

    private static final long HOUR = 3_600_000;
    private static final long INDEX_50K = 500_000;
    /** 1 BTC in size units. */
    private static final long ONE_BTC = 10_000;

    /** README static: factor 1/50,000 = 2e13 wad, exponent 1, max 1 per second (no effective cap). */
    private static final GmxFunding README_STATIC = GmxFunding.staticFunding(20_000_000_000_000L, 1,
            1_000_000_000_000_000_000L, 6);

    /**
     * README adaptive: increase 0.0001 % = 1e12 wad, decrease 0.000002 % = 2e10 wad, stable threshold 5 %, decrease
     * threshold 3 %, min 0, max 0.1 % per second (1e15 wad); paid every 600 s.
     */
    private static final GmxFundingModel README_ADAPTIVE = new GmxFundingModel(GmxFunding.adaptiveFunding(1,
            1_000_000_000_000L, 20_000_000_000L, 50_000, 30_000, 0, 1_000_000_000_000_000L, 6), 600_000);

    private static FundingInputs inputs(long elapsedMillis, long index, long longSize, long shortSize) {
        return new FundingInputs(BTC, elapsedMillis, elapsedMillis, index, index, longSize, shortSize);
    }

    /** A 600 s interval at 50,000 with {@code longBtcTenths} / {@code shortBtcTenths} tenths of a BTC. */
    private static long adaptiveInterval(long[] state, long longBtcTenths, long shortBtcTenths) {
        return README_ADAPTIVE.ratePpb(inputs(600_000, INDEX_50K, longBtcTenths * 1_000, shortBtcTenths * 1_000), state);
    }

    @Test
    void staticReadmeExampleChargesLongsThreePointSixPercentAnHour() {
        // Long 3 BTC = 150,000, short 1 BTC = 50,000: (1/50,000) × 100,000 / 200,000 = 0.00001 /s = 1e13 wad;
        // × 3,600 s = 3.6e16 wad = 0.036 = 36,000,000 ppb.
        GmxFundingModel model = GmxFundingModel.of(README_STATIC);
        long[] state = new long[model.stateSize()];
        assertEquals(36_000_000, model.ratePpb(inputs(HOUR, INDEX_50K, 3 * ONE_BTC, ONE_BTC), state));
    }

    @Test
    void staticShortHeavyBookMakesTheRateNegative() {
        // Shorts 150,000 pay longs 50,000: −36,000,000 ppb.
        GmxFundingModel model = GmxFundingModel.of(README_STATIC);
        long[] state = new long[model.stateSize()];
        assertEquals(-36_000_000, model.ratePpb(inputs(HOUR, INDEX_50K, ONE_BTC, 3 * ONE_BTC), state));
    }

    @Test
    void theDefaultIsHourlyWithoutPremiumSamples() {
        GmxFundingModel model = GmxFundingModel.of(README_STATIC);
        assertEquals(3_600_000, model.intervalMillis());
        assertEquals(0, model.sampleIntervalMillis());
        assertEquals(2, model.stateSize());
    }

    @Test
    void openInterestIsValuedAtTheIndex() {
        // Exponent 2, factor 1e-12 (1e6 wad). At 50,000: 100,000² / 200,000 = 50,000 → 5e-8 /s = 5e10 wad, × 3,600 s
        // = 1.8e14 wad = 180,000 ppb. At 25,000 the same sizes are worth half: 50,000² / 100,000 = 25,000 → 90,000.
        GmxFundingModel model = GmxFundingModel.of(GmxFunding.staticFunding(1_000_000L, 2,
                1_000_000_000_000_000_000L, 6));
        long[] state = new long[model.stateSize()];
        assertEquals(180_000, model.ratePpb(inputs(HOUR, INDEX_50K, 3 * ONE_BTC, ONE_BTC), state));
        assertEquals(90_000, model.ratePpb(inputs(HOUR, 250_000, 3 * ONE_BTC, ONE_BTC), state));
    }

    @Test
    void theRateRoundsTowardZero() {
        // Short 2 BTC, long 1 BTC: imbalance 1/3, factor floor(2e13 / 3) = 6,666,666,666,666 wad; × 3,600 s
        // = 23,999,999,999,997,600 wad = 23,999,999.9999976 ppb → −23,999,999 (shorts pay).
        GmxFundingModel model = GmxFundingModel.of(README_STATIC);
        long[] state = new long[model.stateSize()];
        assertEquals(-23_999_999, model.ratePpb(inputs(HOUR, INDEX_50K, ONE_BTC, 2 * ONE_BTC), state));
    }

    @Test
    void aPartSecondIsCarriedToTheNextInterval() {
        // 1e13 wad/s: 1.5 s pays 1 s (10,000 ppb) and carries 0.5 s; the next 1.5 s pays 2 s (20,000 ppb).
        GmxFundingModel model = new GmxFundingModel(README_STATIC, 1_500);
        long[] state = new long[model.stateSize()];
        assertEquals(10_000, model.ratePpb(inputs(1_500, INDEX_50K, 3 * ONE_BTC, ONE_BTC), state));
        assertEquals(20_000, model.ratePpb(inputs(1_500, INDEX_50K, 3 * ONE_BTC, ONE_BTC), state));
    }

    @Test
    void adaptiveFactorGrowsAboveTheStableThresholdAndIsKeptBetweenTheThresholds() {
        // 6 % long skew (5.3 / 4.7 BTC) from 0: +1e-6 × 0.06 × 600 = 0.0036 % per second (3.6e13 wad), paid for
        // 600 s: 3.6e13 × 600 / 1e9 = 21,600,000 ppb. Then 4 % (5.2 / 4.8), between 3 % and 5 %: unchanged.
        long[] state = new long[README_ADAPTIVE.stateSize()];
        assertEquals(21_600_000, adaptiveInterval(state, 53, 47));
        assertEquals(21_600_000, adaptiveInterval(state, 52, 48));
    }

    @Test
    void adaptiveFactorDecaysBelowTheDecreaseThreshold() {
        // After 3.6e13: 2 % (5.1 / 4.9) < 3 %: −2e-8 × 600 = −0.0012 % → 2.4e13 wad; × 600 / 1e9 = 14,400,000.
        long[] state = new long[README_ADAPTIVE.stateSize()];
        adaptiveInterval(state, 53, 47);
        assertEquals(14_400_000, adaptiveInterval(state, 51, 49));
    }

    @Test
    void adaptiveFactorMovesTowardTheNewHeavySideWhenTheSkewFlips() {
        // After 3.6e13: shorts heavier by 1 % (4.95 / 5.05 BTC): 1e-6 × 0.01 × 600 = 0.0006 % toward shorts →
        // 3.0e13 wad; longs still pay 3e13 × 600 / 1e9 = 18,000,000 ppb.
        long[] state = new long[README_ADAPTIVE.stateSize()];
        adaptiveInterval(state, 53, 47);
        assertEquals(18_000_000, README_ADAPTIVE.ratePpb(inputs(600_000, INDEX_50K, 49_500, 50_500), state));
    }

    @Test
    void adaptiveShortSkewFromZeroMakesShortsPay() {
        // 6 % short skew (4.7 / 5.3) from 0: r = −3.6e13 wad, shorts pay 21,600,000 ppb.
        long[] state = new long[README_ADAPTIVE.stateSize()];
        assertEquals(-21_600_000, adaptiveInterval(state, 47, 53));
    }

    @Test
    void nobodyPaysWhileOneSideIsEmptyAndTheSavedFactorIsKept() {
        // After 3.6e13: no shorts → 0; then 4 % (between the thresholds) pays the kept 3.6e13: 21,600,000.
        long[] state = new long[README_ADAPTIVE.stateSize()];
        adaptiveInterval(state, 53, 47);
        assertEquals(0, adaptiveInterval(state, 53, 0));
        assertEquals(21_600_000, adaptiveInterval(state, 52, 48));
    }

    @Test
    void usdDecimalsMustBeTheSettlementDecimals() {
        GmxFundingModel model = GmxFundingModel.of(GmxFunding.staticFunding(20_000_000_000_000L, 1,
                1_000_000_000_000_000_000L, 0));
        long[] state = new long[model.stateSize()];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.ratePpb(inputs(HOUR, INDEX_50K, 3 * ONE_BTC, ONE_BTC), state));
        assertEquals("GmxFunding's usdDecimals 0 must be BTC-PERP's settlement decimals 6", e.getMessage());
    }

    @Test
    void theIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new GmxFundingModel(README_STATIC, 0));
    }

    @Test
    void theFormulaIsRequired() {
        assertThrows(NullPointerException.class, () -> GmxFundingModel.of(null));
    }
}
