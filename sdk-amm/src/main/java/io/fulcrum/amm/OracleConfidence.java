package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import java.math.RoundingMode;

/**
 * How an oracle pool uses the oracle's confidence interval around the index. GMX v2 prices
 * with a min and a max price, so a long opens at the top of the interval and a short at the
 * bottom (MECHANISMS.md §3.1); Avantis pulls Pyth prices per trade and refuses a trade while the
 * interval is too wide (§4, "accurate oracle execution"). Both can be combined.
 *
 * <p>Example: index 2,000.00 ± 1.00. {@link #GMX} buys at 2,001.00 and sells at 1,999.00;
 * {@code refuseAbove(400)} (0.04 %) refuses both, since 1.00 is 0.05 % of the index.
 *
 * @param intervalsPpm how many intervals the price moves against the trader, ppm (1,000,000:
 *     one whole interval, GMX's max/min prices; 0: the index itself)
 * @param maxWidthPpm the widest interval, as a share of the index, at which the pool still
 *     trades (0: no limit)
 */
public record OracleConfidence(long intervalsPpm, long maxWidthPpm) {
    /** The index itself, whatever the interval. */
    public static final OracleConfidence NONE = new OracleConfidence(0, 0);
    /** GMX's min/max prices: one whole interval against the trader. */
    public static final OracleConfidence GMX = new OracleConfidence(Fixed.PPM, 0);

    public OracleConfidence {
        if (intervalsPpm < 0 || intervalsPpm > 100 * Fixed.PPM) {
            throw new IllegalArgumentException("intervalsPpm must be in [0, 100,000,000]: " + intervalsPpm);
        }
        if (maxWidthPpm < 0 || maxWidthPpm >= Fixed.PPM) {
            throw new IllegalArgumentException("maxWidthPpm must be in [0, 1,000,000): " + maxWidthPpm);
        }
    }

    /** Trades at the index, but none while the interval is wider than {@code maxWidthPpm} of it (Avantis). */
    public static OracleConfidence refuseAbove(long maxWidthPpm) {
        if (maxWidthPpm <= 0) {
            throw new IllegalArgumentException("maxWidthPpm must be positive: " + maxWidthPpm);
        }
        return new OracleConfidence(0, maxWidthPpm);
    }

    /** The same, also refusing trades while the interval is wider than {@code maxWidthPpm} of the index. */
    public OracleConfidence refusingAbove(long maxWidthPpm) {
        return new OracleConfidence(intervalsPpm, maxWidthPpm);
    }

    /** Whether a trade is refused at {@code index} ± {@code confidence}. */
    public boolean refuses(long index, long confidence) {
        return maxWidthPpm > 0 && confidence > Fixed.ppm(index, maxWidthPpm, RoundingMode.FLOOR);
    }

    /**
     * The price a trade starts from: the index moved against the trader by {@link #intervalsPpm}
     * of the interval (rounded up): up for a buy, down for a sale; 0 if nothing is left.
     */
    public long startingPrice(long index, long confidence, boolean buy) {
        long move = intervalsPpm == 0 || confidence == 0 ? 0 : Fixed.ppm(confidence, intervalsPpm, RoundingMode.CEILING);
        long price = buy ? Fixed.add(index, move) : index - move;
        return Math.max(price, 0);
    }
}
