package io.fulcrum.api;

import java.util.Objects;

/**
 * A position as a venue reports it: size, what it cost, what it is worth at mark, and what it
 * has realised and paid. Money in settlement units, sizes in size units, prices in price units.
 *
 * <p>Example: long 1 BTC (size 10,000 at 4 size decimals) bought at 50,000.0, marked at 52,000.0:
 * {@code costBasis = 50_000_000_000}, {@code entryPrice = 500_000}, {@code unrealizedPnl =
 * 2_000_000_000} (2,000 USDC).
 *
 * @param market the market
 * @param size signed size: positive long, negative short
 * @param costBasis signed entry notional
 * @param entryPrice average entry price (cost basis / size, rounded half-even); 0 when flat
 * @param markPrice the mark price the PnL is computed at
 * @param unrealizedPnl size at mark minus cost basis
 * @param realizedPnl profit or loss realised into the balance so far
 * @param fees fees paid so far (negative: rebates received)
 * @param openBuySize open size of resting buy orders
 * @param openSellSize open size of resting sell orders
 */
public record PositionReport(MarketId market, long size, long costBasis, long entryPrice, long markPrice,
        long unrealizedPnl, long realizedPnl, long fees, long openBuySize, long openSellSize) {
    public PositionReport {
        Objects.requireNonNull(market, "market");
    }
}
