package io.fulcrum.amm.internal;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;

/**
 * GMX v2's pool value (MECHANISMS.md §3.4) on plain longs: token values + the LPs' pending fees − capped long
 * PnL − capped short PnL, where a profit is capped at {@code cap × value of the side's backing token} and a loss is
 * never capped. The caller has already taken the price-impact pool out of the token values.
 *
 * <p>Rounding is one-sided: {@code high} rounds every term so the value comes out as high as the integers allow
 * (the deposit quote: a depositor pays at least the true price), otherwise as low (withdrawals and the reference
 * share price: an LP leaving gets at most the true price).
 */
public final class LpValuation {
    private LpValuation() {}

    /** The capped liability of one side's PnL: losses pass, profits stop at {@code cap × base}. */
    public static long cappedPnl(long pnl, long backingValue, long capPpm, boolean high) {
        if (pnl <= 0) {
            return pnl;
        }
        // A high pool value wants a small liability: round the cap down; a low value rounds it up.
        long cap = Fixed.ppm(Math.max(backingValue, 0), capPpm, high ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return Math.min(pnl, cap);
    }

    /** True when a profit is above {@code cap × base} (GMX {@code validateMaxPnl}); the comparison is exact. */
    public static boolean exceedsCap(long pnl, long backingValue, long capPpm) {
        // pnl is an integer, so pnl > base·cap/1e6 exactly when pnl > floor(base·cap/1e6).
        return pnl > 0 && pnl > Fixed.ppm(Math.max(backingValue, 0), capPpm, RoundingMode.FLOOR);
    }

    /**
     * The pool value.
     *
     * @param tokenValues value of each token the LPs own (impact pool excluded), already rounded in the same sense
     * @param longBacking value of the long side's backing token
     * @param shortBacking value of the short side's backing token
     * @param lpPendingFees the LPs' part of fees accrued and not yet paid
     */
    public static long poolValue(long[] tokenValues, long longBacking, long shortBacking, long longPnl, long shortPnl,
            long capPpm, long lpPendingFees, boolean high) {
        long sum = lpPendingFees;
        for (long v : tokenValues) {
            sum = Fixed.add(sum, v);
        }
        sum = Fixed.subtract(sum, cappedPnl(longPnl, longBacking, capPpm, high));
        return Fixed.subtract(sum, cappedPnl(shortPnl, shortBacking, capPpm, high));
    }
}
