package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.margin.internal.ExactQuotient;
import java.math.BigInteger;

/**
 * How much of one position to close at mark so that the account is back above its maintenance
 * requirement with a buffer: the "restore health with a buffer" choice of a partial liquidation
 * policy (DESIGN.md's {@code LiquidationPolicy}; Hyperliquid's and dYdX's partial liquidations,
 * MECHANISMS.md §1.4 and §2.3, close in pieces; the penalty is the first step of the loss
 * waterfall, §9).
 *
 * <p>Closing a fraction {@code f} of a position of notional {@code N} at mark, with maintenance
 * rate {@code m} and a penalty {@code p} of the closed notional paid from equity, changes equity
 * {@code E} and maintenance {@code M} to {@code E' = E − p·f·N} and {@code M' = M − m·f·N}. The
 * smallest {@code f} with {@code E' ≥ (1 + b)·M'} is
 * <pre>{@code f = ((1 + b)·M − E) / (N · ((1 + b)·m − p))}</pre>
 * when {@code (1 + b)·m > p}; if {@code (1 + b)·m ≤ p} closing cannot help (each unit closed costs
 * at least as much equity as it frees, with the buffer) and the whole position is closed. An account
 * already at or above {@code (1 + b)·M} closes nothing.
 *
 * <p>The size is {@code f × |size|} rounded <b>up</b> to the lot (against the account: never
 * too little to restore health), capped at the whole position. The fraction is solved exactly (no
 * intermediate rounding). The rate is treated as flat: on a tiered ladder pass the position's
 * current tier rate and re-evaluate after the fill.
 *
 * <p>Worked example: E 4,000, M 5,000, a 1 BTC position (10,000 size units) of notional 100,000
 * at m = 5 %, b = 10 %, p = 0: f = (5,500 − 4,000) / (100,000 × 5.5 %) = 1,500 / 5,500 = 3/11 →
 * 2,727.27… → <b>2,728</b> size units (0.2728 BTC). Check: closing 27,280 leaves M' = 3,636 and
 * 1.1 × 3,636 = 3,999.6 ≤ 4,000; 2,727 would leave 1.1 × 3,636.5 = 4,000.15 > 4,000. With
 * p = 1 %: f = 1,500 / (5,500 − 1,000) = 1/3 → <b>3,334</b>. With p = 6 % (≥ 1.1 × 5 %): the
 * whole position.
 *
 * @param bufferPpm b: the buffer above maintenance to restore, ppm, non-negative (100,000 = 10 %)
 * @param penaltyPpm p: the liquidation penalty, ppm of the closed notional, in [0, 1,000,000]
 */
public record PartialLiquidationSize(long bufferPpm, long penaltyPpm) {
    private static final BigInteger PPM = BigInteger.valueOf(Fixed.PPM);

    public PartialLiquidationSize {
        if (bufferPpm < 0) {
            throw new IllegalArgumentException("bufferPpm must not be negative: " + bufferPpm);
        }
        if (penaltyPpm < 0 || penaltyPpm > Fixed.PPM) {
            throw new IllegalArgumentException("penaltyPpm must be in [0, 1,000,000]: " + penaltyPpm);
        }
    }

    /**
     * The unsigned size to close of a position, in size units and a multiple of {@code lotSize}
     * unless it is the whole position (see the class comment).
     *
     * <p>Example (b 10 %, p 0): equity 4,000, maintenance 5,000, 10,000 size units worth 100,000 at
     * 5 %, lot 1 → 2,728; lot 100 → 2,800; equity 5,500 → 0.
     *
     * @param equity E: the account's equity at mark, any sign
     * @param maintenance M: the account's maintenance requirement, non-negative
     * @param positionSize the signed position, size units, not 0
     * @param positionNotional N: its notional at mark, settlement units, positive
     * @param maintenanceRatePpm m: the position's maintenance rate, in [0, 1,000,000]
     * @param lotSize the market's lot, positive
     * @throws IllegalArgumentException on an input outside the ranges above
     */
    public long sizeToClose(long equity, long maintenance, long positionSize, long positionNotional,
            long maintenanceRatePpm, long lotSize) {
        if (maintenance < 0) {
            throw new IllegalArgumentException("maintenance must not be negative: " + maintenance);
        }
        if (positionSize == 0) {
            throw new IllegalArgumentException("there is no position to close: size is 0");
        }
        if (positionNotional <= 0) {
            throw new IllegalArgumentException("positionNotional must be positive: " + positionNotional);
        }
        if (maintenanceRatePpm < 0 || maintenanceRatePpm > Fixed.PPM) {
            throw new IllegalArgumentException("maintenanceRatePpm must be in [0, 1,000,000]: " + maintenanceRatePpm);
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
        }
        long size = positionSize < 0 ? Fixed.negate(positionSize) : positionSize;
        BigInteger onePlusBuffer = PPM.add(BigInteger.valueOf(bufferPpm));
        // Scaled by 1e6: (1 + b)·M − E, the equity missing for the buffer.
        BigInteger missing = onePlusBuffer.multiply(BigInteger.valueOf(maintenance))
                .subtract(PPM.multiply(BigInteger.valueOf(equity)));
        if (missing.signum() <= 0) {
            return 0;
        }
        // Scaled by 1e12: (1 + b)·m − p, what closing one unit of notional gains against the buffered line.
        BigInteger gainPerNotional = onePlusBuffer.multiply(BigInteger.valueOf(maintenanceRatePpm))
                .subtract(PPM.multiply(BigInteger.valueOf(penaltyPpm)));
        if (gainPerNotional.signum() <= 0) {
            return size;
        }
        // lots = ceil(f × |size| / lot), f = missing × 1e6 / (N × gainPerNotional).
        BigInteger lots = ExactQuotient.ceilDiv(missing.multiply(PPM).multiply(BigInteger.valueOf(size)),
                BigInteger.valueOf(positionNotional).multiply(gainPerNotional).multiply(BigInteger.valueOf(lotSize)));
        BigInteger closing = lots.multiply(BigInteger.valueOf(lotSize));
        return closing.compareTo(BigInteger.valueOf(size)) >= 0 ? size : closing.longValueExact();
    }
}
