package io.fulcrum.margin.internal;

import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketSpec;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Exact arithmetic shared by the funding formulas: rates in parts per billion, quotients of
 * products that may need more than 64 bits, and the "index unit" in which per-position funding
 * is expressed (10^-9 settlement units per size unit).
 *
 * <p>Example: a market whose notional exponent is +1 (sizes at 4 decimals, prices at 1, USDC at
 * 6) makes one size unit at price 500,000 worth 5,000,000 settlement units; a rate of 1,000,000
 * ppb (0.1 %) over 3,600 of a 28,800 period gives {@code perSizeUnit(market, 1_000_000, 500_000,
 * 3_600, 28_800, DOWN) = 625_000_000_000} index units, i.e. 625 settlement units per size unit.
 */
public final class FundingArithmetic {
    /** One billion: the denominator of rates given in parts per billion. */
    public static final long PPB = 1_000_000_000L;

    private FundingArithmetic() {}

    /** {@code value} bounded to {@code [low, high]}; {@code low <= high}. */
    public static long clamp(long value, long low, long high) {
        return Math.max(low, Math.min(high, value));
    }

    /**
     * {@code numerator / denominator} rounded by {@code mode} (one of DOWN, UP, FLOOR, CEILING).
     *
     * @param denominator positive
     * @throws FixedPointOverflowException if the quotient does not fit in a {@code long} or is
     *     {@link Long#MIN_VALUE}
     */
    public static long divide(BigInteger numerator, BigInteger denominator, RoundingMode mode) {
        Objects.requireNonNull(mode, "mode");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + denominator);
        }
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        BigInteger q = qr[0];
        int sign = numerator.signum();
        if (qr[1].signum() != 0) {
            switch (mode) {
                case DOWN:
                    break;
                case UP:
                    q = q.add(BigInteger.valueOf(sign));
                    break;
                case FLOOR:
                    q = sign < 0 ? q.subtract(BigInteger.ONE) : q;
                    break;
                case CEILING:
                    q = sign > 0 ? q.add(BigInteger.ONE) : q;
                    break;
                default:
                    throw new IllegalArgumentException("unsupported rounding mode " + mode);
            }
        }
        // Long.MIN_VALUE is refused too: like Fixed, no result may lack a positive counterpart.
        if (q.bitLength() > 63 || q.longValue() == Long.MIN_VALUE) {
            throw new FixedPointOverflowException(numerator + " / " + denominator + " overflows a long");
        }
        return q.longValue();
    }

    /**
     * In index units (10^-9 settlement units per size unit): {@code rateNumerator} (a rate in ppb,
     * possibly times a whole factor) times the notional of one size unit at {@code price}, times
     * {@code elapsed / period}, rounded by {@code mode}. Because rates are in ppb and the index
     * unit is a billionth of a settlement unit, the two scales cancel.
     *
     * @param period positive; {@code elapsed} and {@code period} share a time unit
     */
    public static long perSizeUnit(MarketSpec market, long rateNumerator, long price, long elapsed, long period,
            RoundingMode mode) {
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger numerator = BigInteger.valueOf(rateNumerator).multiply(BigInteger.valueOf(price))
                .multiply(BigInteger.valueOf(elapsed)).multiply(BigInteger.TEN.pow(Math.max(exponent, 0)));
        BigInteger denominator = BigInteger.valueOf(period).multiply(BigInteger.TEN.pow(Math.max(-exponent, 0)));
        return divide(numerator, denominator, mode);
    }

    /**
     * The signed amount, settlement units, of {@code ratePpb} applied to the notional of
     * {@code size} size units at {@code price}: {@code size × price × 10^exponent × rate / 10^9},
     * rounded by {@code mode}.
     */
    public static long ofNotional(MarketSpec market, long size, long price, long ratePpb, RoundingMode mode) {
        int exponent = market.settlement().decimals() - market.sizeDecimals() - market.priceDecimals();
        BigInteger numerator = BigInteger.valueOf(size).multiply(BigInteger.valueOf(price))
                .multiply(BigInteger.valueOf(ratePpb)).multiply(BigInteger.TEN.pow(Math.max(exponent, 0)));
        BigInteger denominator = BigInteger.valueOf(PPB).multiply(BigInteger.TEN.pow(Math.max(-exponent, 0)));
        return divide(numerator, denominator, mode);
    }

    /** {@code index × size / 10^9} rounded by {@code mode}: settlement units of an index-unit amount. */
    public static long indexTimesSize(long index, long size, RoundingMode mode) {
        return divide(BigInteger.valueOf(index).multiply(BigInteger.valueOf(size)), BigInteger.valueOf(PPB), mode);
    }
}
