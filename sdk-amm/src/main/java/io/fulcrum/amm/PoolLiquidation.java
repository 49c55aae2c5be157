package io.fulcrum.amm;

import io.fulcrum.amm.internal.VammMath;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Avantis-style liquidation of an isolated pool position (MECHANISMS.md §4 [CODE
 * {@code avantis_trader_sdk/compute/liquidation.py}]): the position is closed once it has lost a
 * fixed fraction of its collateral (85 % by default), counting the rollover (borrow) and funding
 * fees it owes; what is left of the collateral is the pool's buffer against a gap.
 *
 * <p>{@code distance = P_open * (collateral * fraction - rollover - funding) / size}, with
 * {@code size = collateral * leverage}; a long is liquidated at {@code P_open - distance} or
 * below, a short at {@code P_open + distance} or above.
 *
 * <p>Example: open 2,000, $100 at 50x (size $5,000), no fees: distance = 2,000 × 85 / 5,000 = 34,
 * so a long at <b>1,966</b>, a short at <b>2,034</b>.
 *
 * <p><b>Rounding: the venue is never late.</b> The distance is rounded down (towards −∞) to a whole
 * price unit, which moves both prices towards the position's own price. A long whose distance
 * exceeds its opening price cannot be liquidated by a fall: its price is {@link #NO_FALL} (0).
 * Prices are in any one price scale; money in settlement units. Immutable and thread-safe.
 */
public final class PoolLiquidation {
    /** The fraction of collateral lost at which Avantis liquidates: 85 %. */
    public static final long DEFAULT_LOSS_PPM = 850_000;
    /** The highest leverage a configuration may allow (third parties quote Avantis "up to 500x"). */
    public static final long MAX_LEVERAGE = 500;
    /** A long's liquidation price when no fall reaches it. */
    public static final long NO_FALL = 0;

    private final long collateralLossPpm;
    private final long maxLeverage;

    private PoolLiquidation(long collateralLossPpm, long maxLeverage) {
        this.collateralLossPpm = collateralLossPpm;
        this.maxLeverage = maxLeverage;
    }

    /**
     * Liquidation at {@code collateralLossPpm} of collateral lost, positions up to
     * {@code maxLeverage} times their collateral.
     *
     * @throws IllegalArgumentException unless {@code collateralLossPpm} is in (0, 1,000,000] and
     *     {@code maxLeverage} in [1, {@link #MAX_LEVERAGE}]
     */
    public static PoolLiquidation of(long collateralLossPpm, long maxLeverage) {
        if (collateralLossPpm <= 0 || collateralLossPpm > Fixed.PPM) {
            throw new IllegalArgumentException("collateralLossPpm must be in (0, 1,000,000]: " + collateralLossPpm);
        }
        if (maxLeverage < 1 || maxLeverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("maxLeverage must be in [1, " + MAX_LEVERAGE + "]: " + maxLeverage);
        }
        return new PoolLiquidation(collateralLossPpm, maxLeverage);
    }

    /** Avantis' 85 % with leverage up to {@code maxLeverage}. */
    public static PoolLiquidation avantis(long maxLeverage) {
        return of(DEFAULT_LOSS_PPM, maxLeverage);
    }

    /** True if a position of {@code size} on {@code collateral} is within the leverage limit. */
    public boolean allowsLeverage(long collateral, long size) {
        requirePositive("collateral", collateral);
        requirePositive("size", size);
        return VammMath.big(size).compareTo(VammMath.big(collateral).multiply(VammMath.big(maxLeverage))) <= 0;
    }

    /**
     * The price distance from opening to liquidation, price units rounded down; negative when the
     * fees owed already exceed the loss allowance.
     *
     * @param openPrice the opening price, price units
     * @param collateral the position's collateral, settlement units
     * @param size collateral × leverage, settlement units
     * @param rollover rollover (borrow) fee owed, settlement units
     * @param funding funding owed (negative if received), settlement units
     */
    public long distance(long openPrice, long collateral, long size, long rollover, long funding) {
        requirePositive("openPrice", openPrice);
        requirePositive("collateral", collateral);
        requirePositive("size", size);
        BigInteger ppm = VammMath.big(Fixed.PPM);
        // (collateral * fraction - rollover - funding), scaled by 1e6 so the fraction stays exact.
        BigInteger allowance = VammMath.big(collateral).multiply(VammMath.big(collateralLossPpm))
                .subtract(VammMath.big(rollover).add(VammMath.big(funding)).multiply(ppm));
        return VammMath.divide(VammMath.big(openPrice).multiply(allowance), VammMath.big(size).multiply(ppm),
                RoundingMode.FLOOR);
    }

    /**
     * The liquidation price: a long's at or below which, a short's at or above which the position
     * is closed; {@link #NO_FALL} for a long no fall can reach.
     */
    public long liquidationPrice(Side side, long openPrice, long collateral, long size, long rollover, long funding) {
        Objects.requireNonNull(side, "side");
        long distance = distance(openPrice, collateral, size, rollover, funding);
        if (side == Side.BUY) {
            long price = Fixed.subtract(openPrice, distance);
            return Math.max(NO_FALL, price);
        }
        return Math.max(1, Fixed.add(openPrice, distance));
    }

    /** True if the position is liquidated at {@code price}. */
    public boolean isLiquidatable(Side side, long openPrice, long price, long collateral, long size, long rollover,
            long funding) {
        long liquidation = liquidationPrice(side, openPrice, collateral, size, rollover, funding);
        return side == Side.BUY ? price <= liquidation : price >= liquidation;
    }

    /** The fraction of collateral lost at liquidation, ppm. */
    public long collateralLossPpm() {
        return collateralLossPpm;
    }

    /** The highest leverage allowed. */
    public long maxLeverage() {
        return maxLeverage;
    }

    @Override
    public String toString() {
        return "PoolLiquidation[collateralLossPpm=" + collateralLossPpm + ", maxLeverage=" + maxLeverage + "]";
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
