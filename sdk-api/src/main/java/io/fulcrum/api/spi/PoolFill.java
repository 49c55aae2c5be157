package io.fulcrum.api.spi;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.util.Objects;

/**
 * One fill of a trader against a pool, as a {@link PoolFeeRule} sees it: the trade, the pool's
 * balance just before it, and the trader's position (or leg) just before it.
 *
 * <p>Example: a buy of 1.5 ETH at 2,000 (notional 3,000) while traders hold 600 long and 400
 * short, by a trader with no position, collateral 0, memo 0; the fill opens 1.5 and closes
 * nothing ({@link #closingQuantity()} 0).
 *
 * @param market the pool market
 * @param trader the taker
 * @param side the taker's side
 * @param quantity the size filled, in the market's size units
 * @param price the execution price
 * @param notional {@code quantity × price} in settlement units (half-even), what the trader paid or received
 * @param tradersLong the traders' long open interest before the fill, size units
 * @param tradersShort the traders' short open interest before the fill, size units
 * @param positionSize the trader's signed position (or hedge leg) before the fill
 * @param positionCost its signed entry notional (entry price = cost / size)
 * @param positionCollateral the margin backing that position: an isolated account's balance, else
 *     its entry notional over the leverage the trader chose (or the market's initial rate); 0 with no position
 * @param positionMemo what {@link PoolFeeRule#memoOnOpen} left on the position when it was opened or
 *     last added to; 0 for a new position
 */
public record PoolFill(MarketSpec market, AccountId trader, Side side, long quantity, long price, long notional,
        long tradersLong, long tradersShort, long positionSize, long positionCost, long positionCollateral,
        long positionMemo) {
    public PoolFill {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(trader, "trader");
        Objects.requireNonNull(side, "side");
    }

    /** The part of the fill that reduces the existing position (0 if it only opens or adds). */
    public long closingQuantity() {
        return positionSize != 0 && Long.signum(positionSize) != side.sign()
                ? Math.min(quantity, Math.abs(positionSize)) : 0;
    }

    /** The part of the fill that opens or adds to a position on {@code side}. */
    public long openingQuantity() {
        return quantity - closingQuantity();
    }

    /** Whether the fill opens or adds anything. */
    public boolean opens() {
        return openingQuantity() > 0;
    }
}
