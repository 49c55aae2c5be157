package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import io.fulcrum.margin.internal.FundingArithmetic;
import java.math.RoundingMode;

/**
 * How Drift v2 covers a bankrupt position's loss (MECHANISMS.md §9): the market's insurance fund
 * pays what it can, the market's fee pool pays next, and what is left is socialised: charged to
 * every open position, long and short alike, per unit of size, through the cumulative funding
 * index.
 *
 * <pre>
 * insurance  = min(loss, insuranceAvailable)
 * feePool    = min(loss − insurance, feePoolAvailable)
 * socialised = loss − insurance − feePool
 * perUnit    = socialised / (|longOpenInterest| + |shortOpenInterest|)
 * </pre>
 *
 * <p>Example (§9): loss 1,000, insurance fund 600, fee pool 100: the fund pays 600, the pool 100,
 * 300 is socialised over 600 long + 400 short = 1,000 units of size: 0.3 per unit, charged to
 * every long and every short (the longs 180 in all, the shorts 120).
 *
 * <p>Units: amounts in settlement units; open interest in size units; {@link #perUnit()} in index
 * units (10^-9 settlement units per size unit, as {@link DydxFunding#indexDelta} uses), so that
 * small charges per size unit keep their precision. Rounding: {@link #perUnit()} and
 * {@link #charge} are rounded up, so the positions together always cover the socialised loss (by
 * at most a unit each).
 *
 * @param insurance what the insurance fund pays, settlement units
 * @param feePool what the fee pool pays, settlement units
 * @param socialised what the open positions pay, settlement units
 * @param perUnit the charge per size unit of open interest, index units, rounded up; 0 when
 *     nothing is socialised or there is no open interest to spread it over (the venue then records
 *     {@code socialised} as bad debt)
 */
public record SocialisedLoss(long insurance, long feePool, long socialised, long perUnit) {
    public SocialisedLoss {
        if (insurance < 0 || feePool < 0 || socialised < 0 || perUnit < 0) {
            throw new IllegalArgumentException("every part of a socialised loss must be non-negative: insurance "
                    + insurance + ", fee pool " + feePool + ", socialised " + socialised + ", per unit " + perUnit);
        }
    }

    /**
     * Splits {@code loss} between the insurance fund, the fee pool and the open positions.
     *
     * @param loss the bankrupt position's loss, settlement units, 0 or more
     * @param insuranceAvailable what the insurance fund may pay for this market, 0 or more
     *     (Drift: {@code quote_max_insurance − quote_settled_insurance})
     * @param feePoolAvailable what the market's fee pool may pay, 0 or more
     * @param longOpenInterest the longs' total size, size units (its magnitude counts)
     * @param shortOpenInterest the shorts' total size, size units (its magnitude counts; may be negative)
     */
    public static SocialisedLoss resolve(long loss, long insuranceAvailable, long feePoolAvailable,
            long longOpenInterest, long shortOpenInterest) {
        if (loss < 0 || insuranceAvailable < 0 || feePoolAvailable < 0) {
            throw new IllegalArgumentException("loss and available funds must be non-negative: loss " + loss
                    + ", insurance " + insuranceAvailable + ", fee pool " + feePoolAvailable);
        }
        long insurance = Math.min(loss, insuranceAvailable);
        long feePool = Math.min(loss - insurance, feePoolAvailable);
        long socialised = loss - insurance - feePool;
        long openInterest = Fixed.add(magnitude(longOpenInterest), magnitude(shortOpenInterest));
        long perUnit = socialised == 0 || openInterest == 0 ? 0
                : Fixed.mulDiv(socialised, FundingArithmetic.PPB, openInterest, RoundingMode.CEILING);
        return new SocialisedLoss(insurance, feePool, socialised, perUnit);
    }

    /**
     * What a position of {@code size} (long or short: its magnitude counts) is charged,
     * settlement units: {@code perUnit × |size| / 10^9}, rounded up.
     *
     * <p>Example: at 0.3 USDC per size unit ({@code perUnit} 300,000,000,000,000 with USDC at 6
     * decimals) a position of 600 pays 180,000,000 (180 USDC).
     */
    public long charge(long size) {
        return FundingArithmetic.indexTimesSize(perUnit, magnitude(size), RoundingMode.CEILING);
    }

    private static long magnitude(long size) {
        return size < 0 ? Fixed.negate(size) : size;
    }
}
