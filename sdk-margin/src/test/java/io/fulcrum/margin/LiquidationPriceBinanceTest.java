package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Binance USDⓈ-M liquidation prices (MECHANISMS.md §5.1). Markets settle in USDT (6 decimals) with sizes
 * in 0.001 BTC and prices in 0.01 USDT, so a notional is {@code size * price * 10} units.
 */
class LiquidationPriceBinanceTest {
    private static final AssetSpec USDT = AssetSpec.of("USDT", 6);
    private static final long U = 1_000_000L;
    private static final long ONE_BTC = 1_000;

    private static MarketSpec market(String symbol, RiskTier... tiers) {
        return MarketSpec.builder(MarketId.of(symbol), USDT).sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1)
                .riskTiers(List.of(tiers)).build();
    }

    /** One bracket: maintenance 0.4 %, cum 0. */
    private static final MarketSpec BTC_FLAT = market("BTCUSDT", RiskTier.flat(8_000, 4_000));

    /** Maintenance 1 % below 50,000 USDT and 2 % from there: cum = 50,000 x 1 % = 500. */
    private static final MarketSpec BTC_TWO = market("BTCUSDT",
            new RiskTier(0, 20_000, 10_000), new RiskTier(50_000 * U, 40_000, 20_000));

    /** Sizes given in whole BTC, cost basis = size x entry (a signed notional in USDT units). */
    private static PositionView btc(MarketSpec market, long btc, long entryUsdt) {
        return PositionView.of(market, btc * ONE_BTC, btc * entryUsdt * U);
    }

    @Test
    void isolatedShortIsTheWorkedExample() {
        // §5.1: short 1 BTC at 20,000, wallet 1,000, MMR 0.4 %, cum 0:
        // (1,000 + 20,000) / (1 x 1.004) = 20,916.3346... -> rounded down (short) 20,916.33.
        LiquidationPrice price = LiquidationPrice.binance(btc(BTC_FLAT, -1, 20_000), 1_000 * U, 0, 0);
        assertEquals(LiquidationPrice.onRise(20_916_33), price);
    }

    /** BTC with a second bracket of 2.5 % and cum 16,300: the floor is 16,300 / (2.5 % - 0.5 %) = 815,000 USDT. */
    private static final MarketSpec FREQTRADE_BTC = market("BTCUSDT",
            new RiskTier(0, 10_000, 5_000), new RiskTier(815_000 * U, 50_000, 25_000));

    /** ETH with a second bracket of 10 % and cum 135,365: the floor is 135,365 / (10 % - 5 %) = 2,707,300 USDT. */
    private static final MarketSpec FREQTRADE_ETH = market("ETHUSDT",
            new RiskTier(0, 100_000, 50_000), new RiskTier(2_707_300 * U, 200_000, 100_000));

    /** Long 109.488 BTC at 32,481.98: cost 3,556,387.02624 USDT. */
    private static final PositionView FREQTRADE_BTC_LONG = PositionView.of(FREQTRADE_BTC, 109_488, 3_556_387_026_240L);

    @Test
    void crossLongIsFreqtradesBinanceVectorRoundedUp() {
        // freqtrade tests/exchange/test_binance.py (test_liquidation_price_binance, cross BTC): WB 1,535,443.01,
        // TMM1 356,512.508 and UPNL1 -448,192.89 from the ETH leg, cum 16,300, MMR 2.5 %.
        // (1,535,443.01 - 356,512.508 - 448,192.89 + 16,300 - 3,556,387.02624) / (109.488 x 0.025 - 109.488)
        // = -2,809,349.41424 / -106.7508 = 26,316.8933...; freqtrade rounds to 26,316.89, a long rounds up: 26,316.90.
        LiquidationPrice price = LiquidationPrice.binance(FREQTRADE_BTC_LONG, 1_535_443_010_000L, 356_512_508_000L,
                -448_192_890_000L);
        assertEquals(LiquidationPrice.onFall(26_316_90), price);
    }

    @Test
    void crossLongFromTheAccountTakesTheOtherLegsMaintenanceAndPnl() {
        // The ETH leg itself: long 3,683.979 at 1,456.84 (cost 5,366,967.96636), mark 1,335.18.
        // Notional 4,918,775.08122: TMM1 = 491,877.508122 - 135,365 = 356,512.508122 (unrounded, vs .508);
        // UPNL1 = 4,918,775.08122 - 5,366,967.96636 = -448,192.88514 (vs -.89).
        // Numerator -2,809,349.409502 / -106.7508 = 26,316.8932... -> 26,316.90 as before.
        PositionView eth = PositionView.of(FREQTRADE_ETH, 3_683_979, 5_366_967_966_360L);
        TestAccount account = new TestAccount(AccountId.main(1),
                List.of(new Balance(USDT, 1_535_443_010_000L)), List.of(FREQTRADE_BTC_LONG, eth));
        TestPrices prices = new TestPrices().mark(FREQTRADE_ETH.id(), 1_335_18);
        LiquidationPrice price = LiquidationPrice.binanceCross(account, prices, HaircutCollateral.settlementOnly(USDT),
                FREQTRADE_BTC.id());
        assertEquals(LiquidationPrice.onFall(26_316_90), price);
    }

    @Test
    void crossFromAnAccountWithoutThePositionFailsNamingTheMarket() {
        TestAccount account = new TestAccount(AccountId.main(1), List.of(new Balance(USDT, U)), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiquidationPrice.binanceCross(
                account, new TestPrices(), HaircutCollateral.settlementOnly(USDT), FREQTRADE_BTC.id()));
        assertTrue(e.getMessage().endsWith("has no position in BTCUSDT"), e.getMessage());
    }

    @Test
    void longStaysInItsEntryBracketWhenTheRootIsThere() {
        // Long 3 BTC at 20,000 (notional 60,000: bracket 2 %, cum 500), wallet 10,000.
        // Bracket 2 %: 10,000 + 3p - 60,000 = 0.06p - 500 -> 2.94p = 49,500 -> p = 16,836.7346...,
        // notional 50,510 >= 50,000: the bracket holds -> rounded up 16,836.74.
        LiquidationPrice price = LiquidationPrice.binance(btc(BTC_TWO, 3, 20_000), 10_000 * U, 0, 0);
        assertEquals(LiquidationPrice.onFall(16_836_74), price);
    }

    @Test
    void longRecomputesInTheLowerBracketItsRootLandsIn() {
        // Wallet 12,000. Bracket 2 %: 2.94p = 47,500 -> 16,156.46, notional 48,469 < 50,000: wrong bracket.
        // Bracket 1 %: 12,000 + 3p - 60,000 = 0.03p -> 2.97p = 48,000 -> p = 16,161.6161..., notional 48,484.8: holds.
        // Rounded up: 16,161.62 (plug back: equity 484.86 >= MM 484.8486).
        LiquidationPrice price = LiquidationPrice.binance(btc(BTC_TWO, 3, 20_000), 12_000 * U, 0, 0);
        assertEquals(LiquidationPrice.onFall(16_161_62), price);
    }

    @Test
    void shortRecomputesInTheHigherBracketItsRootLandsIn() {
        // Short 2 BTC at 20,000 (notional 40,000: bracket 1 %), wallet 12,000.
        // Bracket 1 %: 12,000 + 40,000 - 2p = 0.02p -> p = 52,000 / 2.02 = 25,742.57, notional 51,485: wrong bracket.
        // Bracket 2 %: 52,000 - 2p = 0.04p - 500 -> p = 52,500 / 2.04 = 25,735.2941..., notional 51,470.6: holds.
        // Rounded down: 25,735.29.
        LiquidationPrice price = LiquidationPrice.binance(btc(BTC_TWO, -2, 20_000), 12_000 * U, 0, 0);
        assertEquals(LiquidationPrice.onRise(25_735_29), price);
    }

    @Test
    void positionWithoutSizeIsNeverLiquidatedWhileTheWalletIsPositive() {
        assertEquals(LiquidationPrice.NEVER, LiquidationPrice.binance(PositionView.of(BTC_TWO, 0, 0), 100 * U, 0, 0));
        assertEquals(LiquidationPrice.ALWAYS, LiquidationPrice.binance(PositionView.of(BTC_TWO, 0, 0), -100 * U, 0, 0));
    }

    @Test
    void hedgeModeNetLongIsTheHandDerivedExample() {
        // Long leg 2 BTC at 20,000 (cost 40,000), short leg 1 BTC at 21,000 (cost -21,000), wallet 2,000, MMR 0.4 %.
        // Numerator 2,000 + 0 + 0 - 40,000 + 21,000 = -17,000; denominator 2 x 0.004 + 1 x 0.004 - 2 + 1 = -0.988.
        // LP = 17,206.4777... ; net long, so it is reached by a fall and rounds up: 17,206.48.
        LiquidationPrice price = LiquidationPrice.binanceHedge(btc(BTC_FLAT, 2, 20_000), btc(BTC_FLAT, -1, 21_000),
                2_000 * U, 0, 0);
        assertEquals(LiquidationPrice.onFall(17_206_48), price);
    }

    @Test
    void hedgeModeEquityAtTheReturnedPriceCoversBothLegsMaintenanceAndOneUnitLowerItDoesNot() {
        // equity(p) = 2,000 + (2p - 40,000) + (21,000 - p) = p - 17,000; MM(p) = 0.4 % of 2p + 0.4 % of p.
        // p = 17,206.48: equity 206.48, MM 137.65184 + 68.82592 = 206.47776.
        // p = 17,206.47: equity 206.47, MM 137.65176 + 68.82588 = 206.47764.
        long p = LiquidationPrice.binanceHedge(btc(BTC_FLAT, 2, 20_000), btc(BTC_FLAT, -1, 21_000), 2_000 * U, 0, 0)
                .fallsTo();
        assertTrue(equity(p) >= legsMaintenance(p), "at " + p);
        assertTrue(equity(p - 1) < legsMaintenance(p - 1), "at " + (p - 1));
    }

    private static long equity(long price) {
        return 2_000 * U + BTC_FLAT.notional(2 * ONE_BTC, price, RoundingMode.FLOOR) - 40_000 * U
                + 21_000 * U - BTC_FLAT.notional(ONE_BTC, price, RoundingMode.CEILING);
    }

    private static long legsMaintenance(long price) {
        return BTC_FLAT.maintenanceRequirement(BTC_FLAT.notional(2 * ONE_BTC, price, RoundingMode.CEILING))
                + BTC_FLAT.maintenanceRequirement(BTC_FLAT.notional(ONE_BTC, price, RoundingMode.CEILING));
    }

    @Test
    void hedgeModeWhoseLongLegReachesAHalfMarginBracketIsAlsoLiquidatedOnARise() {
        // Brackets 0.4 % and, from 100,000 USDT, 50 % (cum 100,000 x 0.496 = 49,600). Same legs and wallet.
        // Fall: both legs in the first bracket, as above: 17,206.48.
        // Rise: both legs in the 50 % bracket: p - 17,000 = (2p x 0.5 - 49,600) + (p x 0.5 - 49,600)
        // -> 0.5p = 82,200 -> p = 164,400 (long notional 328,800 and short 164,400, both >= 100,000).
        // Check: equity 147,400 = MM 114,800 + 32,600.
        MarketSpec steep = market("BTCUSDT", new RiskTier(0, 8_000, 4_000), new RiskTier(100_000 * U, 1_000_000, 500_000));
        LiquidationPrice price = LiquidationPrice.binanceHedge(btc(steep, 2, 20_000), btc(steep, -1, 21_000), 2_000 * U,
                0, 0);
        assertEquals(new LiquidationPrice(17_206_48, 164_400_00), price);
    }

    @Test
    void hedgeModeRejectsLegsOnTheWrongSideOrInTwoMarkets() {
        IllegalArgumentException longLeg = assertThrows(IllegalArgumentException.class, () -> LiquidationPrice
                .binanceHedge(btc(BTC_FLAT, -1, 20_000), btc(BTC_FLAT, -1, 20_000), 0, 0, 0));
        assertEquals("BTCUSDT: the long leg's size must not be negative: -1000", longLeg.getMessage());
        IllegalArgumentException shortLeg = assertThrows(IllegalArgumentException.class, () -> LiquidationPrice
                .binanceHedge(btc(BTC_FLAT, 1, 20_000), btc(BTC_FLAT, 1, 20_000), 0, 0, 0));
        assertEquals("BTCUSDT: the short leg's size must not be positive: 1000", shortLeg.getMessage());
        IllegalArgumentException markets = assertThrows(IllegalArgumentException.class, () -> LiquidationPrice
                .binanceHedge(btc(BTC_FLAT, 1, 20_000), btc(FREQTRADE_ETH, -1, 20_000), 0, 0, 0));
        assertEquals("hedge legs must be in one market: BTCUSDT and ETHUSDT", markets.getMessage());
    }
}
