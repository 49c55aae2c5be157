package io.fulcrum.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketSpecTest {
    private static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    private static final AssetSpec USDT = AssetSpec.of("USDT", 6);
    private static final MarketId BTC = MarketId.of("BTC-PERP");
    private static final long ONE_USDC = 1_000_000L;

    /** The class Javadoc's market: sizes in 0.0001 BTC, prices in 0.1 USDC, 5 % / 3 %. */
    private static MarketSpec.Builder btc() {
        return MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
    }

    /** A market whose notionals are fractional: sizes in 1e-8 BTC, prices in 0.01 USDC, 6-decimal USDC. */
    private static MarketSpec satoshiMarket() {
        return MarketSpec.builder(BTC, USDC).sizeDecimals(8).priceDecimals(2).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();
    }

    /** A market with integer prices and sizes in whole units and a ladder given in whole USDC. */
    private static MarketSpec laddered(AssetSpec settlement, RiskTier... tiers) {
        return MarketSpec.builder(BTC, settlement).sizeDecimals(0).priceDecimals(0).tickSize(1).lotSize(1)
                .riskTiers(Arrays.asList(tiers)).build();
    }

    // --- builder -----------------------------------------------------------------------------

    @Test
    void buildsTheJavadocExampleWithDefaults() {
        MarketSpec spec = btc().build();
        assertEquals(BTC, spec.id());
        assertEquals(USDC, spec.settlement());
        assertEquals(0, spec.minNotional());
        assertEquals(Long.MAX_VALUE / 4, spec.maxOrderSize());
        assertEquals(List.of(RiskTier.flat(50_000, 30_000)), spec.riskTiers());
    }

    @Test
    void buildNamesAMissingSizeDecimals() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).priceDecimals(1).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: sizeDecimals is required", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void buildNamesAMissingPriceDecimals() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).sizeDecimals(4).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: priceDecimals is required", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void buildNamesAMissingTickSize() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: tickSize is required", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void buildNamesAMissingLotSize() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(1)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: lotSize is required", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void buildNamesMissingRiskTiers() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1);
        assertEquals("BTC-PERP: riskTiers is required", assertThrows(IllegalStateException.class, b::build).getMessage());
    }

    @Test
    void aValueSetTwiceFailsAtOnce() {
        MarketSpec.Builder b = btc();
        assertEquals("BTC-PERP: tickSize was already set",
                assertThrows(IllegalStateException.class, () -> b.tickSize(5)).getMessage());
        assertEquals("BTC-PERP: riskTiers was already set",
                assertThrows(IllegalStateException.class, () -> b.riskTiers(List.of(RiskTier.flat(100_000, 50_000))))
                        .getMessage());
        b.minNotional(10);
        assertEquals("BTC-PERP: minNotional was already set",
                assertThrows(IllegalStateException.class, () -> b.minNotional(20)).getMessage());
    }

    @Test
    void outOfRangeValuesAreNamed() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC);
        assertEquals("BTC-PERP: sizeDecimals must be in [0, 18]: 19",
                assertThrows(IllegalArgumentException.class, () -> b.sizeDecimals(19)).getMessage());
        assertEquals("BTC-PERP: priceDecimals must be in [0, 18]: -1",
                assertThrows(IllegalArgumentException.class, () -> b.priceDecimals(-1)).getMessage());
        assertEquals("BTC-PERP: tickSize must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> b.tickSize(0)).getMessage());
        assertEquals("BTC-PERP: lotSize must be positive: -3",
                assertThrows(IllegalArgumentException.class, () -> b.lotSize(-3)).getMessage());
        assertEquals("BTC-PERP: minNotional must be non-negative: -1",
                assertThrows(IllegalArgumentException.class, () -> b.minNotional(-1)).getMessage());
        assertEquals("BTC-PERP: maxOrderSize must be positive: 0",
                assertThrows(IllegalArgumentException.class, () -> b.maxOrderSize(0)).getMessage());
    }

    @Test
    void aMaxOrderSizeBelowOneLotIsRefused() {
        MarketSpec.Builder b = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(10)
                .maxOrderSize(5).riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: maxOrderSize 5 is below one lot 10",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void scalesWhoseNotionalExponentExceeds18AreRefused() {
        // 0 - 18 - 18 = -36: no long power of ten can scale such a notional.
        MarketSpec.Builder b = MarketSpec.builder(BTC, AssetSpec.of("USDC", 0)).sizeDecimals(18).priceDecimals(18)
                .tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000)));
        assertEquals("BTC-PERP: settlement decimals - size decimals - price decimals must be in [-18, 18]: -36",
                assertThrows(IllegalArgumentException.class, b::build).getMessage());
    }

    @Test
    void anEmptyRiskLadderIsRefused() {
        assertEquals("BTC-PERP: riskTiers must have at least one tier",
                assertThrows(IllegalArgumentException.class, () -> MarketSpec.builder(BTC, USDC).riskTiers(List.of()))
                        .getMessage());
    }

    @Test
    void aRiskLadderMustStartAtNotionalZero() {
        assertEquals("BTC-PERP: the first risk tier must start at notional 0",
                assertThrows(IllegalArgumentException.class,
                        () -> MarketSpec.builder(BTC, USDC).riskTiers(List.of(new RiskTier(1, 50_000, 30_000))))
                        .getMessage());
    }

    @Test
    void riskTierFloorsMustIncreaseStrictly() {
        List<RiskTier> tiers = List.of(RiskTier.flat(50_000, 30_000), new RiskTier(100, 60_000, 40_000),
                new RiskTier(100, 70_000, 50_000));
        assertEquals("BTC-PERP: risk tier floors must increase strictly: 100 then 100",
                assertThrows(IllegalArgumentException.class, () -> MarketSpec.builder(BTC, USDC).riskTiers(tiers))
                        .getMessage());
    }

    @Test
    void riskTierRatesMustNotDecrease() {
        List<RiskTier> tiers = List.of(RiskTier.flat(50_000, 30_000), new RiskTier(100, 60_000, 20_000));
        assertEquals("BTC-PERP: risk tier rates must not decrease with notional: tier 1",
                assertThrows(IllegalArgumentException.class, () -> MarketSpec.builder(BTC, USDC).riskTiers(tiers))
                        .getMessage());
    }

    @Test
    void aNullRiskTierIsNamed() {
        List<RiskTier> tiers = new ArrayList<>();
        tiers.add(RiskTier.flat(50_000, 30_000));
        tiers.add(null);
        assertEquals("BTC-PERP: risk tier 1 is null",
                assertThrows(IllegalArgumentException.class, () -> MarketSpec.builder(BTC, USDC).riskTiers(tiers))
                        .getMessage());
    }

    @Test
    void theRiskLadderIsCopiedAndUnmodifiable() {
        List<RiskTier> tiers = new ArrayList<>(List.of(RiskTier.flat(50_000, 30_000)));
        MarketSpec spec = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(1).lotSize(1)
                .riskTiers(tiers).build();
        tiers.add(new RiskTier(100, 60_000, 40_000));
        assertEquals(1, spec.riskTiers().size());
        assertThrows(UnsupportedOperationException.class, () -> spec.riskTiers().clear());
    }

    @Test
    void specsWithTheSameRulesAreEqual() {
        assertEquals(btc().build(), btc().build());
        assertEquals(btc().build().hashCode(), btc().build().hashCode());
        assertNotEquals(btc().build(), btc().minNotional(1).build());
    }

    // --- ticks, lots, notionals --------------------------------------------------------------

    @Test
    void ticksAndLotsArePositiveMultiples() {
        MarketSpec spec = MarketSpec.builder(BTC, USDC).sizeDecimals(4).priceDecimals(1).tickSize(5).lotSize(10)
                .riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();
        assertTrue(spec.isOnTick(500_005));
        assertFalse(spec.isOnTick(500_003));
        assertFalse(spec.isOnTick(0));
        assertFalse(spec.isOnTick(-5));
        assertTrue(spec.isOnLot(20));
        assertFalse(spec.isOnLot(25));
        assertFalse(spec.isOnLot(0));
    }

    @Test
    void notionalOfTheJavadocExampleIsExact() {
        // 1 BTC (10,000 x 0.0001) at 50,000.0 (500,000 x 0.1) = 50,000 USDC = 50,000,000,000 units.
        assertEquals(50_000_000_000L, btc().build().notional(10_000, 500_000, RoundingMode.UNNECESSARY));
    }

    @Test
    void notionalIsTheSameForALongAndAShort() {
        assertEquals(50_000_000_000L, btc().build().notional(-10_000, 500_000, RoundingMode.UNNECESSARY));
    }

    @Test
    void fractionalNotionalRoundsByTheGivenMode() {
        // 3 satoshi at 123.45 USDC = 0.0000037035 USDC = 3.7035 units.
        MarketSpec spec = satoshiMarket();
        assertEquals(3, spec.notional(3, 12_345, RoundingMode.FLOOR));
        assertEquals(4, spec.notional(3, 12_345, RoundingMode.CEILING));
        assertEquals(4, spec.notional(-3, 12_345, RoundingMode.CEILING));
        assertThrows(ArithmeticException.class, () -> spec.notional(3, 12_345, RoundingMode.UNNECESSARY));
        // 1 BTC at 50,000.00 is exact even on this market: 1e8 * 5e6 / 1e4 = 5e10.
        assertEquals(50_000_000_000L, spec.notional(100_000_000, 5_000_000, RoundingMode.UNNECESSARY));
    }

    @Test
    void notionalThatDoesNotFitThrows() {
        assertThrows(FixedPointOverflowException.class, () -> btc().build().notional(Long.MAX_VALUE / 2, 1_000, RoundingMode.FLOOR));
        assertThrows(FixedPointOverflowException.class, () -> satoshiMarket().notional(Long.MAX_VALUE, Long.MAX_VALUE, RoundingMode.FLOOR));
    }

    @Test
    void notionalOfLongMinValueSizeThrowsInsteadOfTurningNegative() {
        assertThrows(FixedPointOverflowException.class, () -> btc().build().notional(Long.MIN_VALUE, 1, RoundingMode.FLOOR));
    }

    @Test
    void notionalRefusesANegativePrice() {
        assertEquals("BTC-PERP: a notional needs a non-negative price: -1",
                assertThrows(IllegalArgumentException.class, () -> btc().build().notional(10, -1, RoundingMode.FLOOR))
                        .getMessage());
    }

    // --- requirements ------------------------------------------------------------------------

    @Test
    void flatRequirementsRoundUp() {
        MarketSpec spec = btc().build();
        // 5 % / 3 % of 50,000 USDC
        assertEquals(2_500_000_000L, spec.initialRequirement(50_000_000_000L));
        assertEquals(1_500_000_000L, spec.maintenanceRequirement(50_000_000_000L));
        // 5 % and 3 % of 1 unit are 0.05 and 0.03: rounded up to a whole unit.
        assertEquals(1, spec.initialRequirement(1));
        assertEquals(1, spec.maintenanceRequirement(1));
        assertEquals(0, spec.maintenanceRequirement(0));
    }

    @Test
    void hyperliquidMainnetBtcTiersGiveExampleA() {
        // MECHANISMS.md §1.3 A: 40x (MMR 1.25 %) below 150M, 20x (MMR 2.5 %) above; N = 200M -> MM 3,125,000.
        long m = ONE_USDC;
        MarketSpec spec = laddered(USDC, new RiskTier(0, 25_000, 12_500), new RiskTier(150_000_000 * m, 50_000, 25_000));
        assertEquals(1_875_000 * m, spec.maintenanceDeduction(1));
        assertEquals(1, spec.tierIndex(200_000_000 * m));
        assertEquals(3_125_000 * m, spec.maintenanceRequirement(200_000_000 * m));
        assertEquals(10_000_000 * m, spec.initialRequirement(200_000_000 * m));
    }

    /** MECHANISMS.md §1.3 B, testnet BTC: 40x, 25x, 10x, 5x, 3x at 0, 10k, 50k, 100k, 300k USDC. */
    private static MarketSpec hyperliquidTestnetBtc() {
        long m = ONE_USDC;
        // MMR = 1 / max leverage / 2. For 3x that is 1/6 = 166,666.67 ppm, which ppm cannot hold:
        // it is rounded up to 166,667 ppm (and the 3x initial rate 333,333.33 up to 333,334), the
        // venue-safe direction.
        return laddered(USDC,
                new RiskTier(0, 25_000, 12_500),
                new RiskTier(10_000 * m, 40_000, 20_000),
                new RiskTier(50_000 * m, 100_000, 50_000),
                new RiskTier(100_000 * m, 200_000, 100_000),
                new RiskTier(300_000 * m, 333_334, 166_667));
    }

    @Test
    void hyperliquidTestnetDeductionLadderIsExampleB() {
        MarketSpec spec = hyperliquidTestnetBtc();
        assertEquals(0, spec.maintenanceDeduction(0));
        assertEquals(75 * ONE_USDC, spec.maintenanceDeduction(1));
        assertEquals(1_575 * ONE_USDC, spec.maintenanceDeduction(2));
        assertEquals(6_575 * ONE_USDC, spec.maintenanceDeduction(3));
        // 6,575 + 300,000 x (0.166667 - 0.1) = 26,575.1 USDC: the document's 26,575 uses the exact 1/6.
        assertEquals(26_575_100_000L, spec.maintenanceDeduction(4));
    }

    @Test
    void hyperliquidTestnetMaintenanceAt120kIsExampleB() {
        // 120,000 x 10 % - 6,575 = 5,425; piecewise 125 + 800 + 2,500 + 2,000.
        assertEquals(5_425 * ONE_USDC, hyperliquidTestnetBtc().maintenanceRequirement(120_000 * ONE_USDC));
    }

    @Test
    void hyperliquidTestnetMaintenanceAt400kRoundsTheThirdOfLeverageUp() {
        // Exact 1/6: 400,000 / 6 - 26,575 = 40,091.67. With 166,667 ppm:
        // 400,000 x 0.166667 - 26,575.1 = 66,666.8 - 26,575.1 = 40,091.7 USDC, a little above exact (venue-safe),
        // and equal to the piecewise sum 125 + 800 + 2,500 + 20,000 + 100,000 x 0.166667.
        assertEquals(40_091_700_000L, hyperliquidTestnetBtc().maintenanceRequirement(400_000 * ONE_USDC));
    }

    @Test
    void maintenanceIsContinuousAtEveryTierFloor() {
        // Just at floor n, the requirement equals the floor at the previous tier's rate.
        MarketSpec spec = hyperliquidTestnetBtc();
        List<RiskTier> tiers = spec.riskTiers();
        for (int n = 1; n < tiers.size(); n++) {
            long floor = tiers.get(n).notionalFloor();
            assertEquals(n, spec.tierIndex(floor));
            assertEquals(n - 1, spec.tierIndex(floor - 1));
            long belowRate = floor / 1_000_000 * tiers.get(n - 1).maintenanceMarginPpm() - spec.maintenanceDeduction(n - 1);
            assertEquals(belowRate, spec.maintenanceRequirement(floor), "tier " + n);
        }
    }

    @Test
    void initialRequirementUsesTheWholeNotionalAtTheTierRate() {
        MarketSpec spec = hyperliquidTestnetBtc();
        // 120,000 USDC in the 5x tier: 20 % of all of it.
        assertEquals(24_000 * ONE_USDC, spec.initialRequirement(120_000 * ONE_USDC));
        assertEquals(new RiskTier(100_000 * ONE_USDC, 200_000, 100_000), spec.tierFor(120_000 * ONE_USDC));
    }

    /** MECHANISMS.md §5.1: Binance ADA brackets; the initial rates (twice maintenance) are illustrative. */
    private static MarketSpec binanceAdaBrackets() {
        long m = ONE_USDC;
        return laddered(USDT,
                new RiskTier(0, 50_000, 25_000),
                new RiskTier(100_000 * m, 100_000, 50_000),
                new RiskTier(500_000 * m, 200_000, 100_000),
                new RiskTier(1_000_000 * m, 300_000, 150_000),
                new RiskTier(2_000_000 * m, 500_000, 250_000),
                new RiskTier(5_000_000 * m, 1_000_000, 500_000));
    }

    @Test
    void binanceCumulativeAmountsAreTheBracketExample() {
        MarketSpec spec = binanceAdaBrackets();
        long[] cum = {0, 2_500, 27_500, 77_500, 277_500, 1_527_500};
        for (int n = 0; n < cum.length; n++) {
            assertEquals(cum[n] * ONE_USDC, spec.maintenanceDeduction(n), "bracket " + n);
        }
    }

    @Test
    void binanceMaintenanceAt750kIsTheBracketExample() {
        // 750,000 x 10 % - 27,500 = 47,500; piecewise 2,500 + 20,000 + 25,000.
        assertEquals(47_500 * ONE_USDC, binanceAdaBrackets().maintenanceRequirement(750_000 * ONE_USDC));
    }
}
