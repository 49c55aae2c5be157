package io.fulcrum.margin;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.spi.FeeSchedule;
import java.math.RoundingMode;

/**
 * One maker rate and one taker rate for every account and market, in parts per million of a
 * fill's notional. The maker rate may be negative: a rebate paid to liquidity providers, as on
 * most order-book venues. A rebate may not exceed the taker fee, so every fill leaves the venue a
 * non-negative fee income.
 *
 * <p>Rounding favours the venue: a fee rounds up (ceiling), a rebate rounds toward zero (the
 * payout rounds down). With the rebate bounded by the taker rate, the rebate paid on a fill is
 * never more than the taker fee collected on it.
 *
 * <p>Example (the {@link FeeSchedule} SPI's example): 2 bps maker and 5 bps taker,
 * {@code FlatFeeSchedule.of(200, 500)}, on a 50,000 USDC fill charge 10 and 25 USDC. With a 1 bp
 * maker rebate, {@code of(-100, 500)}, the maker receives 5 USDC.
 *
 * <p>MECHANISMS.md has no section on maker/taker schedules (it covers Avantis's skew-dependent
 * fees and loss rebates, §4, which are a different mechanism); this class is the plain flat
 * schedule of DESIGN.md's {@code FeeSchedule}, without volume tiers.
 */
public final class FlatFeeSchedule implements FeeSchedule {
    private final long makerPpm;
    private final long takerPpm;

    private FlatFeeSchedule(long makerPpm, long takerPpm) {
        if (takerPpm < 0 || takerPpm > Fixed.PPM) {
            throw new IllegalArgumentException("taker fee must be in [0, 1,000,000] ppm: " + takerPpm);
        }
        if (makerPpm > Fixed.PPM) {
            throw new IllegalArgumentException("maker fee must be at most 1,000,000 ppm: " + makerPpm);
        }
        if (makerPpm < -takerPpm) {
            throw new IllegalArgumentException("maker rebate of " + -makerPpm + " ppm exceeds the taker fee of " + takerPpm
                    + " ppm: the venue would pay out more on a fill than it collects");
        }
        this.makerPpm = makerPpm;
        this.takerPpm = takerPpm;
    }

    /**
     * A schedule charging makers {@code makerPpm} (negative for a rebate, at most the taker rate in
     * size) and takers {@code takerPpm} (0 to 1,000,000) of each fill's notional.
     */
    public static FlatFeeSchedule of(long makerPpm, long takerPpm) {
        return new FlatFeeSchedule(makerPpm, takerPpm);
    }

    /** The maker rate, ppm; negative for a rebate. */
    public long makerPpm() {
        return makerPpm;
    }

    /** The taker rate, ppm. */
    public long takerPpm() {
        return takerPpm;
    }

    /** The maker's fee, rounded up; a rebate (negative) rounded toward zero. */
    @Override
    public long makerFee(AccountId maker, MarketSpec market, long notional) {
        requireNotional(notional);
        return Fixed.ppm(notional, makerPpm, makerPpm >= 0 ? RoundingMode.CEILING : RoundingMode.DOWN);
    }

    /** The taker's fee, rounded up. */
    @Override
    public long takerFee(AccountId taker, MarketSpec market, long notional) {
        requireNotional(notional);
        return Fixed.ppm(notional, takerPpm, RoundingMode.CEILING);
    }

    private static void requireNotional(long notional) {
        if (notional < 0) {
            throw new IllegalArgumentException("a fill's notional is non-negative: " + notional);
        }
    }

    @Override
    public String toString() {
        return "FlatFeeSchedule[maker " + makerPpm + " ppm, taker " + takerPpm + " ppm]";
    }
}
