package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import java.util.Objects;

/**
 * One market's exposure of an account, as margin models see it: the position and the orders
 * the account has resting in that market.
 *
 * <p>Example: long 1 BTC bought for 50,000 USDC, with a resting bid for 0.5 BTC at 49,000:
 * {@code size = 10_000, costBasis = 50_000_000_000, openBuySize = 5_000,
 * openBuyNotional = 24_500_000_000} (sizes in 0.0001 BTC, money in USDC units).
 *
 * @param market the market's specification
 * @param size the signed position: positive long, negative short
 * @param costBasis the signed entry notional (settlement units); entry price = costBasis / size
 * @param openBuySize total open size of resting buy orders
 * @param openBuyNotional their notional at their limit prices
 * @param openSellSize total open size of resting sell orders
 * @param openSellNotional their notional at their limit prices
 */
public record PositionView(MarketSpec market, long size, long costBasis, long openBuySize, long openBuyNotional,
        long openSellSize, long openSellNotional) {
    public PositionView {
        Objects.requireNonNull(market, "market");
    }

    /** A position with no resting orders. */
    public static PositionView of(MarketSpec market, long size, long costBasis) {
        return new PositionView(market, size, costBasis, 0, 0, 0, 0);
    }
}
