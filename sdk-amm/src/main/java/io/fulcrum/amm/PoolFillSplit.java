package io.fulcrum.amm;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;

/**
 * A pool fill cut into the part that reduces the trader's position and the part that opens or adds,
 * with the pool's open interest in settlement units: the common ground of {@link GmxPositionFees} and
 * {@link AvantisFees}. A fill that flips a position is treated as GMX and Avantis would see it: a
 * close of the whole old position, then an open of the rest on the other side, the open seeing the
 * open interest the close left behind.
 *
 * <p>Open interest is converted at the fill's price, half-even, as the fill's notional is. The two
 * parts' notionals add up to the fill's notional exactly: the closing part is priced on its own and
 * the opening part gets the rest.
 *
 * <p>Example: traders long 500 ETH and short 300 ETH at 2,000; a trader long 150 ETH sells 300 ETH
 * (notional 600,000): closing 150 ETH (300,000) of the long side, opening 150 ETH (300,000) short;
 * after the close the book is 700,000 long / 600,000 short.
 *
 * @param closingQuantity the part that reduces the position, size units
 * @param openingQuantity the part that opens or adds, size units
 * @param closingNotional the closing part at the fill price, settlement units
 * @param openingNotional the opening part at the fill price, settlement units
 * @param longOpenInterest the traders' long open interest before the fill, settlement units
 * @param shortOpenInterest the traders' short open interest before the fill, settlement units
 * @param closesLong whether the position being reduced is long (meaningful only with a closing part)
 */
record PoolFillSplit(long closingQuantity, long openingQuantity, long closingNotional, long openingNotional,
        long longOpenInterest, long shortOpenInterest, boolean closesLong) {

    /**
     * Splits {@code fill}.
     *
     * @throws IllegalArgumentException if a quantity, notional or open interest is negative, if the
     *     closing part exceeds the open interest of its side, or if the closing part is priced above
     *     the fill's notional
     */
    static PoolFillSplit of(PoolFill fill) {
        requireNonNegative("quantity", fill.quantity());
        requireNonNegative("notional", fill.notional());
        requireNonNegative("tradersLong", fill.tradersLong());
        requireNonNegative("tradersShort", fill.tradersShort());
        long closing = fill.closingQuantity();
        long opening = fill.openingQuantity();
        boolean closesLong = fill.positionSize() > 0;
        long closingSide = closesLong ? fill.tradersLong() : fill.tradersShort();
        if (closing > closingSide) {
            // The traders' open interest includes this trader's position, so this is inconsistent input.
            throw new IllegalArgumentException("the fill closes " + closing + " of a " + (closesLong ? "long" : "short")
                    + " position but the traders' " + (closesLong ? "long" : "short") + " open interest is " + closingSide);
        }
        MarketSpec market = fill.market();
        long price = fill.price();
        long longOi = market.notional(fill.tradersLong(), price, RoundingMode.HALF_EVEN);
        long shortOi = market.notional(fill.tradersShort(), price, RoundingMode.HALF_EVEN);
        long closingNotional = opening == 0 ? fill.notional()
                : closing == 0 ? 0 : market.notional(closing, price, RoundingMode.HALF_EVEN);
        long openingNotional = fill.notional() - closingNotional;
        if (openingNotional < 0) {
            throw new IllegalArgumentException("the closing part's notional " + closingNotional
                    + " exceeds the fill's notional " + fill.notional());
        }
        return new PoolFillSplit(closing, opening, closingNotional, openingNotional, longOi, shortOi, closesLong);
    }

    /** The long open interest once the closing part is done, settlement units, 0 or more. */
    long longAfterClose() {
        return closingQuantity > 0 && closesLong ? Math.max(0, longOpenInterest - closingNotional) : longOpenInterest;
    }

    /** The short open interest once the closing part is done, settlement units, 0 or more. */
    long shortAfterClose() {
        return closingQuantity > 0 && !closesLong ? Math.max(0, shortOpenInterest - closingNotional) : shortOpenInterest;
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("fill " + name + " must not be negative: " + value);
        }
    }
}
