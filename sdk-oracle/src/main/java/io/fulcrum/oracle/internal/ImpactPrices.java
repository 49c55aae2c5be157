package io.fulcrum.oracle.internal;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BookDepth;
import java.math.BigInteger;

/**
 * Impact prices: the average price at which a market order of a given notional would fill
 * against one side of the book, walking the levels best first (Hyperliquid's impact bid and
 * impact ask, MECHANISMS.md §1.1).
 *
 * <p>The average is exact: total notional over total size, where the last level is taken only
 * in part and so contributes a fractional size. With notional {@code size · price · 10^e}
 * ({@code e = settlement − size − price decimals}, as {@link MarketSpec#notional} defines it), let
 * {@code m = 10^max(e, 0)} and {@code T = notional · 10^max(−e, 0)}, so that a level's value
 * {@code size · price · m} and {@code T} are integers in the same unit. If the levels before the
 * last one hold {@code S} size units worth {@code V < T} and the last level has price {@code p},
 * the average price is
 * <pre>
 *   T · p / (S · p · m + (T − V))
 * </pre>
 * computed in {@link BigInteger}, then rounded against the taker (down for a sell into the bids,
 * up for a buy from the asks), as a real fill would be no better.
 *
 * <p>Example (e = 0): bids 100 × 10 and 90 × 100, notional 1,900: 1,000 fills at 100 (10 units)
 * and 900 at 90 (10 units), so the impact bid is 1,900 / 20 = 95.
 */
public final class ImpactPrices {
    /** Returned when the side cannot absorb the notional. */
    public static final long ABSENT = 0;

    private ImpactPrices() {}

    /**
     * The impact price of {@code notional} (settlement units, positive) on {@code side} of
     * {@code book} ({@link Side#BUY} = the bids, where a seller fills), reading at most
     * {@code prices.length} levels into the scratch arrays; {@link #ABSENT} if those levels hold
     * less than the notional. Levels with a non-positive price or size are skipped.
     */
    public static long impactPrice(BookDepth book, Side side, MarketSpec market, long notional, long[] prices,
            long[] sizes) {
        if (notional <= 0) {
            throw new IllegalArgumentException("the impact notional must be positive: " + notional);
        }
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger multiplier = BigInteger.TEN.pow(Math.max(exponent, 0));
        BigInteger target = BigInteger.valueOf(notional).multiply(BigInteger.TEN.pow(Math.max(-exponent, 0)));
        int levels = Math.min(book.depth(side, prices, sizes), prices.length);
        BigInteger filledValue = BigInteger.ZERO;
        BigInteger filledSize = BigInteger.ZERO;
        for (int i = 0; i < levels; i++) {
            if (prices[i] <= 0 || sizes[i] <= 0) {
                continue;
            }
            BigInteger price = BigInteger.valueOf(prices[i]);
            BigInteger size = BigInteger.valueOf(sizes[i]);
            BigInteger levelValue = size.multiply(price).multiply(multiplier);
            BigInteger remaining = target.subtract(filledValue);
            if (levelValue.compareTo(remaining) >= 0) {
                BigInteger numerator = target.multiply(price);
                BigInteger denominator = filledSize.multiply(price).multiply(multiplier).add(remaining);
                return divide(numerator, denominator, side == Side.SELL);
            }
            filledValue = filledValue.add(levelValue);
            filledSize = filledSize.add(size);
        }
        return ABSENT;
    }

    private static long divide(BigInteger numerator, BigInteger denominator, boolean roundUp) {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger quotient = roundUp && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return quotient.longValueExact();
    }
}
