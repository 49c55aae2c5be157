package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.Side;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial liquidation: only enough of the largest position to restore maintenance plus a buffer. */
class PartialLiquidationTest {
    private static final PartialLiquidation TEN_PERCENT_BUFFER = PartialLiquidation.of(100_000, 50_000);

    @Test
    void itSellsOnlyWhatRestoresTheBuffer() {
        // Equity 2,000, maintenance 3,000 (this BTC's 3 % of 100,000), long 1 BTC at mark 100,000, buffer 10 %:
        // f = (1.1 × 3,000 − 2,000) / (100,000 × 3.3 %) = 1,300 / 3,300 = 0.3939… → 0.3940 BTC (3,940 units, rounded
        // up): it leaves 3 % × 60,600 = 1,818 and 1.1 × 1,818 = 1,999.8 ≤ 2,000 (3,939 would leave 2,000.13).
        // Limited 5 % under the mark, at 95,000.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 98_000 * USD));
        MarginState state = new MarginState(2_000 * USD, 5_000 * USD, 3_000 * USD);

        List<LiquidationOrder> orders = TEN_PERCENT_BUFFER.liquidationOrders(account, state,
                new TestPrices().mark(BTC.id(), btcPrice(100_000)));

        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, 3_940, btcPrice(95_000))), orders);
    }

    @Test
    void itTakesTheLargestPosition() {
        // Long 1 BTC at 100,000 and short 10 ETH at 2,000 (20,000): the BTC is the larger.
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(ETH, -10 * ONE_ETH, -20_000 * USD),
                PositionView.of(BTC, ONE_BTC, 96_000 * USD));
        MarginState state = new MarginState(2_000 * USD, 6_000 * USD, 3_600 * USD);

        List<LiquidationOrder> orders = TEN_PERCENT_BUFFER.liquidationOrders(account, state, new TestPrices()
                .mark(BTC.id(), btcPrice(100_000)).mark(ETH.id(), ethPrice(2_000)));

        assertEquals(BTC.id(), orders.get(0).market());
        assertEquals(1, orders.size());
    }

    @Test
    void anAccountWithNoEquityLeftIsClosedWhole() {
        TestAccount account = TestAccount.of(usdc(0), PositionView.of(BTC, ONE_BTC, 101_000 * USD));
        MarginState state = new MarginState(-1_000 * USD, 10_000 * USD, 5_000 * USD);

        List<LiquidationOrder> orders = TEN_PERCENT_BUFFER.liquidationOrders(account, state,
                new TestPrices().mark(BTC.id(), btcPrice(100_000)));

        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, ONE_BTC, btcPrice(95_000))), orders);
    }
}
