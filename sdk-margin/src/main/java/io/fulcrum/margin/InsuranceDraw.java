package io.fulcrum.margin;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import java.util.Objects;

/**
 * How much an insurance fund pays towards a shortfall, the second step of the loss waterfall
 * (MECHANISMS.md §9): the least of the shortfall, the fund's balance, a cap per account and what is
 * left of a per-block cap. What the fund does not pay goes on down the waterfall (deleveraging,
 * §2.4; ADL, §1.5, §5.3). dYdX v4 lets one subaccount cost its fund at most 1,000,000 USDC per block
 * (§2.3, {@code max insurance lost}) and accepts a fill only if it leaves the fund non-negative
 * ({@code fund_balance + d ≥ 0}, §2.4).
 *
 * <p>Example (USDC): a shortfall of 1,500,000 against a fund of 10,000,000 under dYdX's cap draws
 * 1,000,000; if the subaccount already cost the fund 700,000 this block, 300,000; a shortfall of 100
 * draws 100; a fund of 40 pays 40. All amounts are exact; nothing is rounded.
 */
public final class InsuranceDraw {
    /** A cap that never binds. */
    public static final long NO_CAP = Long.MAX_VALUE;

    private InsuranceDraw() {}

    /**
     * What the fund pays: {@code min(shortfall, balance, perAccountCap, remainingBlockCap)}.
     * Example: {@code amount(1_500_000, 10_000_000, NO_CAP, 1_000_000)} = 1,000,000.
     *
     * @param shortfall the loss to cover, non-negative
     * @param balance the fund's balance, non-negative
     * @param perAccountCap the most one account's shortfall may draw, non-negative ({@link #NO_CAP} for none)
     * @param remainingBlockCap what is left this block of a per-block cap (see {@link #remainingCap}),
     *     non-negative ({@link #NO_CAP} for none)
     */
    public static long amount(long shortfall, long balance, long perAccountCap, long remainingBlockCap) {
        requireNonNegative(shortfall, "shortfall");
        requireNonNegative(balance, "balance");
        requireNonNegative(perAccountCap, "perAccountCap");
        requireNonNegative(remainingBlockCap, "remainingBlockCap");
        return Math.min(Math.min(shortfall, balance), Math.min(perAccountCap, remainingBlockCap));
    }

    /**
     * What is left of a cap after {@code drawn}: {@code max(cap − drawn, 0)}; a per-block cap after
     * this block's draws (dYdX, §2.3) or a market's cap after all its draws (Drift, §9).
     * Example: cap 1,000,000, drawn 700,000 → 300,000; drawn 1,200,000 → 0; {@link #NO_CAP} stays
     * {@link #NO_CAP}.
     */
    public static long remainingCap(long cap, long drawn) {
        requireNonNegative(cap, "cap");
        requireNonNegative(drawn, "drawn");
        return cap == NO_CAP ? NO_CAP : Math.max(cap - drawn, 0);
    }

    /**
     * dYdX v4's mainnet genesis cap on what one subaccount may cost the fund per block: 1,000,000 whole
     * units of {@code settlement} (§2.3). Example: USDC (6 decimals) → 1,000,000,000,000 units.
     */
    public static long dydxBlockCap(AssetSpec settlement) {
        Objects.requireNonNull(settlement, "settlement");
        return Fixed.multiply(1_000_000, Fixed.pow10(settlement.decimals()));
    }

    /**
     * True if a fund of {@code balance} may take a delta {@code delta} (positive paid in, negative
     * paid out): {@code balance + delta ≥ 0} (§2.4, dYdX's {@code IsValidInsuranceFundDelta}).
     * Example: balance 500: −500 → true, −501 → false, +84 → true.
     *
     * @param balance the fund's balance, non-negative
     */
    public static boolean validDelta(long balance, long delta) {
        requireNonNegative(balance, "balance");
        // −balance cannot overflow for a non-negative balance; comparing avoids overflowing the sum.
        return delta >= -balance;
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
