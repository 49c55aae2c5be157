package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
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

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.AccountView;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Avantis-style margin (MECHANISMS.md §4): liquidation at 85 % collateral loss. The §4 example:
 * open 2,000, $100 at 50x, so entry notional 5,000 = 2.5 ETH (ETH-PERP sizes in 0.001 ETH, prices in
 * 0.01 USDC); distance 2,000 × 85 / 5,000 = 34, long liquidated at 1,966, short at 2,034.
 */
class CollateralLossMarginTest {
    private static final CollateralLossMargin AVANTIS = CollateralLossMargin.avantis(HaircutCollateral.settlementOnly(USDC));

    /** 2.5 ETH. */
    private static final long SIZE = 2_500;

    /** Long 2.5 ETH entered at 2,000: cost basis 5,000 USDC. */
    private static final PositionView LONG = PositionView.of(ETH, SIZE, 5_000 * USD);

    /** Short 2.5 ETH entered at 2,000: cost basis −5,000 USDC. */
    private static final PositionView SHORT = PositionView.of(ETH, -SIZE, -5_000 * USD);

    private static TestPrices ethAt(long priceUnits) {
        return new TestPrices().mark(ETH.id(), priceUnits);
    }

    /** {@code p} with a resting buy of {@code buySize} at {@code buyPrice} and a sell likewise (price units). */
    private static PositionView withOrders(PositionView p, long buySize, long buyPrice, long sellSize, long sellPrice) {
        return new PositionView(p.market(), p.size(), p.costBasis(), buySize,
                ETH.notional(buySize, buyPrice, RoundingMode.UNNECESSARY), sellSize,
                ETH.notional(sellSize, sellPrice, RoundingMode.UNNECESSARY));
    }

    /** An account as {@link TestAccount}, plus chosen leverages and a loan. */
    private record Account(TestAccount base, Map<MarketId, Long> leverages, long loan) implements AccountView {
        static Account of(List<Balance> balances, Map<MarketId, Long> leverages, PositionView... positions) {
            return new Account(TestAccount.of(balances, positions), leverages, 0);
        }

        @Override
        public AccountId id() {
            return base.id();
        }

        @Override
        public long balance(AssetId asset) {
            return base.balance(asset);
        }

        @Override
        public List<Balance> balances() {
            return base.balances();
        }

        @Override
        public List<PositionView> positions() {
            return base.positions();
        }

        @Override
        public long leverage(MarketId market) {
            return leverages.getOrDefault(market, 0L);
        }
    }

    /** Prices that widen every market's margin by {@code scalePpm}. */
    private record ScaledPrices(TestPrices base, long scalePpm) implements PriceView {
        @Override
        public long markPrice(MarketId market) {
            return base.markPrice(market);
        }

        @Override
        public long indexPrice(MarketId market) {
            return base.indexPrice(market);
        }

        @Override
        public long assetPrice(AssetId asset) {
            return base.assetPrice(asset);
        }

        @Override
        public long marginScalePpm(MarketId market) {
            return scalePpm;
        }
    }

    @Test
    void atEntryTheCollateralExactlyMeetsInitial() {
        // $100 on 5,000 at the default 50x: initial 5,000 / 50 = 100, maintenance 15 % of 100 = 15.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(100 * USD, 100 * USD, 15 * USD), state);
        assertTrue(state.meetsInitial());
    }

    @Test
    void longAtTheSection4LiquidationPriceIsExactlyAtMaintenance() {
        // At 1,966: loss 2.5 x 34 = 85 = 85 % of 100, equity 15 = maintenance 15: the boundary, not yet below.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), ethAt(ethPrice(1_966)));
        assertEquals(new MarginState(15 * USD, 100 * USD, 15 * USD), state);
        assertFalse(state.isBelowMaintenance());
    }

    @Test
    void longJustPastTheSection4LiquidationPriceIsBelowMaintenance() {
        // At 1,965.50: loss 2.5 x 34.5 = 86.25, equity 13.75 < 15.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), ethAt(196_550));
        assertEquals(new MarginState(13_750_000, 100 * USD, 15 * USD), state);
        assertTrue(state.isBelowMaintenance());
    }

    @Test
    void shortAtTheSection4LiquidationPriceIsExactlyAtMaintenance() {
        // At 2,034: loss 2.5 x 34 = 85, equity 15 = maintenance 15.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), SHORT), ethAt(ethPrice(2_034)));
        assertEquals(new MarginState(15 * USD, 100 * USD, 15 * USD), state);
        assertFalse(state.isBelowMaintenance());
    }

    @Test
    void shortJustPastTheSection4LiquidationPriceIsBelowMaintenance() {
        // At 2,034.50: loss 2.5 x 34.5 = 86.25, equity 13.75 < 15.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), SHORT), ethAt(203_450));
        assertEquals(new MarginState(13_750_000, 100 * USD, 15 * USD), state);
        assertTrue(state.isBelowMaintenance());
    }

    @Test
    void requirementsFollowTheEntryNotionalNotTheMark() {
        // At 3,000 the long is worth 7,500 (PnL +2,500, equity 2,600) but still needs 5,000 / 50 = 100 and 15.
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), ethAt(ethPrice(3_000)));
        assertEquals(new MarginState(2_600 * USD, 100 * USD, 15 * USD), state);
    }

    @Test
    void maintenanceDoesNotGrowWithPriceSoTheGrowthBoundIsZero() {
        assertEquals(0, AVANTIS.maintenanceGrowthPpm(ETH));
    }

    @Test
    void chosenLeverageOverridesTheDefault() {
        // 100x: initial 5,000 / 100 = 50, maintenance 15 % of 50 = 7.5.
        Account account = Account.of(usdc(100), Map.of(ETH.id(), 100L), LONG);
        MarginState state = AVANTIS.evaluate(account, ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(100 * USD, 50 * USD, 7_500_000), state);
    }

    @Test
    void aChoiceInAnotherMarketLeavesThisOneAtTheDefault() {
        // 100x chosen on BTC only: ETH stays at 50x, 100 and 15.
        Account account = Account.of(usdc(100), Map.of(BTC.id(), 100L), LONG);
        MarginState state = AVANTIS.evaluate(account, ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(100 * USD, 100 * USD, 15 * USD), state);
    }

    @Test
    void aChoiceAboveTheMaximumCountsAsTheMaximum() {
        // 1,000x chosen, 500x counted: initial 5,000 / 500 = 10, maintenance 15 % of 10 = 1.5.
        Account account = Account.of(usdc(100), Map.of(ETH.id(), 1_000L), LONG);
        MarginState state = AVANTIS.evaluate(account, ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(100 * USD, 10 * USD, 1_500_000), state);
        assertEquals(500, AVANTIS.effectiveLeverage(1_000));
    }

    @Test
    void theDefaultLeverageOfOfApplies() {
        // of(.., 900,000, 10, 100): 5,000 / 10 = 500 initial, 10 % of 500 = 50 maintenance.
        CollateralLossMargin model = CollateralLossMargin.of(HaircutCollateral.settlementOnly(USDC), 900_000, 10, 100);
        MarginState state = model.evaluate(TestAccount.of(usdc(1_000), LONG), ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(1_000 * USD, 500 * USD, 50 * USD), state);
    }

    @Test
    void requirementsRoundUp() {
        // 1 ETH entered at 100 (100,000,000 units) at 7x: initial 100,000,000 / 7 = 14,285,714.29 -> 14,285,715;
        // maintenance 100,000,000 x 0.15 / 7 = 2,142,857.14 -> 2,142,858.
        CollateralLossMargin model = CollateralLossMargin.of(HaircutCollateral.settlementOnly(USDC), 850_000, 7, 500);
        PositionView position = PositionView.of(ETH, ONE_ETH, 100 * USD);
        MarginState state = model.evaluate(TestAccount.of(usdc(100), position), ethAt(ethPrice(100)));
        assertEquals(new MarginState(100 * USD, 14_285_715, 2_142_858), state);
    }

    @Test
    void fiveHundredTimesIsAcceptedAsMaximum() {
        CollateralLossMargin model = CollateralLossMargin.of(HaircutCollateral.settlementOnly(USDC), 850_000, 500, 500);
        assertEquals(500, model.maxLeverage());
        assertEquals(500, model.defaultLeverage());
    }

    @Test
    void fiveHundredAndOneTimesIsRejectedAtConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CollateralLossMargin.of(HaircutCollateral.settlementOnly(USDC), 850_000, 50, 501));
        assertEquals("maxLeverage must be in [1, 500]x: 501", e.getMessage());
    }

    @Test
    void aLossFractionOutsideTheOpenUnitIntervalIsRejected() {
        HaircutCollateral collateral = HaircutCollateral.settlementOnly(USDC);
        assertEquals("lossPpm must be in (0, 1,000,000): 0", assertThrows(IllegalArgumentException.class,
                () -> CollateralLossMargin.of(collateral, 0, 50, 500)).getMessage());
        assertEquals("lossPpm must be in (0, 1,000,000): 1000000", assertThrows(IllegalArgumentException.class,
                () -> CollateralLossMargin.of(collateral, 1_000_000, 50, 500)).getMessage());
    }

    @Test
    void aDefaultLeverageOutsideOneToTheMaximumIsRejected() {
        HaircutCollateral collateral = HaircutCollateral.settlementOnly(USDC);
        assertEquals("defaultLeverage must be in [1, maxLeverage = 100]x: 0", assertThrows(IllegalArgumentException.class,
                () -> CollateralLossMargin.of(collateral, 850_000, 0, 100)).getMessage());
        assertEquals("defaultLeverage must be in [1, maxLeverage = 100]x: 101", assertThrows(IllegalArgumentException.class,
                () -> CollateralLossMargin.of(collateral, 850_000, 101, 100)).getMessage());
    }

    @Test
    void aMissingCollateralPolicyIsRejected() {
        assertEquals("collateral", assertThrows(NullPointerException.class,
                () -> CollateralLossMargin.avantis(null)).getMessage());
    }

    @Test
    void aRestingBidNeedsTheCollateralOfItsFillButNoMaintenance() {
        // Flat, bid 2.5 ETH at 2,000 with mark 2,000: filled it is the §4 long, 5,000 / 50 = 100.
        PositionView bid = withOrders(PositionView.of(ETH, 0, 0), SIZE, ethPrice(2_000), 0, 0);
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(100), bid), ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(100 * USD, 100 * USD, 0), state);
    }

    @Test
    void aRestingBidAboveMarkAlsoNeedsItsImmediateLoss() {
        // Bid 2.5 ETH at 2,000 with mark 1,990: filling loses 2.5 x 10 = 25 at once, plus 100 collateral.
        PositionView bid = withOrders(PositionView.of(ETH, 0, 0), SIZE, ethPrice(2_000), 0, 0);
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(200), bid), ethAt(ethPrice(1_990)));
        assertEquals(new MarginState(200 * USD, 125 * USD, 0), state);
    }

    @Test
    void theMoreDemandingSideOfRestingOrdersCounts() {
        // Long 2.5 at 2,000 (entry 5,000), bid 2.5 and ask 10 ETH at 2,000, mark 2,000.
        // Buys fill: long 5 entered for 10,000 -> 200. Sells fill: short 7.5 entered at 2,000 for 15,000 -> 300.
        // Initial 300 (the larger, not the sum); maintenance 15 from the position alone.
        PositionView p = withOrders(LONG, SIZE, ethPrice(2_000), 10 * ONE_ETH, ethPrice(2_000));
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(1_000), p), ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(1_000 * USD, 300 * USD, 15 * USD), state);
    }

    @Test
    void aReducingAskBelowMarkKeepsTheRemainingEntryShareAndAddsItsLoss() {
        // Long 2.5 at 2,000, ask 2 ETH at 1,900, mark 2,000: filled, 0.5 ETH remains with entry 5,000 x 0.5 / 2.5
        // = 1,000 -> 20, and the fill loses 2 x 100 = 200 against mark: 220 > 100 with no fill.
        PositionView p = withOrders(LONG, 0, 0, 2 * ONE_ETH, ethPrice(1_900));
        MarginState state = AVANTIS.evaluate(TestAccount.of(usdc(1_000), p), ethAt(ethPrice(2_000)));
        assertEquals(new MarginState(1_000 * USD, 220 * USD, 15 * USD), state);
    }

    @Test
    void restingOrdersUseTheChosenLeverage() {
        // Flat, bid 2.5 ETH at 2,000, 250x chosen: 5,000 / 250 = 20.
        PositionView bid = withOrders(PositionView.of(ETH, 0, 0), SIZE, ethPrice(2_000), 0, 0);
        Account account = Account.of(usdc(100), Map.of(ETH.id(), 250L), bid);
        assertEquals(new MarginState(100 * USD, 20 * USD, 0), AVANTIS.evaluate(account, ethAt(ethPrice(2_000))));
    }

    @Test
    void aLoanCountsAgainstEquity() {
        // 100 deposited, 30 owed: equity at entry 70.
        Account account = new Account(TestAccount.of(usdc(100), LONG), Map.of(), 30 * USD);
        assertEquals(new MarginState(70 * USD, 100 * USD, 15 * USD), AVANTIS.evaluate(account, ethAt(ethPrice(2_000))));
    }

    @Test
    void aGuardsMarginScaleWidensBothRequirements() {
        // x1.5: initial 150, maintenance 22.5.
        PriceView prices = new ScaledPrices(ethAt(ethPrice(2_000)), 1_500_000);
        assertEquals(new MarginState(100 * USD, 150 * USD, 22_500_000), AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), prices));
    }

    @Test
    void negativeOpenOrderSizesAreRejected() {
        PositionView p = new PositionView(ETH, 0, 0, -1, 0, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> AVANTIS.evaluate(TestAccount.of(usdc(100), p),
                ethAt(ethPrice(2_000))));
    }

    @Test
    void aMarketWithoutMarkPriceIsAnError() {
        assertThrows(IllegalStateException.class, () -> AVANTIS.evaluate(TestAccount.of(usdc(100), LONG), new TestPrices()));
    }
}
