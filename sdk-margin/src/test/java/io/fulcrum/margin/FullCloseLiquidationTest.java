package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullCloseLiquidationTest {
    private static final FullCloseLiquidation FIVE_PERCENT = FullCloseLiquidation.withBand(50_000);
    private static final MarginState BELOW = new MarginState(0, 2_400 * USD, 1_440 * USD);

    /** BTC-PERP with a 0.5 USDC tick (5 price units). */
    private static final MarketSpec BTC_HALF_DOLLAR = MarketSpec.builder(MarketId.of("BTC-PERP"), USDC).sizeDecimals(4)
            .priceDecimals(1).tickSize(5).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();

    /** A coarse market with a tick of 10 price units. */
    private static final MarketSpec COARSE = MarketSpec.builder(MarketId.of("COARSE"), USDC).sizeDecimals(0)
            .priceDecimals(0).tickSize(10).lotSize(1).riskTiers(List.of(RiskTier.flat(50_000, 30_000))).build();

    @Test
    void aLongOf1BtcAtMark48000IsSoldNoLowerThan45600() {
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC, ONE_BTC, 50_000 * USD));
        List<LiquidationOrder> orders = FIVE_PERCENT.liquidationOrders(account, BELOW,
                new TestPrices().mark(BTC.id(), btcPrice(48_000)));
        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, ONE_BTC, btcPrice(45_600))), orders);
    }

    @Test
    void aShortOf2BtcAtMark48000IsBoughtNoHigherThan50400() {
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC, -2 * ONE_BTC, -100_000 * USD));
        List<LiquidationOrder> orders = FIVE_PERCENT.liquidationOrders(account, BELOW,
                new TestPrices().mark(BTC.id(), btcPrice(48_000)));
        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.BUY, 2 * ONE_BTC, btcPrice(50_400))), orders);
    }

    @Test
    void aSellsWorstPriceRoundsUpToATick() {
        // Mark 48,000.1 x 95 % = 45,600.095 -> 45,600.1 -> up to the 0.5 tick: 45,600.5.
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC_HALF_DOLLAR, ONE_BTC, 50_000 * USD));
        List<LiquidationOrder> orders = FIVE_PERCENT.liquidationOrders(account, BELOW,
                new TestPrices().mark(BTC_HALF_DOLLAR.id(), 480_001));
        assertEquals(List.of(new LiquidationOrder(BTC_HALF_DOLLAR.id(), Side.SELL, ONE_BTC, 456_005)), orders);
    }

    @Test
    void aBuysWorstPriceRoundsDownToATick() {
        // Mark 48,000.1 x 105 % = 50,400.105 -> 50,400.1 -> down to the 0.5 tick: 50,400.0.
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC_HALF_DOLLAR, -ONE_BTC, -50_000 * USD));
        List<LiquidationOrder> orders = FIVE_PERCENT.liquidationOrders(account, BELOW,
                new TestPrices().mark(BTC_HALF_DOLLAR.id(), 480_001));
        assertEquals(List.of(new LiquidationOrder(BTC_HALF_DOLLAR.id(), Side.BUY, ONE_BTC, 504_000)), orders);
    }

    @Test
    void aWorstPriceIsNeverBelowOneTick() {
        // Mark 7 with tick 10: a buy limit of 7.35 rounds down to 0, which is raised to one tick, 10.
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(COARSE, -3, -21 * USD));
        List<LiquidationOrder> orders = FIVE_PERCENT.liquidationOrders(account, BELOW, new TestPrices().mark(COARSE.id(), 7));
        assertEquals(List.of(new LiquidationOrder(COARSE.id(), Side.BUY, 3, 10)), orders);
    }

    @Test
    void everyPositionIsClosedInTheAccountsOrderAndOrderOnlyMarketsAreSkipped() {
        PositionView ordersOnly = new PositionView(COARSE, 0, 0, 5, 50 * USD, 0, 0);
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC, ONE_BTC, 50_000 * USD), ordersOnly,
                PositionView.of(ETH, -10 * ONE_ETH, -30_000 * USD));
        TestPrices prices = new TestPrices().mark(BTC.id(), btcPrice(48_000)).mark(ETH.id(), ethPrice(3_000));
        assertEquals(List.of(
                new LiquidationOrder(BTC.id(), Side.SELL, ONE_BTC, btcPrice(45_600)),
                new LiquidationOrder(ETH.id(), Side.BUY, 10 * ONE_ETH, ethPrice(3_150))),
                FIVE_PERCENT.liquidationOrders(account, BELOW, prices));
    }

    @Test
    void aPositionWithoutAMarkPriceIsAnError() {
        TestAccount account = TestAccount.of(usdc(1_000), PositionView.of(BTC, ONE_BTC, 50_000 * USD));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FIVE_PERCENT.liquidationOrders(account, BELOW, new TestPrices()));
        assertEquals("BTC-PERP has no mark price (0): positions cannot be valued, and a venue must not evaluate margin"
                + " without prices", e.getMessage());
    }

    @Test
    void theBandMustBeAProperFraction() {
        assertEquals("the worst-price band must be in (0, 1,000,000) ppm: 0",
                assertThrows(IllegalArgumentException.class, () -> FullCloseLiquidation.withBand(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FullCloseLiquidation.withBand(1_000_000));
        assertEquals(50_000, FIVE_PERCENT.bandPpm());
    }
}
