package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Avantis-style opening and closing fees of an oracle-priced pool (MECHANISMS.md §4): the opening
 * fee rate depends on how crowded the trade's side is <i>after</i> the trade, so a trade that piles
 * onto the crowded side pays more than one that balances the book; the closing fee is a fixed rate
 * on the <i>adjusted</i> size.
 *
 * <p><b>Skew.</b> After the trade, {@code oiPct = floor(100 * oppositeOI / (newSameSideOI +
 * oppositeOI))}, the opposite side's share of open interest in whole percent (0 when both are 0).
 * Decile {@code min(oiPct / 10, deciles - 1)} gives a {@link Line} and the rate is
 * {@code slope * oiPct + intercept} in ppm; it is then reduced by the trader's discount:
 * {@code fee = ceil(size * rate * (1 - discount))}. This is Avantis' SDK formula {@code feeP =
 * (a * oiPct + b) / 10000} (a percentage, so {@code a * oiPct + b} is exactly a rate in ppm)
 * [CODE {@code avantis_trader_sdk/compute/fees.py}].
 *
 * <p><b>Close.</b> {@code closeFee = ceil(max(0, size + accrued PnL - accumulated margin fee) *
 * closeRate)} [DOC]. Crypto majors (BTC, ETH, SOL, memes) pay 6 bps open and close, other alts
 * 8 bps: a {@link #flat} table. Example: $100 at 30x = $3,000 opens for $1.80; closing with +$150
 * PnL and $10 margin fee pays (3,000 + 150 − 10) × 6 bps = $1.884.
 *
 * <p><b>Forex</b> ({@link #forexExample()}): long skew 1.0 → long 5 bps / short 1 bps, falling by
 * 0.5 bps per 0.1 of skew to 3 bps between skews 0.6 and 0.4, down to long 1 / short 5 at skew 0;
 * close 3 bps. Example: a $3,000 long that leaves the book 80 % long ({@code oiPct} 20) pays
 * 4 bps = $1.20.
 *
 * <p>Sizes, open interest and fees are in settlement units; every fee rounds up, in the venue's
 * favour. Immutable and thread-safe.
 */
public final class SkewFeeTable {
    /** The largest number of deciles: {@code oiPct / 10} runs from 0 to 10 (at {@code oiPct} 100). */
    public static final int MAX_DECILES = 11;

    private static final long PPM_SQUARED = Fixed.PPM * Fixed.PPM;

    private final List<Line> deciles;
    private final long closeFeePpm;

    /**
     * One decile's rate line: {@code rate = slopePpm * oiPct + interceptPpm}, in ppm of size.
     *
     * @param slopePpm the change of the rate per percentage point of the opposite side's share, ppm
     * @param interceptPpm the rate at {@code oiPct} 0, ppm
     */
    public record Line(long slopePpm, long interceptPpm) {
        /** The rate this line gives at {@code oiPct}, in ppm. */
        public long ratePpm(int oiPct) {
            return Fixed.add(Fixed.multiply(slopePpm, oiPct), interceptPpm);
        }
    }

    private SkewFeeTable(List<Line> deciles, long closeFeePpm) {
        this.deciles = deciles;
        this.closeFeePpm = closeFeePpm;
    }

    /**
     * A table of {@code deciles} lines (decile {@code i} covers {@code oiPct} 10i to 10i + 9; the
     * last also covers every higher percentage) and a closing rate.
     *
     * @throws IllegalArgumentException if there are no lines or more than {@link #MAX_DECILES}, if
     *     a line's rate leaves [0, 1,000,000] ppm anywhere in its decile, or if {@code closeFeePpm}
     *     does
     */
    public static SkewFeeTable of(List<Line> deciles, long closeFeePpm) {
        Objects.requireNonNull(deciles, "deciles");
        if (deciles.isEmpty() || deciles.size() > MAX_DECILES) {
            throw new IllegalArgumentException("deciles must hold 1 to " + MAX_DECILES + " lines: " + deciles.size());
        }
        List<Line> copy = List.copyOf(deciles);
        for (int i = 0; i < copy.size(); i++) {
            int low = 10 * i;
            int high = i == copy.size() - 1 ? 100 : low + 9;
            // A line is straight, so its two ends bound the rate over the whole decile.
            requireRate("decile " + i + " rate at oiPct " + low, copy.get(i).ratePpm(low));
            requireRate("decile " + i + " rate at oiPct " + high, copy.get(i).ratePpm(high));
        }
        requireRate("closeFeePpm", closeFeePpm);
        return new SkewFeeTable(copy, closeFeePpm);
    }

    /** The same opening rate whatever the skew, and a closing rate (Avantis crypto: 600/600 or 800/800). */
    public static SkewFeeTable flat(long openFeePpm, long closeFeePpm) {
        requireRate("openFeePpm", openFeePpm);
        return of(List.of(new Line(0, openFeePpm)), closeFeePpm);
    }

    /**
     * Avantis' documented forex table (MECHANISMS.md §4 [DOC], a snapshot: load live values from
     * configuration): deciles 0–3 {@code 500 - 5 * oiPct}, 4–5 a flat 300, 6–10
     * {@code 600 - 5 * oiPct} ppm, so {@code oiPct} 0 → 5 bps, 20 → 4, 40..60 → 3, 100 → 1; close 3 bps.
     */
    public static SkewFeeTable forexExample() {
        Line falling = new Line(-5, 500);
        Line flat = new Line(0, 300);
        Line fallingAgain = new Line(-5, 600);
        return of(List.of(falling, falling, falling, falling, flat, flat,
                fallingAgain, fallingAgain, fallingAgain, fallingAgain), 300);
    }

    /**
     * The opposite side's share of open interest after the trade, in whole percent (floored):
     * {@code floor(100 * oppositeOI / (sameSideOI + size + oppositeOI))}; 0 for an empty book.
     *
     * @param side the trade's side: {@link Side#BUY} opens a long, {@link Side#SELL} a short
     * @param longOpenInterest long open interest before the trade, settlement units
     * @param shortOpenInterest short open interest before the trade, settlement units
     * @param size the trade's size, settlement units
     */
    public static int oppositeSharePct(Side side, long longOpenInterest, long shortOpenInterest, long size) {
        Objects.requireNonNull(side, "side");
        requireNonNegative("longOpenInterest", longOpenInterest);
        requireNonNegative("shortOpenInterest", shortOpenInterest);
        requireNonNegative("size", size);
        long same = side == Side.BUY ? longOpenInterest : shortOpenInterest;
        long opposite = side == Side.BUY ? shortOpenInterest : longOpenInterest;
        long total = Fixed.add(Fixed.add(same, size), opposite);
        return total == 0 ? 0 : (int) Fixed.mulDiv(100, opposite, total, RoundingMode.FLOOR);
    }

    /** The opening rate before any discount, ppm, for a trade of {@code size} on {@code side}. */
    public long openFeePpm(Side side, long longOpenInterest, long shortOpenInterest, long size) {
        int oiPct = oppositeSharePct(side, longOpenInterest, shortOpenInterest, size);
        return deciles.get(Math.min(oiPct / 10, deciles.size() - 1)).ratePpm(oiPct);
    }

    /**
     * The opening fee of a trade of {@code size} on {@code side}, after a discount of
     * {@code discountPpm}, in settlement units rounded up.
     */
    public long openFee(Side side, long longOpenInterest, long shortOpenInterest, long size, long discountPpm) {
        if (discountPpm < 0 || discountPpm > Fixed.PPM) {
            throw new IllegalArgumentException("discountPpm must be in [0, 1,000,000]: " + discountPpm);
        }
        long rate = openFeePpm(side, longOpenInterest, shortOpenInterest, size);
        // rate and (1 - discount) are both at most 1e6, so their product fits; one rounding.
        return Fixed.mulDiv(size, rate * (Fixed.PPM - discountPpm), PPM_SQUARED, RoundingMode.CEILING);
    }

    /**
     * The closing fee on the adjusted size {@code max(0, size + accruedPnl - accumulatedMarginFee)},
     * in settlement units rounded up.
     *
     * @param size the position's size (collateral × leverage), settlement units
     * @param accruedPnl the position's PnL at the close price, settlement units (negative for a loss)
     * @param accumulatedMarginFee the margin (borrow) fee accrued while open, settlement units
     */
    public long closeFee(long size, long accruedPnl, long accumulatedMarginFee) {
        requireNonNegative("size", size);
        requireNonNegative("accumulatedMarginFee", accumulatedMarginFee);
        long adjusted = Fixed.subtract(Fixed.add(size, accruedPnl), accumulatedMarginFee);
        return Fixed.ppm(Math.max(0, adjusted), closeFeePpm, RoundingMode.CEILING);
    }

    /** The closing rate, ppm of the adjusted size. */
    public long closeFeePpm() {
        return closeFeePpm;
    }

    /** The decile lines, lowest {@code oiPct} first. */
    public List<Line> deciles() {
        return deciles;
    }

    @Override
    public String toString() {
        return "SkewFeeTable[deciles=" + deciles + ", closeFeePpm=" + closeFeePpm + "]";
    }

    private static void requireRate(String name, long ppm) {
        if (ppm < 0 || ppm > Fixed.PPM) {
            throw new IllegalArgumentException(name + " must be in [0, 1,000,000] ppm: " + ppm);
        }
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
