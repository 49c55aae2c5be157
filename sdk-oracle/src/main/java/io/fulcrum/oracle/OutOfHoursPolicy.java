package io.fulcrum.oracle;

import io.fulcrum.api.spi.GuardVerdict;

/**
 * What a perp on a stock, FX pair or commodity does while the underlying market is closed
 * (see {@link TradingCalendar}): venues that list such markets 24/7 (Avantis, MECHANISMS.md §4)
 * must decide where the index stands and how much risk to allow while no price is discovered.
 * {@link MarketHoursGuard} applies the policy.
 *
 * <ul>
 *   <li>{@link #lastCloseWithWideningBands}: the index stays at the last price seen while open;
 *       orders must be priced within a band around the mark that widens the longer the market
 *       has been closed, because the eventual re-open price drifts further from the close;
 *   <li>{@link #reduceOnly()}: the market is {@code REDUCE_ONLY} at the last close: traders may
 *       cut risk but not add it;
 *   <li>{@link #outOfHoursReference()}: the index keeps following the market's price source,
 *       which should then be a {@link SessionPriceSource} switching to an out-of-hours feed
 *       (an overnight or weekend reference price); nothing is held.
 * </ul>
 *
 * <p>Every policy also widens margin while closed: {@code withClosedMarginScalePpm(1_500_000)}
 * multiplies requirements by 1.5 (default 1,000,000: unchanged), since a position cannot be
 * liquidated at a fair price until the market re-opens.
 *
 * <p>Example: {@code lastCloseWithWideningBands(30_000, 5_000, 100_000)} is a ±3.0 % band at the
 * close, ±3.5 % after one full hour, ±7.0 % after eight, and ±10.0 % from fourteen hours on
 * (3 % + 14 × 0.5 % = 10 %).
 */
public sealed interface OutOfHoursPolicy {
    /** Margin requirements are multiplied by this / 10^6 while the market is closed; at least 1,000,000. */
    long closedMarginScalePpm();

    /** The same policy with margin scaled by {@code scalePpm} / 10^6 while closed. */
    OutOfHoursPolicy withClosedMarginScalePpm(long scalePpm);

    /** Whether the index is held at the last price seen while open. */
    boolean holdsLastClose();

    /**
     * Holds the index at the last close and bands order prices: {@code baseBandPpm} around the
     * mark at the close, plus {@code widenPerHourPpm} for every full hour since, at most
     * {@code maxBandPpm}.
     */
    static LastCloseWithWideningBands lastCloseWithWideningBands(long baseBandPpm, long widenPerHourPpm, long maxBandPpm) {
        return new LastCloseWithWideningBands(baseBandPpm, widenPerHourPpm, maxBandPpm, GuardVerdict.UNSCALED);
    }

    /** Holds the index at the last close; the market is reduce-only while closed. */
    static ReduceOnly reduceOnly() {
        return new ReduceOnly(GuardVerdict.UNSCALED);
    }

    /** Lets the index follow the market's (out-of-hours) price source while closed. */
    static OutOfHoursReference outOfHoursReference() {
        return new OutOfHoursReference(GuardVerdict.UNSCALED);
    }

    /**
     * See {@link OutOfHoursPolicy#lastCloseWithWideningBands}.
     *
     * @param baseBandPpm the band at the close, ppm, positive
     * @param widenPerHourPpm added for every full hour closed, ppm, not negative
     * @param maxBandPpm the widest band, ppm, at least {@code baseBandPpm}
     * @param closedMarginScalePpm margin scale while closed, at least 1,000,000
     */
    record LastCloseWithWideningBands(long baseBandPpm, long widenPerHourPpm, long maxBandPpm,
            long closedMarginScalePpm) implements OutOfHoursPolicy {
        private static final long MS_PER_HOUR = 3_600_000L;

        /** Validates every value; see the record's parameters. */
        public LastCloseWithWideningBands {
            if (baseBandPpm <= 0) {
                throw new IllegalArgumentException("the base band must be positive: " + baseBandPpm + " ppm");
            }
            if (widenPerHourPpm < 0) {
                throw new IllegalArgumentException("the hourly widening must not be negative: " + widenPerHourPpm + " ppm");
            }
            if (maxBandPpm < baseBandPpm) {
                throw new IllegalArgumentException("the maximum band, " + maxBandPpm + " ppm, is narrower than the base band, "
                        + baseBandPpm + " ppm");
            }
            requireMarginScale(closedMarginScalePpm);
        }

        /**
         * The band after the market has been closed {@code closedForMs} milliseconds:
         * {@code min(max, base + widenPerHour × floor(closedFor / 1 h))}; negative durations
         * count as zero.
         */
        public long bandPpm(long closedForMs) {
            long fullHours = Math.max(0, closedForMs) / MS_PER_HOUR;
            if (widenPerHourPpm == 0) {
                return baseBandPpm;
            }
            long room = maxBandPpm - baseBandPpm;
            // Beyond room / widen hours the band is at its cap; below it the product cannot overflow.
            return fullHours > room / widenPerHourPpm ? maxBandPpm : baseBandPpm + widenPerHourPpm * fullHours;
        }

        @Override
        public LastCloseWithWideningBands withClosedMarginScalePpm(long scalePpm) {
            return new LastCloseWithWideningBands(baseBandPpm, widenPerHourPpm, maxBandPpm, scalePpm);
        }

        @Override
        public boolean holdsLastClose() {
            return true;
        }
    }

    /**
     * See {@link OutOfHoursPolicy#reduceOnly()}.
     *
     * @param closedMarginScalePpm margin scale while closed, at least 1,000,000
     */
    record ReduceOnly(long closedMarginScalePpm) implements OutOfHoursPolicy {
        /** Validates every value; see the record's parameters. */
        public ReduceOnly {
            requireMarginScale(closedMarginScalePpm);
        }

        @Override
        public ReduceOnly withClosedMarginScalePpm(long scalePpm) {
            return new ReduceOnly(scalePpm);
        }

        @Override
        public boolean holdsLastClose() {
            return true;
        }
    }

    /**
     * See {@link OutOfHoursPolicy#outOfHoursReference()}.
     *
     * @param closedMarginScalePpm margin scale while closed, at least 1,000,000
     */
    record OutOfHoursReference(long closedMarginScalePpm) implements OutOfHoursPolicy {
        /** Validates every value; see the record's parameters. */
        public OutOfHoursReference {
            requireMarginScale(closedMarginScalePpm);
        }

        @Override
        public OutOfHoursReference withClosedMarginScalePpm(long scalePpm) {
            return new OutOfHoursReference(scalePpm);
        }

        @Override
        public boolean holdsLastClose() {
            return false;
        }
    }

    private static void requireMarginScale(long scalePpm) {
        if (scalePpm < GuardVerdict.UNSCALED) {
            throw new IllegalArgumentException("the closed-market margin scale must be at least 1,000,000 ppm (1x): "
                    + scalePpm + " ppm");
        }
    }
}
