package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_ASSET;
import static io.fulcrum.margin.Markets.BTC_SATS;
import static io.fulcrum.margin.Markets.BTC_TIERED;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossMarginTest {
    private static final CrossMargin CROSS = CrossMargin.with(HaircutCollateral.settlementOnly(USDC));

    /** BTC at 48,000 and ETH at 3,000, the §2.2 example's later prices. */
    private static TestPrices prices() {
        return new TestPrices().mark(BTC.id(), btcPrice(48_000)).mark(ETH.id(), ethPrice(3_000));
    }

    private static PositionView longOneBtcAt50k() {
        return PositionView.of(BTC, ONE_BTC, 50_000 * USD);
    }

    private static PositionView shortTenEthAt3k() {
        return PositionView.of(ETH, -10 * ONE_ETH, -30_000 * USD);
    }

    /** {@code market} with resting orders: a buy of {@code buySize} at {@code buyPrice}, a sell likewise. */
    private static PositionView withOrders(PositionView p, long buySize, long buyPrice, long sellSize, long sellPrice) {
        MarketSpec m = p.market();
        return new PositionView(m, p.size(), p.costBasis(), buySize, m.notional(buySize, buyPrice, RoundingMode.UNNECESSARY),
                sellSize, m.notional(sellSize, sellPrice, RoundingMode.UNNECESSARY));
    }

    @Test
    void dydxSubaccountExampleHasEquity8000Initial3900Maintenance2340() {
        // MECHANISMS.md §2.2: deposit 10,000; long 1 BTC at 50,000; short 10 ETH at 3,000; BTC -> 48,000.
        TestAccount account = TestAccount.of(usdc(10_000), longOneBtcAt50k(), shortTenEthAt3k());
        assertEquals(new MarginState(8_000 * USD, 3_900 * USD, 2_340 * USD), CROSS.evaluate(account, prices()));
    }

    @Test
    void cashThatMovedWithTheTradesGivesTheSameEquityAsACostBasis() {
        // dYdX keeps no cost basis: buying 1 BTC and selling 10 ETH moved USDC 10,000 -> -10,000, and
        // NC = -10,000 + 48,000 - 30,000 = 8,000. The same account with zero cost basis:
        TestAccount account = TestAccount.of(usdc(-10_000), PositionView.of(BTC, ONE_BTC, 0),
                PositionView.of(ETH, -10 * ONE_ETH, 0));
        assertEquals(new MarginState(8_000 * USD, 3_900 * USD, 2_340 * USD), CROSS.evaluate(account, prices()));
    }

    @Test
    void marginModelJavadocExampleHasEquity8000Initial2400Maintenance1440() {
        TestAccount account = TestAccount.of(usdc(10_000), longOneBtcAt50k());
        assertEquals(new MarginState(8_000 * USD, 2_400 * USD, 1_440 * USD), CROSS.evaluate(account, prices()));
    }

    @Test
    void anAccountWithoutPositionsIsWorthItsCollateralAndNeedsNothing() {
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(10_000)), new TestPrices());
        assertEquals(new MarginState(10_000 * USD, 0, 0), state);
        assertFalse(state.isBelowMaintenance());
    }

    @Test
    void equityFallsBelowMaintenanceWhenThePriceDrops() {
        // Long 1 BTC at 50,000 on 2,000 USDC: at 48,500 equity 500 < maintenance 3 % x 48,500 = 1,455.
        TestAccount account = TestAccount.of(usdc(2_000), longOneBtcAt50k());
        MarginState state = CROSS.evaluate(account, new TestPrices().mark(BTC.id(), btcPrice(48_500)));
        assertEquals(new MarginState(500 * USD, 2_425 * USD, 1_455 * USD), state);
        assertTrue(state.isBelowMaintenance());
    }

    @Test
    void collateralCountsAsThePolicyValuesIt() {
        // 1 BTC held at 60,000 with a 5 % haircut adds 57,000 to equity.
        CrossMargin cross = CrossMargin.with(HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 50_000).build());
        TestAccount account = TestAccount.of(List.of(new Balance(BTC_ASSET, 100_000_000), new Balance(USDC, 1_000 * USD)),
                longOneBtcAt50k());
        TestPrices prices = prices().asset(BTC_ASSET.id(), 60_000 * USD);
        assertEquals(new MarginState(56_000 * USD, 2_400 * USD, 1_440 * USD), cross.evaluate(account, prices));
    }

    @Test
    void aBidFarBelowMarkAddsItsInitialRequirementAtMarkWithoutCreditingTheGain() {
        // Flat account, bid 1 BTC at 40,000, mark 48,000: if it fills the account is long 1 BTC, which needs
        // 5 % x 48,000 = 2,400. The 8,000 it would be "worth" above its price is not credited.
        PositionView bid = withOrders(PositionView.of(BTC, 0, 0), ONE_BTC, btcPrice(40_000), 0, 0);
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(10_000), bid), prices());
        assertEquals(new MarginState(10_000 * USD, 2_400 * USD, 0), state);
    }

    @Test
    void aBidAboveMarkAlsoAddsItsImmediateLossAgainstMark() {
        // Bid 1 BTC at 50,000 with mark 48,000: filling costs 2,000 at mark at once, plus 2,400 initial.
        PositionView bid = withOrders(PositionView.of(BTC, 0, 0), ONE_BTC, btcPrice(50_000), 0, 0);
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(10_000), bid), prices());
        assertEquals(new MarginState(10_000 * USD, 4_400 * USD, 0), state);
    }

    @Test
    void anAskBelowMarkAddsItsImmediateLossAgainstMark() {
        // Short side: offer 10 ETH at 2,900 with mark 3,000 loses 1,000 at once; 5 % x 30,000 = 1,500.
        PositionView ask = withOrders(PositionView.of(ETH, 0, 0), 0, 0, 10 * ONE_ETH, ethPrice(2_900));
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(10_000), ask), prices());
        assertEquals(new MarginState(10_000 * USD, 2_500 * USD, 0), state);
    }

    @Test
    void theDydxExampleWithABidAboveMarkNeeds8300() {
        // The CrossMargin Javadoc example: §2.2 plus a bid for 1 BTC at 50,000. BTC if it fills: long 2 BTC
        // (4,800) and 2,000 lost at once = 6,800; ETH 1,500; total 8,300 > equity 8,000.
        PositionView btc = withOrders(longOneBtcAt50k(), ONE_BTC, btcPrice(50_000), 0, 0);
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(10_000), btc, shortTenEthAt3k()), prices());
        assertEquals(new MarginState(8_000 * USD, 8_300 * USD, 2_340 * USD), state);
        assertFalse(state.meetsInitial());
    }

    @Test
    void aRestingOrderThatOnlyReducesThePositionAddsNothing() {
        // Long 1 BTC offering 1 BTC at the mark: if it fills the account is flat.
        PositionView btc = withOrders(longOneBtcAt50k(), 0, 0, ONE_BTC, btcPrice(48_000));
        assertEquals(new MarginState(8_000 * USD, 2_400 * USD, 1_440 * USD),
                CROSS.evaluate(TestAccount.of(usdc(10_000), btc), prices()));
    }

    @Test
    void aRestingOrderThatFlipsThePositionCountsTheNewPosition() {
        // Long 1 BTC offering 3 BTC at the mark: filled, the account is short 2 BTC: 5 % x 96,000 = 4,800.
        PositionView btc = withOrders(longOneBtcAt50k(), 0, 0, 3 * ONE_BTC, btcPrice(48_000));
        assertEquals(new MarginState(8_000 * USD, 4_800 * USD, 1_440 * USD),
                CROSS.evaluate(TestAccount.of(usdc(10_000), btc), prices()));
    }

    @Test
    void theMoreDemandingSideOfAMarketCounts() {
        // Long 1 BTC, bid 1 BTC at 47,000 (long 2: 4,800, no loss) and offer 4 BTC at 49,000 (short 3: 7,200, no loss).
        PositionView btc = withOrders(longOneBtcAt50k(), ONE_BTC, btcPrice(47_000), 4 * ONE_BTC, btcPrice(49_000));
        assertEquals(7_200 * USD, CROSS.evaluate(TestAccount.of(usdc(10_000), btc), prices()).initialRequirement());
    }

    @Test
    void eachMarketContributesItsOwnWorstSide() {
        // BTC: flat, bid 2 BTC at 48,000 -> 4,800 (the sell side has nothing). ETH: flat, offer 20 ETH at 3,000 -> 3,000.
        PositionView btc = withOrders(PositionView.of(BTC, 0, 0), 2 * ONE_BTC, btcPrice(48_000), 0, 0);
        PositionView eth = withOrders(PositionView.of(ETH, 0, 0), 0, 0, 20 * ONE_ETH, ethPrice(3_000));
        assertEquals(7_800 * USD, CROSS.evaluate(TestAccount.of(usdc(10_000), btc, eth), prices()).initialRequirement());
    }

    @Test
    void maintenanceFollowsTheMarketsRiskTiers() {
        // MECHANISMS.md §1.3 A: 2,000 BTC at 100,000 = 200M notional -> maintenance 3,125,000; initial at the
        // 20x tier rate on the whole notional = 10,000,000.
        PositionView whale = PositionView.of(BTC_TIERED, 2_000 * ONE_BTC, 200_000_000 * USD);
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(20_000_000), whale),
                new TestPrices().mark(BTC_TIERED.id(), btcPrice(100_000)));
        assertEquals(new MarginState(20_000_000 * USD, 10_000_000 * USD, 3_125_000 * USD), state);
    }

    @Test
    void tiersApplyToEachPositionSeparately() {
        // Two 100M positions in two markets with the same ladder: each stays in the 40x tier (1.25 %), so
        // maintenance is 2 x 1,250,000, not the 200M figure of one position.
        MarketSpec other = MarketSpec.builder(MarketId.of("XBT-PERP"), USDC).sizeDecimals(4).priceDecimals(1).tickSize(1)
                .lotSize(1).riskTiers(BTC_TIERED.riskTiers()).build();
        TestPrices prices = new TestPrices().mark(BTC_TIERED.id(), btcPrice(100_000)).mark(other.id(), btcPrice(100_000));
        MarginState state = CROSS.evaluate(TestAccount.of(usdc(20_000_000),
                PositionView.of(BTC_TIERED, 1_000 * ONE_BTC, 100_000_000 * USD),
                PositionView.of(other, 1_000 * ONE_BTC, 100_000_000 * USD)), prices);
        assertEquals(2_500_000 * USD, state.maintenanceRequirement());
    }

    @Test
    void fractionalValuesRoundAgainstTheAccount() {
        // 3 satoshi at 123.45 USDC = 3.7035 units: a long is worth 3 (rounded down), but its requirements are
        // on 4 (rounded up): 5 % and 3 % of 4 are 0.2 and 0.12, rounded up to 1 each.
        TestPrices prices = new TestPrices().mark(BTC_SATS.id(), 12_345);
        MarginState longState = CROSS.evaluate(
                TestAccount.of(List.of(new Balance(USDC, 100)), PositionView.of(BTC_SATS, 3, 3)), prices);
        assertEquals(new MarginState(100, 1, 1), longState);
    }

    @Test
    void aShortsFractionalLiabilityRoundsUp() {
        // Short 3 satoshi sold for 3 units: the liability at 123.45 is 3.7035, counted as 4: PnL -1.
        TestPrices prices = new TestPrices().mark(BTC_SATS.id(), 12_345);
        MarginState shortState = CROSS.evaluate(
                TestAccount.of(List.of(new Balance(USDC, 100)), PositionView.of(BTC_SATS, -3, -3)), prices);
        assertEquals(new MarginState(99, 1, 1), shortState);
    }

    @Test
    void aMarketWithoutAMarkPriceIsAnErrorNotAZeroValue() {
        TestAccount account = TestAccount.of(usdc(10_000), longOneBtcAt50k(), shortTenEthAt3k());
        TestPrices noEth = new TestPrices().mark(BTC.id(), btcPrice(48_000));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CROSS.evaluate(account, noEth));
        assertEquals("ETH-PERP has no mark price (0): positions cannot be valued, and a venue must not evaluate margin"
                + " without prices", e.getMessage());
    }

    @Test
    void marketsSettledInDifferentAssetsCannotShareCrossMargin() {
        MarketSpec usdt = MarketSpec.builder(MarketId.of("ETH-USDT"), AssetSpec.of("USDT", 6)).sizeDecimals(3)
                .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();
        TestAccount account = TestAccount.of(usdc(10_000), longOneBtcAt50k(), PositionView.of(usdt, ONE_ETH, 3_000 * USD));
        TestPrices prices = prices().mark(usdt.id(), ethPrice(3_000));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CROSS.evaluate(account, prices));
        assertEquals("cross margin needs one settlement asset, but account 1/0 has markets settled in USDC and in USDT"
                + " (ETH-USDT)", e.getMessage());
    }

    @Test
    void negativeOpenOrderSizesAreRefused() {
        PositionView broken = new PositionView(BTC, 0, 0, -1, 0, 0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CROSS.evaluate(TestAccount.of(usdc(1), broken), prices()));
        assertEquals("BTC-PERP: open order sizes must be non-negative: buy -1, sell 0", e.getMessage());
    }

    @Test
    void equityThatDoesNotFitThrowsInsteadOfWrapping() {
        TestAccount account = TestAccount.of(List.of(new Balance(USDC, Long.MAX_VALUE)), PositionView.of(BTC, ONE_BTC, 0));
        assertThrows(FixedPointOverflowException.class, () -> CROSS.evaluate(account, prices()));
    }
}
