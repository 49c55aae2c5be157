package io.fulcrum.margin;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;

/**
 * A liquidation penalty (clearance fee) and who receives it: the first step of the loss waterfall
 * (MECHANISMS.md §9). The penalty is {@link #ratePpm()} of the closed notional, rounded up (against
 * the liquidated account), but never more than what the account has left above bankruptcy on that
 * close, so a penalty never creates bad debt: dYdX's {@code min(fee, surplus)} (§2.3). It is split
 * between the insurance fund, the liquidator and a backstop vault in ppm shares summing to
 * 1,000,000; the liquidator's and the vault's parts round down and the rounding remainder goes to
 * the insurance fund, so the parts always add up to the penalty.
 *
 * <p>Example: {@link #dydx()} (1.5 %, all to the insurance fund) on a close of 5,610 with 510 above
 * bankruptcy: min(84.15, 510) = <b>84.15</b> (§2.3). Split 50 % / 30 % / 20 %: fund 42.075,
 * liquidator 25.245, vault 16.83. Hyperliquid charges none (§1.4): rate 0.
 *
 * @param ratePpm the penalty, ppm of the closed notional, in [0, 1,000,000]
 * @param insuranceFundSharePpm the insurance fund's share, ppm, non-negative
 * @param liquidatorSharePpm the liquidator's share, ppm, non-negative
 * @param backstopVaultSharePpm the backstop vault's share, ppm, non-negative
 */
public record LiquidationPenalty(long ratePpm, long insuranceFundSharePpm, long liquidatorSharePpm,
        long backstopVaultSharePpm) {
    public LiquidationPenalty {
        if (ratePpm < 0 || ratePpm > Fixed.PPM) {
            throw new IllegalArgumentException("ratePpm must be in [0, 1,000,000]: " + ratePpm);
        }
        if (insuranceFundSharePpm < 0 || liquidatorSharePpm < 0 || backstopVaultSharePpm < 0) {
            throw new IllegalArgumentException("shares must not be negative: insurance fund " + insuranceFundSharePpm
                    + ", liquidator " + liquidatorSharePpm + ", backstop vault " + backstopVaultSharePpm);
        }
        // Short-circuit: the sum is only taken once each share is at most 1,000,000, so it cannot overflow.
        if (insuranceFundSharePpm > Fixed.PPM || liquidatorSharePpm > Fixed.PPM || backstopVaultSharePpm > Fixed.PPM
                || insuranceFundSharePpm + liquidatorSharePpm + backstopVaultSharePpm != Fixed.PPM) {
            throw new IllegalArgumentException("shares must sum to 1,000,000 ppm: insurance fund "
                    + insuranceFundSharePpm + " + liquidator " + liquidatorSharePpm + " + backstop vault "
                    + backstopVaultSharePpm);
        }
    }

    /** dYdX v4's mainnet genesis liquidation fee: 1.5 % (15,000 ppm), all to the insurance fund (§2.3, §9). */
    public static LiquidationPenalty dydx() {
        return toInsuranceFund(15_000);
    }

    /** A penalty of {@code ratePpm} paid wholly to the insurance fund. Example: {@code toInsuranceFund(0)} charges nothing. */
    public static LiquidationPenalty toInsuranceFund(long ratePpm) {
        return new LiquidationPenalty(ratePpm, Fixed.PPM, 0, 0);
    }

    /**
     * The penalty for closing {@code closedNotional}: {@code min(ceil(closedNotional × rate),
     * max(surplusAboveBankruptcy, 0))}.
     *
     * <p>Example (1.5 %, USDC): closed 5,610 with surplus 510 → 84.15; closed 5,000 with surplus 10
     * → 10; surplus −100 (the fund pays) → 0.
     *
     * @param closedNotional the notional closed, settlement units, non-negative
     * @param surplusAboveBankruptcy what the close leaves above its bankruptcy quote (dYdX's
     *     {@code quote − B}), any sign
     */
    public long penalty(long closedNotional, long surplusAboveBankruptcy) {
        if (closedNotional < 0) {
            throw new IllegalArgumentException("closedNotional must not be negative: " + closedNotional);
        }
        long fee = Fixed.ppm(closedNotional, ratePpm, RoundingMode.CEILING);
        return Math.min(fee, Math.max(surplusAboveBankruptcy, 0));
    }

    /**
     * Splits {@code penalty} by the shares: the liquidator's and vault's parts rounded down, the
     * remainder to the insurance fund. Example (333,334 / 333,333 / 333,333) of 7 units: liquidator
     * floor(2.33) = 2, vault 2, fund 7 − 4 = 3.
     *
     * @param penalty the penalty to split, non-negative
     */
    public Split split(long penalty) {
        if (penalty < 0) {
            throw new IllegalArgumentException("penalty must not be negative: " + penalty);
        }
        long liquidator = Fixed.ppm(penalty, liquidatorSharePpm, RoundingMode.FLOOR);
        long backstopVault = Fixed.ppm(penalty, backstopVaultSharePpm, RoundingMode.FLOOR);
        return new Split(penalty - liquidator - backstopVault, liquidator, backstopVault);
    }

    /**
     * Where one penalty goes, in settlement units. Example: 84.15 split 50/30/20 is {@code Split(42.075,
     * 25.245, 16.83)}.
     *
     * @param insuranceFund paid into the insurance fund
     * @param liquidator paid to the liquidator
     * @param backstopVault paid to the backstop vault
     */
    public record Split(long insuranceFund, long liquidator, long backstopVault) {
        public Split {
            if (insuranceFund < 0 || liquidator < 0 || backstopVault < 0) {
                throw new IllegalArgumentException("a penalty's parts must not be negative: insurance fund "
                        + insuranceFund + ", liquidator " + liquidator + ", backstop vault " + backstopVault);
            }
        }

        /** The whole penalty: the sum of the parts. */
        public long total() {
            return Fixed.add(Fixed.add(insuranceFund, liquidator), backstopVault);
        }
    }
}
