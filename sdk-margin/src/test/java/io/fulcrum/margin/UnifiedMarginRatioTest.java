package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MECHANISMS.md §5.4's worked example at USDT 6 decimals, BTC 8 decimals, sizes 0.001 BTC, prices 0.1 USDT. */
class UnifiedMarginRatioTest {
    private static final AssetSpec USDT = AssetSpec.of("USDT", 6);
    private static final AssetSpec BTC = AssetSpec.of("BTC", 8);
    private static final AssetSpec BTC_LOAN = AssetSpec.of("BTC-LOAN", 8);
    private static final long USD = 1_000_000L;
    /** 1 % initial, 0.5 % maintenance. */
    private static final MarketSpec PERP = market("BTCUSDT");
    private static final MarketSpec QUARTERLY = market("BTCUSDT-Q");
    private static final UnifiedMarginRatio MODEL = UnifiedMarginRatio
            .builder(USDT, HaircutCollateral.builder(USDT).haircut(BTC.id(), 50_000).build())
            .loan(BTC_LOAN, BTC, 100_000).build();

    private static MarketSpec market(String symbol) {
        return MarketSpec.builder(MarketId.of(symbol), USDT).sizeDecimals(3).priceDecimals(1).tickSize(1).lotSize(1)
                .riskTiers(List.of(RiskTier.flat(10_000, 5_000))).build();
    }

    /** Mark 40,000 (perp), 42,000 (quarterly); BTC index 40,000. */
    private static TestPrices prices() {
        return new TestPrices().mark(PERP.id(), 400_000).mark(QUARTERLY.id(), 420_000).asset(BTC.id(), 40_000 * USD);
    }

    /**
     * USDT {@code usdtUnits}; BTC 0.1 with a 0.04 loan; short 0.05 perp entered at 52,000; long
     * 0.04 quarterly entered at 52,350; the perp with {@code perp}'s orders.
     */
    private static TestAccount account(long usdtUnits, PositionView perp) {
        return TestAccount.of(List.of(new Balance(USDT, usdtUnits), new Balance(BTC, 10_000_000), new Balance(BTC_LOAN,
                -4_000_000)), perp, PositionView.of(QUARTERLY, 40, 2_094 * USD));
    }

    private static PositionView shortPerp() {
        return PositionView.of(PERP, -50, -2_600 * USD);
    }

    private static TestAccount example() {
        return account(6_000 * USD, shortPerp());
    }

    @Test
    void section54ExampleHasEquity8466Maintenance178Point4AndRatio47Point46() {
        // Equity USDT 6,000 + 600 − 414 = 6,186; BTC min(0.06 × 40,000 × 0.95, 2,400) = 2,280: 8,466.
        // MM 0.5 % × 2,000 + 0.5 % × 1,680 + 10 % × 0.04 × 40,000 = 10 + 8.4 + 160 = 178.4.
        // uniMMR = 8,466 / 178.4 = 47.455156…: 47,455,156 ppm, rounded down.
        UnifiedMarginRatio.Reading reading = MODEL.read(example(), prices());
        assertEquals(new UnifiedMarginRatio.Reading(8_466 * USD, 178_400_000, 47_455_156, UnifiedMarginStatus.FREE),
                reading);
    }

    @Test
    void asAMarginModelMaintenanceIsTheLeastEquityAbove105PercentAndInitialAbove120Percent() {
        // 178.4 × 1.05 = 187.32 → 187,320,001; 178.4 × 1.2 = 214.08 → 214,080,001.
        assertEquals(new MarginState(8_466 * USD, 214_080_001, 187_320_001), MODEL.evaluate(example(), prices()));
    }

    @Test
    void atExactly105PercentTheAccountIsLiquidatedAndBelowMaintenance() {
        // Equity 187.32 = 105 % × 178.4 needs USDT 187.32 − 186 − 2,280 = −2,278.68.
        TestAccount account = account(-2_278_680_000L, shortPerp());
        assertEquals(UnifiedMarginStatus.LIQUIDATION, MODEL.read(account, prices()).status());
        assertTrue(MODEL.evaluate(account, prices()).isBelowMaintenance());
    }

    @Test
    void oneUnitAbove105PercentTheAccountMayOnlyReduceAndIsNotBelowMaintenance() {
        TestAccount account = account(-2_278_679_999L, shortPerp());
        assertEquals(UnifiedMarginStatus.REDUCE_ONLY, MODEL.read(account, prices()).status());
        MarginState state = MODEL.evaluate(account, prices());
        assertFalse(state.isBelowMaintenance());
        assertFalse(state.meetsInitial());
    }

    @Test
    void aRestingSellThatDoublesTheShortRaisesOnlyTheInitialRequirement() {
        // Selling 0.05 more at 40,000 makes the short 0.1: MM 20 instead of 10, no immediate loss.
        // Initial basis 20 + 8.4 + 160 = 188.4; × 1.2 = 226.08 → 226,080,001.
        PositionView withAsk = new PositionView(PERP, -50, -2_600 * USD, 0, 0, 50, 2_000 * USD);
        MarginState state = MODEL.evaluate(account(6_000 * USD, withAsk), prices());
        assertEquals(new MarginState(8_466 * USD, 226_080_001, 187_320_001), state);
    }

    @Test
    void aLoanLargerThanTheHoldingCountsInFullWithoutHaircut() {
        // BTC 0.1 − loan 0.15 = −0.05 × 40,000 = −2,000 (no haircut on a debt); USDT 6,186.
        // MM 10 + 8.4 + 10 % × 6,000 = 618.4.
        TestAccount account = TestAccount.of(List.of(new Balance(USDT, 6_000 * USD), new Balance(BTC, 10_000_000),
                new Balance(BTC_LOAN, -15_000_000)), shortPerp(), PositionView.of(QUARTERLY, 40, 2_094 * USD));
        UnifiedMarginRatio.Reading reading = MODEL.read(account, prices());
        assertEquals(4_186 * USD, reading.adjustedEquity());
        assertEquals(618_400_000, reading.maintenanceMargin());
    }

    @Test
    void anAccountWithoutMaintenanceMarginIsFreeWithAnUnboundedRatio() {
        UnifiedMarginRatio.Reading reading = MODEL.read(TestAccount.of(List.of(new Balance(USDT, USD))), prices());
        assertEquals(new UnifiedMarginRatio.Reading(USD, 0, Long.MAX_VALUE, UnifiedMarginStatus.FREE), reading);
    }

    @Test
    void aLoanAssetWithOtherDecimalsThanItsAssetIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UnifiedMarginRatio.Loan(AssetSpec.of("BTC-LOAN", 6), BTC, 100_000));
        assertEquals("loan asset BTC-LOAN has 6 decimals but borrows BTC with 8", e.getMessage());
    }

    @Test
    void theSettlementAssetCannotBeALoanAsset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnifiedMarginRatio.builder(USDT, HaircutCollateral.settlementOnly(USDT))
                        .loan(USDT, AssetSpec.of("USDC", 6), 100_000));
        assertEquals("the settlement asset USDT cannot be a loan asset", e.getMessage());
    }
}
