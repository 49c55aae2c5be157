package io.fulcrum.amm;

/**
 * How a pool prices a trade's effect on its balance: the USD (settlement units) a trade gains
 * (positive) or pays (negative) for moving the traders' open-interest imbalance. GMX v2's
 * position price impact is one (MECHANISMS.md §3.1); {@link #NONE} trades at the index.
 *
 * <p>Example: with traders long 1,000,000 and short 600,000 USD, a 100,000 long that widens the
 * imbalance pays; a short that narrows it gains.
 */
@FunctionalInterface
public interface PoolImpact {
    /** No impact: every trade at the index (plus the pool's spread). */
    PoolImpact NONE = (longUsd, shortUsd, sizeUsd, isLong) -> 0;

    /**
     * The impact in settlement units of a trade of {@code sizeUsd} opening {@code isLong}, given
     * the traders' open interest {@code longUsd} / {@code shortUsd} before it: positive helps the
     * trader, negative costs them.
     */
    long impactUsd(long longUsd, long shortUsd, long sizeUsd, boolean isLong);
}
