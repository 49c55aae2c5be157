package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_ASSET;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.api.spi.PriceView;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioMarginTest {
    private static final AssetSpec STETH = AssetSpec.of("STETH", 8);
    private static final AssetSpec USDE = AssetSpec.of("USDE", 6);
    /** BTC, stETH and USDe count 95 %. */
    private static final HaircutCollateral COLLATERAL = HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 50_000)
            .haircut(STETH.id(), 50_000).haircut(USDE.id(), 50_000).build();
    private static final CrossMargin CROSS = CrossMargin.with(COLLATERAL);
    /** Price moves of −1, 0 and +1 scan range. */
    private static final ScenarioGrid THREE = ScenarioGrid.evenlySpaced(1, ScenarioGrid.VolShock.NONE);

    private static Balance usdc(long whole) {
        return new Balance(USDC, whole * USD);
    }

    /** BTC-PERP and the BTC asset both at {@code usdc}. */
    private static TestPrices btcAt(long usdc) {
        return new TestPrices().mark(BTC.id(), btcPrice(usdc)).asset(BTC_ASSET.id(), usdc * USD);
    }

    private static PositionView longOneBtcAt60k() {
        return PositionView.of(BTC, ONE_BTC, 60_000 * USD);
    }

    private static PositionView shortTwentyEthAt3k() {
        return PositionView.of(ETH, -20 * ONE_ETH, -60_000 * USD);
    }

    /** BTC 60,000, ETH 3,000. */
    private static TestPrices btcAndEth() {
        return btcAt(60_000).mark(ETH.id(), ethPrice(3_000));
    }

    /** BTC (16 %) and ETH (20 %) perps, three scenarios, 1.5× initial. */
    private static PortfolioMargin.Builder btcAndEthModel() {
        return PortfolioMargin.builder(USDC, COLLATERAL).grid(THREE).underlying("BTC", 160_000)
                .underlying("ETH", 200_000).market(BTC.id(), "BTC").market(ETH.id(), "ETH");
    }

    // --- (1) the carry trade --------------------------------------------------------------

    /** Hold 1 BTC bought with 56,000 borrowed USDC, short 1 BTC-PERP at 60,000. */
    private static TestAccount carryTrade() {
        return TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000L), usdc(-56_000)),
                PositionView.of(BTC, -ONE_BTC, -60_000 * USD));
    }

    private static PortfolioMargin.Builder btcCarryModel() {
        return PortfolioMargin.hyperliquidLike(USDC, COLLATERAL).underlying("BTC", 160_000).market(BTC.id(), "BTC")
                .asset(BTC_ASSET.id(), "BTC");
    }

    @Test
    void theCarryTradeNeedsNothingUnderPortfolioMarginWhereCrossMarginLiquidatesIt() {
        // Equity in both: 1 BTC × 60,000 × 95 % = 57,000 − 56,000 loan + PnL 0 = 1,000.
        // Cross: initial 5 % × 60,000 = 3,000, maintenance 3 % = 1,800 > 1,000: liquidatable.
        // Portfolio: spot +60,000 and perp −60,000 net to 0 in "BTC": every scenario's PnL is 0, so
        // maintenance is the floor of one unit (USDC 0.000001) and initial 2 × 1.
        MarginState cross = CROSS.evaluate(carryTrade(), btcAt(60_000));
        MarginState portfolio = btcCarryModel().build().evaluate(carryTrade(), btcAt(60_000));

        assertEquals(new MarginState(1_000 * USD, 3_000 * USD, 1_800 * USD), cross);
        assertTrue(cross.isBelowMaintenance());
        assertEquals(new MarginState(1_000 * USD, 2, 1), portfolio);
        assertTrue(portfolio.meetsInitial());
    }

    @Test
    void aHedgedBookWhoseEquityIsGoneIsStillBelowMaintenance() {
        // Borrow 57,500 instead: equity 57,000 − 57,500 = −500 < the one-unit floor.
        TestAccount account = TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000L), usdc(-57_500)),
                PositionView.of(BTC, -ONE_BTC, -60_000 * USD));
        MarginState state = btcCarryModel().build().evaluate(account, btcAt(60_000));
        assertEquals(new MarginState(-500 * USD, 2, 1), state);
        assertTrue(state.isBelowMaintenance());
    }

    @Test
    void aContingencyChargesTheCarryTradeAFractionOfItsPerpNotional() {
        // 0.5 % of the perp's 60,000 = 300; hyperliquidLike's initial is 2 × 300 = 600.
        MarginState state = btcCarryModel().contingencyPpm(5_000).build().evaluate(carryTrade(), btcAt(60_000));
        assertEquals(new MarginState(1_000 * USD, 600 * USD, 300 * USD), state);
    }

    // --- (2) the same hedge when its legs decorrelate ------------------------------------

    /** 20 stETH bought with 50,000 borrowed USDC, short 20 ETH-PERP at 3,000; all at 3,000. */
    private static TestAccount stakedCarryTrade() {
        return TestAccount.of(List.of(new Balance(STETH, 20 * 100_000_000L), usdc(-50_000)), shortTwentyEthAt3k());
    }

    private static TestPrices ethAndStEthAt3k() {
        return new TestPrices().mark(ETH.id(), ethPrice(3_000)).asset(STETH.id(), 3_000 * USD);
    }

    @Test
    void liquidStakingCollateralMappedToItsParentNetsAgainstTheParentsPerp() {
        // Equity 20 × 3,000 × 95 % − 50,000 = 7,000; stETH +60,000 and ETH −60,000 net to 0:
        // the one-unit floor.
        PortfolioMargin model = PortfolioMargin.hyperliquidLike(USDC, COLLATERAL).underlying("ETH", 200_000)
                .market(ETH.id(), "ETH").asset(STETH.id(), "ETH").build();
        assertEquals(new MarginState(7_000 * USD, 2, 1), model.evaluate(stakedCarryTrade(), ethAndStEthAt3k()));
    }

    @Test
    void liquidStakingCollateralOnItsOwnUnderlyingIsChargedForBothLegsAndFallsBelowMaintenance() {
        // "STETH" (35 % range) is its own group: its worst (−35 % × 60,000 = 21,000) adds to ETH's
        // worst (short 60,000, +20 % = 12,000): 33,000 > equity 7,000. Initial 2 × 33,000.
        // Cross margin (3 % of 60,000 = 1,800) sees no problem at all.
        PortfolioMargin model = PortfolioMargin.hyperliquidLike(USDC, COLLATERAL).underlying("ETH", 200_000)
                .underlying("STETH", 350_000).market(ETH.id(), "ETH").asset(STETH.id(), "STETH").build();

        MarginState state = model.evaluate(stakedCarryTrade(), ethAndStEthAt3k());

        assertEquals(new MarginState(7_000 * USD, 66_000 * USD, 33_000 * USD), state);
        assertTrue(state.isBelowMaintenance());
        assertFalse(CROSS.evaluate(stakedCarryTrade(), ethAndStEthAt3k()).isBelowMaintenance());
    }

    @Test
    void usdeCollateralOnItsOwnUnderlyingAddsItsDepegToThePerpsLoss() {
        // 12,000 USDe at 1.00 (95 %: equity 11,400), long 1 BTC-PERP at 60,000.
        // Unshocked USDe: maintenance is BTC's −16 % = 9,600 < 11,400.
        // USDe on "USDE" (35 %): + 35 % × 12,000 = 4,200 → 13,800 > 11,400: below maintenance.
        TestAccount account = TestAccount.of(List.of(new Balance(USDE, 12_000 * USD)), longOneBtcAt60k());
        TestPrices prices = new TestPrices().mark(BTC.id(), btcPrice(60_000)).asset(USDE.id(), 1_000_000);
        PortfolioMargin.Builder base = PortfolioMargin.hyperliquidLike(USDC, COLLATERAL).underlying("BTC", 160_000)
                .market(BTC.id(), "BTC");

        MarginState unshocked = base.build().evaluate(account, prices);
        MarginState depeg = base.underlying("USDE", 350_000).asset(USDE.id(), "USDE").build().evaluate(account, prices);

        assertEquals(new MarginState(11_400 * USD, 19_200 * USD, 9_600 * USD), unshocked);
        assertFalse(unshocked.isBelowMaintenance());
        assertEquals(new MarginState(11_400 * USD, 27_600 * USD, 13_800 * USD), depeg);
        assertTrue(depeg.isBelowMaintenance());
    }

    // --- (5) extreme scenarios -----------------------------------------------------------

    @Test
    void spanExtremeMoveWeightedThirtyFivePercentOutweighsTheFullRangeMove() {
        // Long 1 BTC at 60,000, range 16 %: scenario 13 (−3/3) loses 9,600; scenario 16 (−3 ranges,
        // 35 %) loses 60,000 × 48 % × 0.35 = 10,080. Initial 1.5 × 10,080 = 15,120.
        PortfolioMargin model = PortfolioMargin.spanLike16(USDC, COLLATERAL).underlying("BTC", 160_000)
                .market(BTC.id(), "BTC").build();
        TestAccount account = TestAccount.of(List.of(usdc(20_000)), longOneBtcAt60k());
        assertEquals(new MarginState(20_000 * USD, 15_120 * USD, 10_080 * USD), model.evaluate(account, btcAt(60_000)));
    }

    @Test
    void extremesWeightedThirtyPercentFallBelowTheFullRangeMove() {
        // 60,000 × 48 % × 0.30 = 8,640 < 9,600 at −1 range: maintenance 9,600.
        ScenarioGrid.Builder grid = ScenarioGrid.builder();
        for (int k = -3; k <= 3; k++) {
            grid.scenario(k, 3, ScenarioGrid.VolShock.NONE);
        }
        PortfolioMargin model = PortfolioMargin.builder(USDC, COLLATERAL).grid(grid.extremes(3, 300_000).build())
                .underlying("BTC", 160_000).market(BTC.id(), "BTC").build();
        TestAccount account = TestAccount.of(List.of(usdc(20_000)), longOneBtcAt60k());
        assertEquals(9_600 * USD, model.evaluate(account, btcAt(60_000)).maintenanceRequirement());
    }

    // --- (6) correlation groups and offset credits ---------------------------------------

    /** Long 1 BTC at 60,000 and short 20 ETH at 3,000: a BTC/ETH spread of 60,000 a side. */
    private static TestAccount btcEthSpread() {
        return TestAccount.of(List.of(usdc(100_000)), longOneBtcAt60k(), shortTwentyEthAt3k());
    }

    @Test
    void separateGroupsAddTheirWorstLosses() {
        // BTC worst: −16 % × 60,000 = 9,600 (fall); ETH worst: short, +20 % × 60,000 = 12,000 (rise).
        MarginState state = btcAndEthModel().build().evaluate(btcEthSpread(), btcAndEth());
        assertEquals(21_600 * USD, state.maintenanceRequirement());
    }

    @Test
    void anOffsetCreditTakesTheRateOfTwiceTheSmallerWorstLossOfASpread() {
        // ETH gains in BTC's worst scenario (−1: ETH −20 %) and BTC in ETH's (+1): a spread.
        // Credit ⌊2 × min(9,600, 12,000) × 50 %⌋ = 9,600; 21,600 − 9,600 = 12,000.
        MarginState state = btcAndEthModel().offsetCredit("BTC", "ETH", 500_000).build()
                .evaluate(btcEthSpread(), btcAndEth());
        assertEquals(12_000 * USD, state.maintenanceRequirement());
        assertEquals(18_000 * USD, state.initialRequirement());
    }

    @Test
    void aFullCreditLeavesOnlyTheUnmatchedPartOfTheLargerLoss() {
        // 21,600 − 2 × 9,600 = 2,400: what ETH's larger range leaves unhedged.
        MarginState state = btcAndEthModel().offsetCredit("BTC", "ETH", 1_000_000).build()
                .evaluate(btcEthSpread(), btcAndEth());
        assertEquals(2_400 * USD, state.maintenanceRequirement());
    }

    @Test
    void noCreditWhenBothGroupsLoseTogether() {
        // Long BTC and long ETH: ETH loses in BTC's worst scenario too. 9,600 + 12,000, no credit.
        TestAccount bothLong = TestAccount.of(List.of(usdc(100_000)), longOneBtcAt60k(),
                PositionView.of(ETH, 20 * ONE_ETH, 60_000 * USD));
        MarginState state = btcAndEthModel().offsetCredit("BTC", "ETH", 500_000).build().evaluate(bothLong, btcAndEth());
        assertEquals(21_600 * USD, state.maintenanceRequirement());
    }

    @Test
    void underlyingsInOneGroupMoveTogetherEachByItsOwnRange() {
        // One scenario moves BTC by k × 16 % and ETH by k × 20 %: at +1, BTC +9,600 and the ETH
        // short −12,000: loss 2,400; at −1 a gain of 2,400.
        MarginState state = btcAndEthModel().correlationGroup("MAJORS", "BTC", "ETH").build()
                .evaluate(btcEthSpread(), btcAndEth());
        assertEquals(2_400 * USD, state.maintenanceRequirement());
    }

    @Test
    void creditsApplyInOrderAndUseUpWhatTheyMatch() {
        // Long 1 BTC (9,600 at −1), short 20 ETH (12,000 at +1), short 100 SOL at 120 (12,000
        // notional, range 25 %: 3,000 at +1). BTC–ETH first at 100 %: matches 9,600, credit 19,200,
        // BTC has nothing left for BTC–SOL. Total 9,600 + 12,000 + 3,000 − 19,200 = 5,400.
        MarketSpec sol = MarketSpec.builder(MarketId.of("SOL-PERP"), USDC).sizeDecimals(2).priceDecimals(2).tickSize(1)
                .lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
        TestAccount account = TestAccount.of(List.of(usdc(100_000)), longOneBtcAt60k(), shortTwentyEthAt3k(),
                PositionView.of(sol, -10_000, -12_000 * USD));
        PortfolioMargin model = btcAndEthModel().underlying("SOL", 250_000).market(sol.id(), "SOL")
                .offsetCredit("BTC", "ETH", 1_000_000).offsetCredit("BTC", "SOL", 1_000_000).build();
        MarginState state = model.evaluate(account, btcAndEth().mark(sol.id(), 12_000));
        assertEquals(5_400 * USD, state.maintenanceRequirement());
    }

    // --- resting orders, contingency, margin scale ----------------------------------------

    /** Long 1 BTC at 60,000 with a resting buy and a resting sell of 1 BTC each at the given prices (0 = none). */
    private static TestAccount longBtcWithOrders(long bidUsdc, long askUsdc) {
        long buySize = bidUsdc == 0 ? 0 : ONE_BTC;
        long sellSize = askUsdc == 0 ? 0 : ONE_BTC;
        return TestAccount.of(List.of(usdc(50_000)), new PositionView(BTC, ONE_BTC, 60_000 * USD, buySize,
                bidUsdc * USD, sellSize, askUsdc * USD));
    }

    private static PortfolioMargin btcOnly() {
        return PortfolioMargin.builder(USDC, COLLATERAL).grid(THREE).underlying("BTC", 160_000).market(BTC.id(), "BTC")
                .build();
    }

    @Test
    void aRestingBidBelowMarkDoublesTheFallScenarioForTheInitialRequirement() {
        // If the bid fills, long 2 BTC lose 2 × 9,600 at −16 %: initial 1.5 × 19,200 = 28,800.
        // Maintenance ignores orders: 9,600.
        MarginState state = btcOnly().evaluate(longBtcWithOrders(59_000, 0), btcAt(60_000));
        assertEquals(new MarginState(50_000 * USD, 28_800 * USD, 9_600 * USD), state);
    }

    @Test
    void aRestingBidAboveMarkAddsItsImmediateLoss() {
        // Buying 1 BTC at 61,000 when the mark is 60,000 loses 1,000 at once: 28,800 + 1,000.
        MarginState state = btcOnly().evaluate(longBtcWithOrders(61_000, 0), btcAt(60_000));
        assertEquals(29_800 * USD, state.initialRequirement());
    }

    @Test
    void aRestingAskThatWouldCloseTheLongDoesNotRaiseTheInitialRequirement() {
        // Falls: the ask stays unfilled (worst), loss 9,600. Rises: it fills, flat: 0.
        // Initial 1.5 × 9,600 = 14,400.
        MarginState state = btcOnly().evaluate(longBtcWithOrders(0, 61_000), btcAt(60_000));
        assertEquals(14_400 * USD, state.initialRequirement());
    }

    @Test
    void aMarginScaleWidensOnlyItsOwnGroupsLoss() {
        // BTC-PERP widened 1.5×: 9,600 → 14,400; ETH's 12,000 unchanged: 26,400.
        PriceView prices = new ScaledPrices(btcAndEth(), BTC.id(), 1_500_000);
        MarginState state = btcAndEthModel().build().evaluate(btcEthSpread(), prices);
        assertEquals(26_400 * USD, state.maintenanceRequirement());
    }

    @Test
    void anUnpricedSpotHoldingRisksNothingAndCountsNothing() {
        // The BTC balance has no price: HaircutCollateral counts it 0 and the grid cannot shock it.
        TestAccount account = TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000L), usdc(10_000)));
        MarginState state = btcCarryModel().build().evaluate(account, new TestPrices());
        assertEquals(new MarginState(10_000 * USD, 0, 0), state);
    }

    @Test
    void aSpotHoldingAloneIsChargedItsWorstFall() {
        // 1 BTC at 60,000 (equity 57,000) with nothing owed: −16 % loses 9,600.
        TestAccount account = TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000L)));
        MarginState state = btcCarryModel().build().evaluate(account, btcAt(60_000));
        assertEquals(new MarginState(57_000 * USD, 19_200 * USD, 9_600 * USD), state);
    }

    // --- presets and validation -----------------------------------------------------------

    @Test
    void hyperliquidLikeUsesNineEvenPriceMovesAndTwiceTheMaintenanceAsInitial() {
        PortfolioMargin model = btcCarryModel().build();
        assertEquals(9, model.grid().size());
        assertEquals(2_000_000, model.initialMultiplierPpm());
        assertEquals("BTC", model.underlyingOf(BTC_ASSET.id()).orElseThrow());
        assertEquals("BTC", model.underlyingOf(BTC.id()).orElseThrow());
    }

    @Test
    void spanLike16UsesSpansSixteenScenarios() {
        PortfolioMargin model = PortfolioMargin.spanLike16(USDC, COLLATERAL).underlying("BTC", 160_000).build();
        assertEquals(16, model.grid().size());
        assertEquals(1_500_000, model.initialMultiplierPpm());
    }

    @Test
    void aMarketWithoutAnUnderlyingCannotBeEvaluated() {
        TestAccount account = TestAccount.of(List.of(usdc(10_000)), shortTwentyEthAt3k());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> btcOnly().evaluate(account, btcAndEth()));
        assertTrue(e.getMessage().contains("ETH-PERP is not mapped"), e.getMessage());
    }

    @Test
    void aMarketSettledInAnotherAssetIsRejected() {
        MarketSpec usdtBtc = MarketSpec.builder(MarketId.of("BTC-PERP"), AssetSpec.of("USDT", 6)).sizeDecimals(4)
                .priceDecimals(1).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();
        TestAccount account = TestAccount.of(List.of(usdc(10_000)), PositionView.of(usdtBtc, ONE_BTC, 60_000 * USD));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> btcOnly().evaluate(account, btcAt(60_000)));
        assertTrue(e.getMessage().contains("settles in USDT"), e.getMessage());
    }

    @Test
    void aScanRangeWhoseExtremeTakesThePriceBelowZeroIsRejected() {
        // SPAN moves 3 scan ranges: 3 × 35 % = a 105 % fall.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortfolioMargin.spanLike16(USDC, COLLATERAL).underlying("USDE", 350_000).build());
        assertTrue(e.getMessage().startsWith("USDE: a price scan range of 350000 ppm"), e.getMessage());
    }

    @Test
    void aMappingToAnUndeclaredUnderlyingIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortfolioMargin.builder(USDC, COLLATERAL).grid(THREE).underlying("BTC", 160_000)
                        .market(BTC.id(), "XBT").build());
        assertEquals("market BTC-PERP refers to undeclared underlying XBT", e.getMessage());
    }

    @Test
    void anUnderlyingInTwoGroupsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> btcAndEthModel().correlationGroup("A", "BTC", "ETH").correlationGroup("B", "ETH").build());
        assertEquals("ETH is in correlation groups A and B: an underlying belongs to one group", e.getMessage());
    }

    @Test
    void aCreditToAnUnknownGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> btcAndEthModel().offsetCredit("BTC", "SOL", 300_000).build());
        assertEquals("offset credit refers to unknown correlation group SOL", e.getMessage());
    }

    @Test
    void theSettlementAssetCannotBeMapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> btcAndEthModel().asset(AssetId.of("USDC"), "BTC"));
        assertTrue(e.getMessage().startsWith("USDC is the settlement asset"), e.getMessage());
    }

    @Test
    void anInitialMultiplierBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> btcAndEthModel().initialMultiplierPpm(999_999));
        assertTrue(e.getMessage().startsWith("initial multiplier must be in [1,000,000"), e.getMessage());
    }

    @Test
    void evaluateIntoNeedsThreeSlots() {
        assertThrows(IllegalArgumentException.class,
                () -> btcOnly().evaluateInto(TestAccount.of(List.of()), new TestPrices(), new long[2]));
    }

    /** {@code prices} with one market's margin widened by {@code scalePpm}. */
    private record ScaledPrices(PriceView prices, MarketId market, long scalePpm) implements PriceView {
        @Override
        public long markPrice(MarketId m) {
            return prices.markPrice(m);
        }

        @Override
        public long indexPrice(MarketId m) {
            return prices.indexPrice(m);
        }

        @Override
        public long assetPrice(AssetId asset) {
            return prices.assetPrice(asset);
        }

        @Override
        public long marginScalePpm(MarketId m) {
            return m.equals(market) ? scalePpm : 1_000_000L;
        }
    }
}
