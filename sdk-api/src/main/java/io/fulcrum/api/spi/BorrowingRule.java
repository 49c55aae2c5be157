package io.fulcrum.api.spi;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.util.Objects;

/**
 * What traders on a pool market pay the pool for the liquidity their positions reserve (GMX v2's
 * borrowing fee, MECHANISMS.md §3.3: a curve or a kinked rate of how much of the pool is reserved).
 * Every {@link #intervalMillis()} the venue asks the rate each side pays for the interval just
 * ended, accrues it into a cumulative index per side, and credits the pool at once; positions pay
 * it back as they settle, like funding. The pool's own position pays nothing.
 *
 * <p>Example: 15.768 % a year on reserved 80 % of the pool is 18,000 ppb an hour.
 */
public interface BorrowingRule {
    /** How often borrowing accrues, ms. */
    long intervalMillis();

    /** What {@code side}'s positions pay for the interval, ppb of their notional at the index; 0 or more. */
    long ratePpb(Side side, Inputs inputs);

    /**
     * What a rule may look at.
     *
     * @param market the pool market
     * @param elapsedMillis the interval's length, ms
     * @param indexPrice the index price
     * @param tradersLong traders' long size, size units
     * @param tradersShort traders' short size, size units
     * @param poolValue the pool's tokens at their prices, settlement units (what backs the positions)
     */
    record Inputs(MarketSpec market, long elapsedMillis, long indexPrice, long tradersLong, long tradersShort,
            long poolValue) {
        public Inputs {
            Objects.requireNonNull(market, "market");
        }
    }
}
