package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.LiquidationContext;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** dYdX's liquidation orders: a slice per liquidation, no worse than the fillable price (§2.3). */
class DydxLiquidationTest {
    private static final DydxLiquidation MAINNET = DydxLiquidation.mainnet(USDC);
    private static final TestPrices ORACLE = new TestPrices().mark(BTC.id(), btcPrice(50_000));

    @Test
    void aSliceOfTheLongGoesNoWorseThanTheFillablePrice() {
        // §2.3: 1 BTC long at 50,000, maintenance 1,500 (3 %), collateral 1,000: ABR = 1/3, spread 1.5 × 1,500 =
        // 2,250, fillable 50,000 − 750 = 49,250; a tenth of 50,000 is 5,000: 0.1 BTC.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 49_000 * USD));

        List<LiquidationOrder> orders = MAINNET.liquidationOrders(account,
                new MarginState(1_000 * USD, 2_500 * USD, 1_500 * USD), ORACLE);

        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, ONE_BTC / 10, btcPrice(49_250))), orders);
    }

    @Test
    void withNoCollateralLeftTheFullSpreadApplies() {
        // Collateral 0: ABR 1, the order may go 2,250 under the oracle: 47,750.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 50_000 * USD));

        assertEquals(btcPrice(47_750), MAINNET.liquidationOrders(account,
                new MarginState(0, 2_500 * USD, 1_500 * USD), ORACLE).get(0).worstPrice());
    }

    @Test
    void theAccountBudgetCapsAHugePosition() {
        // 40 BTC (2,000,000): a tenth would be 200,000, but the account may liquidate 100,000 a time: 2 BTC.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, 40 * ONE_BTC, 1_990_000 * USD));

        assertEquals(2 * ONE_BTC, MAINNET.liquidationOrders(account,
                new MarginState(50_000 * USD, 100_000 * USD, 60_000 * USD), ORACLE).get(0).size());
    }

    @Test
    void whatWasLiquidatedEarlierInTheBlockComesOffTheBudget() {
        // 97,000 filled earlier in the block leaves 3,000 of the 100,000: 0.06 BTC at 50,000 instead of 0.1.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 49_000 * USD));
        MarginState state = new MarginState(1_000 * USD, 2_500 * USD, 1_500 * USD);

        List<LiquidationOrder> orders = MAINNET.liquidationOrders(new LiquidationContext(account, state, ORACLE, 0,
                LiquidationContext.NEVER, 97_000 * USD, Set.of(ETH.id())));

        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, 6 * ONE_BTC / 100, btcPrice(49_250))), orders);
    }

    @Test
    void aPositionLiquidatedInThisBlockWaitsForTheNext() {
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 49_000 * USD));
        MarginState state = new MarginState(1_000 * USD, 2_500 * USD, 1_500 * USD);

        assertEquals(List.of(), MAINNET.liquidationOrders(new LiquidationContext(account, state, ORACLE, 0,
                LiquidationContext.NEVER, 5_000 * USD, Set.of(BTC.id()))));
    }

    @Test
    void aSpentBudgetSendsNothing() {
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 49_000 * USD));
        MarginState state = new MarginState(1_000 * USD, 2_500 * USD, 1_500 * USD);

        assertEquals(List.of(), MAINNET.liquidationOrders(new LiquidationContext(account, state, ORACLE, 0,
                LiquidationContext.NEVER, 100_000 * USD, Set.of())));
    }
}
