package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;

/**
 * What a unified (portfolio-margin) account may do at its unified maintenance margin ratio
 * {@code uniMMR = adjusted equity / maintenance margin}, Binance's bands (MECHANISMS.md §5.4):
 * above 150 % trade freely; 120-150 % a margin reminder; 105-120 % only orders that reduce
 * positions; 100-105 % liquidation; at or below 100 % liquidation with a claim on the loss. A
 * boundary belongs to the worse band, as "> 150 %" and "≤ 100 %" say: exactly 150 % is a
 * reminder, exactly 105 % is liquidation.
 *
 * <p>Example: §5.4's account, adjusted equity 8,466 and maintenance 178.4, has uniMMR 4,745.5 %:
 * {@link #FREE}. With equity 214.08 (120 % of 178.4) it may only reduce.
 */
public enum UnifiedMarginStatus {
    /** uniMMR above 150 %: trade freely. */
    FREE(1_500_000),
    /** 120 % < uniMMR ≤ 150 %: trade, and the account is reminded to add margin. */
    REMINDER(1_200_000),
    /** 105 % < uniMMR ≤ 120 %: only orders that reduce positions. */
    REDUCE_ONLY(1_050_000),
    /** 100 % < uniMMR ≤ 105 %: the account is liquidated. */
    LIQUIDATION(1_000_000),
    /** uniMMR ≤ 100 %: liquidated, and the shortfall is claimed. */
    LIQUIDATION_WITH_LOSS_CLAIM(Long.MIN_VALUE);

    private final long abovePpm;

    UnifiedMarginStatus(long abovePpm) {
        this.abovePpm = abovePpm;
    }

    /**
     * The uniMMR, ppm, that this band lies strictly above ({@link Long#MIN_VALUE} for the last
     * band): 1,500,000 for {@link #FREE}.
     */
    public long abovePpm() {
        return abovePpm;
    }

    /** True if the account may open or increase positions: {@link #FREE} or {@link #REMINDER}. */
    public boolean mayIncreaseRisk() {
        return this == FREE || this == REMINDER;
    }

    /** True if the account is to be liquidated: {@link #LIQUIDATION} or worse. */
    public boolean isLiquidating() {
        return this == LIQUIDATION || this == LIQUIDATION_WITH_LOSS_CLAIM;
    }

    /**
     * The band of an account with {@code adjustedEquity} and {@code maintenanceMargin}, compared
     * exactly (no rounded ratio). With no maintenance margin the ratio is unbounded: {@link #FREE},
     * unless equity is negative, which is a loss to claim.
     *
     * @throws IllegalArgumentException if {@code maintenanceMargin} is negative
     */
    public static UnifiedMarginStatus of(long adjustedEquity, long maintenanceMargin) {
        if (maintenanceMargin < 0) {
            throw new IllegalArgumentException("maintenance margin must be non-negative: " + maintenanceMargin);
        }
        if (maintenanceMargin == 0) {
            return adjustedEquity < 0 ? LIQUIDATION_WITH_LOSS_CLAIM : FREE;
        }
        for (UnifiedMarginStatus status : values()) {
            if (status == LIQUIDATION_WITH_LOSS_CLAIM || adjustedEquity > threshold(maintenanceMargin, status.abovePpm)) {
                return status;
            }
        }
        throw new AssertionError("the last band takes every account");
    }

    /**
     * ⌊maintenance × ppm / 10^6⌋: an integer equity is above the exact product exactly when it is
     * above its floor.
     */
    static long threshold(long maintenanceMargin, long ppm) {
        return Fixed.ppm(maintenanceMargin, ppm, RoundingMode.FLOOR);
    }
}
