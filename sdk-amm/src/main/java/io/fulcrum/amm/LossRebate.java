package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Avantis' loss rebate (loss protection, MECHANISMS.md §4 [DOC]): a trade opened on the less
 * crowded side of a market gets back a fixed share of its trading loss when it closes, to pay
 * traders for balancing the pool's exposure.
 *
 * <p>The side is judged once, at opening, <i>net of the trade</i>: after adding the trade, its side
 * must still hold strictly less open interest than the other. The asset's rate (0 to 20 %) is then
 * locked for the life of the trade, even if the skew later balances ({@link #lockedRebatePpm}).
 * At close, a loss earns {@code min(-gross * rate, collateral * rate)} [CODE
 * {@code avantis_trader_sdk}]: the rebate never exceeds the rate's share of the collateral.
 *
 * <p>Example: rate 10 %, long 50x with $100 (size $5,000) from 2,000 to 1,990: gross = −10 / 2,000
 * × 5,000 = −$25, rebate = min(2.50, 10.00) = <b>$2.50</b>.
 *
 * <p>Money is in settlement units; the rebate, paid by the venue, rounds down. Immutable and
 * thread-safe.
 */
public final class LossRebate {
    /** The highest rate Avantis documents: 20 %. */
    public static final long MAX_REBATE_PPM = 200_000;

    /** No rebate. */
    public static final LossRebate NONE = new LossRebate(0);

    private final long rebatePpm;

    private LossRebate(long rebatePpm) {
        this.rebatePpm = rebatePpm;
    }

    /**
     * The asset's rebate rate.
     *
     * @throws IllegalArgumentException unless {@code rebatePpm} is in [0, {@link #MAX_REBATE_PPM}]
     */
    public static LossRebate of(long rebatePpm) {
        if (rebatePpm < 0 || rebatePpm > MAX_REBATE_PPM) {
            throw new IllegalArgumentException("rebatePpm must be in [0, " + MAX_REBATE_PPM + "]: " + rebatePpm);
        }
        return new LossRebate(rebatePpm);
    }

    /**
     * True if a trade of {@code size} on {@code side} leaves its side with strictly less open
     * interest than the other: {@code sameSideOI + size < oppositeOI}.
     *
     * @param longOpenInterest long open interest before the trade, settlement units
     * @param shortOpenInterest short open interest before the trade, settlement units
     */
    public static boolean opensOnLessCrowdedSide(Side side, long longOpenInterest, long shortOpenInterest, long size) {
        Objects.requireNonNull(side, "side");
        if (longOpenInterest < 0 || shortOpenInterest < 0 || size < 0) {
            throw new IllegalArgumentException("open interest and size must not be negative: long " + longOpenInterest
                    + ", short " + shortOpenInterest + ", size " + size);
        }
        long same = side == Side.BUY ? longOpenInterest : shortOpenInterest;
        long opposite = side == Side.BUY ? shortOpenInterest : longOpenInterest;
        return Fixed.add(same, size) < opposite;
    }

    /** The rate to lock into a trade opened now: this asset's rate on the less crowded side, else 0. */
    public long lockedRebatePpm(Side side, long longOpenInterest, long shortOpenInterest, long size) {
        return opensOnLessCrowdedSide(side, longOpenInterest, shortOpenInterest, size) ? rebatePpm : 0;
    }

    /**
     * The rebate due at close: {@code min(-grossPnl * rate, collateral * rate)} for a loss, else 0,
     * in settlement units rounded down.
     *
     * @param lockedRebatePpm the rate locked at opening ({@link #lockedRebatePpm})
     */
    public static long rebate(long grossPnl, long collateral, long lockedRebatePpm) {
        if (collateral <= 0) {
            throw new IllegalArgumentException("collateral must be positive: " + collateral);
        }
        if (lockedRebatePpm < 0 || lockedRebatePpm > MAX_REBATE_PPM) {
            throw new IllegalArgumentException("lockedRebatePpm must be in [0, " + MAX_REBATE_PPM + "]: " + lockedRebatePpm);
        }
        if (grossPnl >= 0) {
            return 0;
        }
        long loss = Math.min(Fixed.negate(grossPnl), collateral);
        return Fixed.ppm(loss, lockedRebatePpm, RoundingMode.FLOOR);
    }

    /** This asset's rate, ppm. */
    public long rebatePpm() {
        return rebatePpm;
    }

    @Override
    public String toString() {
        return "LossRebate[" + rebatePpm + " ppm]";
    }
}
