package io.fulcrum.amm;

import io.fulcrum.amm.internal.VammMath;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Avantis' zero-fee perpetuals ("pay only if you win", MECHANISMS.md §4 [DOC]): no opening,
 * closing or borrow fee; a losing or flat trade pays nothing, a winning one gives up a share of its
 * gross PnL, and the share falls as the return on collateral grows.
 *
 * <p>{@code gross = (P - P_open) * side / P_open * size}, with {@code size = collateral * leverage};
 * {@code ROI = gross / collateral}; the share is the one of the highest {@link Tier} whose
 * {@code minRoiPpm} the ROI reaches, applied to the whole gross PnL (not marginally):
 * {@code fee = ceil(gross * share)}, {@code net = gross - fee - rollover - funding} [CODE
 * {@code avantis_trader_sdk/compute/pnl.py}].
 *
 * <p>Example: long 100x with $100 (size $10,000) from 2,000 to 2,020: gross = 20 / 2,000 × 10,000
 * = $100, ROI 100 %; with {@link #exampleTiers()} the share is 10 %, the fee $10, net $90.
 *
 * <p><b>The live tier table is UNVERIFIED</b> (Avantis only says the share goes "as low as 2.5 %"):
 * load it from configuration. Prices are in any one price scale; money in settlement units. Gross
 * PnL rounds down and fees up, in the venue's favour. Immutable and thread-safe.
 */
public final class ZeroFeePerp {
    private final List<Tier> tiers;

    /**
     * One step of the profit-share table.
     *
     * @param minRoiPpm the return on collateral from which this share applies, ppm (1,000,000 = 100 %)
     * @param feeSharePpm the share of gross PnL charged, ppm
     */
    public record Tier(long minRoiPpm, long feeSharePpm) {
        public Tier {
            if (minRoiPpm < 0) {
                throw new IllegalArgumentException("minRoiPpm must not be negative: " + minRoiPpm);
            }
            if (feeSharePpm < 0 || feeSharePpm > Fixed.PPM) {
                throw new IllegalArgumentException("feeSharePpm must be in [0, 1,000,000]: " + feeSharePpm);
            }
        }
    }

    private ZeroFeePerp(List<Tier> tiers) {
        this.tiers = tiers;
    }

    /**
     * A profit-share table; the first tier starts at ROI 0 and each next one at a higher ROI.
     *
     * @throws IllegalArgumentException if the list is empty, does not start at 0, or is not strictly
     *     increasing in {@code minRoiPpm}
     */
    public static ZeroFeePerp of(List<Tier> tiers) {
        Objects.requireNonNull(tiers, "tiers");
        List<Tier> copy = List.copyOf(tiers);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        if (copy.get(0).minRoiPpm() != 0) {
            throw new IllegalArgumentException("the first tier must start at ROI 0: " + copy.get(0));
        }
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i).minRoiPpm() <= copy.get(i - 1).minRoiPpm()) {
                throw new IllegalArgumentException("tier " + i + " must start at a higher ROI than tier " + (i - 1)
                        + ": " + copy.get(i) + " after " + copy.get(i - 1));
            }
        }
        return new ZeroFeePerp(copy);
    }

    /**
     * An <b>illustrative</b> table, not Avantis' (UNVERIFIED): ROI below 100 % pays 20 %, 100 % to
     * 300 % pays 10 %, 300 % to 500 % pays 5 %, 500 % and above pays 2.5 %.
     */
    public static ZeroFeePerp exampleTiers() {
        return of(List.of(new Tier(0, 200_000), new Tier(1_000_000, 100_000),
                new Tier(3_000_000, 50_000), new Tier(5_000_000, 25_000)));
    }

    /**
     * The gross PnL of a position of {@code size} opened at {@code openPrice}, at {@code price}:
     * {@code (price - openPrice) * side * size / openPrice}, rounded down (a loss is never
     * understated).
     *
     * @param side {@link Side#BUY} for a long, {@link Side#SELL} for a short
     * @param size collateral × leverage, settlement units
     */
    public static long grossPnl(Side side, long openPrice, long price, long size) {
        Objects.requireNonNull(side, "side");
        requirePositive("openPrice", openPrice);
        requirePositive("price", price);
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        BigInteger move = VammMath.big(price).subtract(VammMath.big(openPrice)).multiply(VammMath.big(side.sign()));
        return VammMath.divide(move.multiply(VammMath.big(size)), VammMath.big(openPrice), RoundingMode.FLOOR);
    }

    /** The share of gross PnL charged at {@code grossPnl} on {@code collateral}, ppm; 0 when gross ≤ 0. */
    public long feeSharePpm(long grossPnl, long collateral) {
        requirePositive("collateral", collateral);
        if (grossPnl <= 0) {
            return 0;
        }
        // The ROI is floored so a trade reaches a cheaper tier only once it truly has the return.
        long roiPpm = Fixed.mulDiv(grossPnl, Fixed.PPM, collateral, RoundingMode.FLOOR);
        long share = tiers.get(0).feeSharePpm();
        for (Tier tier : tiers) {
            if (roiPpm >= tier.minRoiPpm()) {
                share = tier.feeSharePpm();
            }
        }
        return share;
    }

    /** The profit share charged on {@code grossPnl}, settlement units rounded up; 0 when gross ≤ 0. */
    public long fee(long grossPnl, long collateral) {
        return Fixed.ppm(Math.max(0, grossPnl), feeSharePpm(grossPnl, collateral), RoundingMode.CEILING);
    }

    /** {@code gross - fee - rollover - funding}: what the trader takes home, settlement units. */
    public long netPnl(long grossPnl, long collateral, long rollover, long funding) {
        return Fixed.subtract(Fixed.subtract(Fixed.subtract(grossPnl, fee(grossPnl, collateral)), rollover), funding);
    }

    /** The tiers, lowest ROI first. */
    public List<Tier> tiers() {
        return tiers;
    }

    @Override
    public String toString() {
        return "ZeroFeePerp" + tiers;
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
