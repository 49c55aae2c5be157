package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result type, and Hyperliquid's formula (MECHANISMS.md §1.4). Binance's is in {@link LiquidationPriceBinanceTest}. */
class LiquidationPriceTest {
    /** BTC at 40x (initial 2.5 %, maintenance l = 1.25 %); sizes in 0.0001 BTC, prices in 0.01 USDC: notional exponent 0. */
    private static final MarketSpec BTC_40X = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4)
            .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(25_000, 12_500))).build();
    private static final long ONE_BTC = 10_000;
    private static final long MARK = 100_000_00; // 100,000.00 USDC

    private static PositionView btc(long size, long entryUsdc) {
        return PositionView.of(BTC_40X, size, size / ONE_BTC * entryUsdc * USD);
    }

    @Test
    void hyperliquidIsolatedLongRoundsTheWorkedPriceUp() {
        // §1.4: 1 BTC at 100,000, isolated margin 10,000, MM 0.0125 x 100,000 = 1,250, available 8,750.
        // 100,000 - 8,750 / 0.9875 = 100,000 - 8,860.7594... = 91,139.2405...; the document shows 91,139.24
        // (half up); a long's price rounds up so the venue is never late: 91,139.25.
        LiquidationPrice price = LiquidationPrice.hyperliquid(btc(ONE_BTC, 100_000), MARK, 10_000 * USD, 1_250 * USD);
        assertEquals(LiquidationPrice.onFall(91_139_25), price);
    }

    @Test
    void hyperliquidIsolatedShortRoundsTheWorkedPriceDown() {
        // 100,000 + 8,750 / 1.0125 = 100,000 + 8,641.9753... = 108,641.9753...; shown 108,641.98, rounded down 108,641.97.
        LiquidationPrice price = LiquidationPrice.hyperliquid(btc(-ONE_BTC, 100_000), MARK, 10_000 * USD, 1_250 * USD);
        assertEquals(LiquidationPrice.onRise(108_641_97), price);
    }

    @Test
    void hyperliquidAtTheReturnedPriceEquityStillCoversMaintenanceAndOneUnitLowerItDoesNot() {
        // Plug back, long: equity(p) = 10,000 + (p - 100,000); MM(p) = 1.25 % of p (BTC_40X's requirement).
        // p = 91,139.25: equity 1,139.25 >= MM 1,139.240625 -> 1,139.240625 rounded up to the unit.
        // p = 91,139.24: equity 1,139.24 <  MM 1,139.2405 (the exact root is 91,139.2405...).
        long p = LiquidationPrice.hyperliquid(btc(ONE_BTC, 100_000), MARK, 10_000 * USD, 1_250 * USD).fallsTo();
        long equityAt = 10_000 * USD + BTC_40X.notional(ONE_BTC, p, RoundingMode.FLOOR) - 100_000 * USD;
        long equityBelow = equityAt - BTC_40X.notional(ONE_BTC, 1, RoundingMode.FLOOR);
        assertTrue(equityAt >= BTC_40X.maintenanceRequirement(BTC_40X.notional(ONE_BTC, p, RoundingMode.CEILING)));
        assertTrue(equityBelow < BTC_40X.maintenanceRequirement(BTC_40X.notional(ONE_BTC, p - 1, RoundingMode.CEILING)));
    }

    @Test
    void hyperliquidFromAMarginStateOfCrossMarginGivesTheSamePrice() {
        // A one-position account is the isolated example: equity 10,000 and maintenance 1,250 at mark.
        PositionView position = btc(ONE_BTC, 100_000);
        MarginState state = CrossMargin.with(HaircutCollateral.settlementOnly(USDC))
                .evaluate(TestAccount.of(usdc(10_000), position), new TestPrices().mark(BTC_40X.id(), MARK));
        assertEquals(new MarginState(10_000 * USD, 2_500 * USD, 1_250 * USD), state);
        assertEquals(LiquidationPrice.onFall(91_139_25), LiquidationPrice.hyperliquid(position, MARK, state));
    }

    @Test
    void hyperliquidCrossUsesTheWholeAccountsMarginAvailable() {
        // 20,000 USDC, long 1 BTC at 100,000 (mark 100,000), short 10 ETH at 3,000 (mark 3,000, 3 % maintenance).
        // Account value 20,000; MM = 1,250 + 900 = 2,150; available 17,850.
        // BTC: 100,000 - 17,850 / 0.9875 = 100,000 - 18,075.9493... = 81,924.0506... -> 81,924.06.
        // Check: there equity = 20,000 - 18,075.95 = 1,924.05 = 0.0125 x 81,924.05 + 900.
        PositionView btc = btc(ONE_BTC, 100_000);
        TestAccount account = TestAccount.of(usdc(20_000), btc, PositionView.of(ETH, -10 * ONE_ETH, -30_000 * USD));
        MarginState state = CrossMargin.with(HaircutCollateral.settlementOnly(USDC)).evaluate(account,
                new TestPrices().mark(BTC_40X.id(), MARK).mark(ETH.id(), ethPrice(3_000)));
        assertEquals(2_150 * USD, state.maintenanceRequirement());
        assertEquals(LiquidationPrice.onFall(81_924_06), LiquidationPrice.hyperliquid(btc, MARK, state));
    }

    @Test
    void hyperliquidFullyFundedLongAtOneTimesIsNeverLiquidated() {
        // Margin 100,000 on 100,000 of notional: available 98,750; 100,000 - 98,750 / 0.9875 = 0 exactly.
        LiquidationPrice price = LiquidationPrice.hyperliquid(btc(ONE_BTC, 100_000), MARK, 100_000 * USD, 1_250 * USD);
        assertEquals(LiquidationPrice.NEVER, price);
    }

    @Test
    void hyperliquidWithoutAPositionIsNeverOrAlwaysByTheSignOfTheMarginAvailable() {
        assertEquals(LiquidationPrice.NEVER, LiquidationPrice.hyperliquid(btc(0, 0), MARK, 1, 0));
        assertEquals(LiquidationPrice.ALWAYS, LiquidationPrice.hyperliquid(btc(0, 0), MARK, -1, 0));
    }

    @Test
    void hyperliquidRejectsAMarkThatIsNotPositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LiquidationPrice.hyperliquid(btc(ONE_BTC, 100_000), 0, 10_000 * USD, 1_250 * USD));
        assertEquals("BTC-PERP: the mark price must be positive: 0", e.getMessage());
    }

    @Test
    void aLongsPriceIsReachedAtOrBelowIt() {
        LiquidationPrice price = LiquidationPrice.onFall(91_139_25);
        assertTrue(price.isReachedAt(91_139_25));
        assertTrue(price.isReachedAt(1));
        assertFalse(price.isReachedAt(91_139_26));
        assertTrue(price.triggersOnFall());
        assertFalse(price.triggersOnRise());
    }

    @Test
    void aShortsPriceIsReachedAtOrAboveIt() {
        LiquidationPrice price = LiquidationPrice.onRise(108_641_97);
        assertTrue(price.isReachedAt(108_641_97));
        assertTrue(price.isReachedAt(Long.MAX_VALUE));
        assertFalse(price.isReachedAt(108_641_96));
        assertFalse(price.triggersOnFall());
        assertTrue(price.triggersOnRise());
    }

    @Test
    void neverIsReachedAtNoPriceAndAlwaysAtEveryPrice() {
        assertFalse(LiquidationPrice.NEVER.isReachedAt(1));
        assertFalse(LiquidationPrice.NEVER.isReachedAt(Long.MAX_VALUE - 1));
        assertTrue(LiquidationPrice.ALWAYS.isReachedAt(1));
        assertTrue(LiquidationPrice.ALWAYS.isReachedAt(Long.MAX_VALUE));
    }

    @Test
    void rejectsPricesOutsideTheirRanges() {
        IllegalArgumentException fall = assertThrows(IllegalArgumentException.class, () -> new LiquidationPrice(-1, 5));
        assertEquals("fallsTo must be a price or NO_FALL (0): -1", fall.getMessage());
        IllegalArgumentException rise = assertThrows(IllegalArgumentException.class, () -> new LiquidationPrice(0, 0));
        assertEquals("risesTo must be a positive price or NO_RISE: 0", rise.getMessage());
    }
}
