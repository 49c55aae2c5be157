package io.fulcrum.margin.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import java.math.BigInteger;

/**
 * A market's notional scale as an exact fraction: the notional of {@code size} size units at
 * {@code price} price units is {@code size * price * numerator / denominator} settlement units,
 * where the fraction is {@code 10^(settlementDecimals - sizeDecimals - priceDecimals)} and one of
 * its two parts is 1.
 *
 * <p>Example: sizes at 4 decimals, prices at 2, USDC at 6: {@code 10^0}, numerator 1, denominator 1;
 * sizes at 8 decimals, prices at 2: {@code 10^-4}, numerator 1, denominator 10,000.
 *
 * @param numerator 10^max(exponent, 0)
 * @param denominator 10^max(-exponent, 0)
 */
public record LiquidationScale(BigInteger numerator, BigInteger denominator) {
    /** The scale of {@code market}. */
    public static LiquidationScale of(MarketSpec market) {
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger numerator = BigInteger.valueOf(Fixed.pow10(Math.max(exponent, 0)));
        BigInteger denominator = BigInteger.valueOf(Fixed.pow10(Math.max(-exponent, 0)));
        return new LiquidationScale(numerator, denominator);
    }
}
