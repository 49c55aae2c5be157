package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
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
import org.junit.jupiter.api.Test;

/** Hyperliquid's policy: 20 % chunks above 100,000, whole within the cooldown, backstop under 2/3 of maintenance. */
class HyperliquidLiquidationTest {
    private static final HyperliquidLiquidation POLICY =
            HyperliquidLiquidation.of(HyperliquidLiquidationRule.hyperliquid(USDC), 50_000);
    /** Long 5 BTC at mark 100,000: 500,000 of notional (§1.4's partial-liquidation example). */
    private static final TestAccount LONG_FIVE = TestAccount.of(usdc(0), PositionView.of(BTC, 5 * ONE_BTC, 500_000 * USD));
    private static final TestPrices MARK = new TestPrices().mark(BTC.id(), btcPrice(100_000));

    private static LiquidationContext context(long equity, long maintenance, long now, long lastPartial) {
        return new LiquidationContext(LONG_FIVE, new MarginState(equity, 2 * maintenance, maintenance), MARK, now,
                lastPartial);
    }

    @Test
    void theFirstOrderIsTwentyPercentOfALargePosition() {
        assertEquals(List.of(new LiquidationOrder(BTC.id(), Side.SELL, ONE_BTC, btcPrice(95_000))),
                POLICY.liquidationOrders(context(5_000 * USD, 6_250 * USD, 100_000, LiquidationContext.NEVER)));
    }

    @Test
    void withinThirtySecondsOfAPartialLiquidationItIsWhole() {
        assertEquals(5 * ONE_BTC, POLICY.liquidationOrders(context(5_000 * USD, 6_250 * USD, 130_000, 100_000))
                .get(0).size());
        assertEquals(ONE_BTC, POLICY.liquidationOrders(context(5_000 * USD, 6_250 * USD, 130_001, 100_000))
                .get(0).size());
    }

    @Test
    void theBackstopTakesOverUnderTwoThirdsOfMaintenance() {
        // Maintenance 6,250: the threshold is 4,166.67.
        assertEquals(List.of(true, false), List.of(
                POLICY.toBackstop(context(4_166_666_666L, 6_250 * USD, 0, LiquidationContext.NEVER)),
                POLICY.toBackstop(context(4_166_666_667L, 6_250 * USD, 0, LiquidationContext.NEVER))));
    }
}
