package io.fulcrum.amm;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.BorrowingRule;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * GMX v2's borrowing fee ({@link BorrowingFee}: curve or kink, MECHANISMS.md §3.3) as a venue
 * {@link BorrowingRule}: each side reserves its open interest at the index and pays
 * {@code factor per second × seconds} of it, the factor computed from what it reserves against
 * the pool's tokens. Seconds are whole, as GMX counts them (a fraction of a second is not charged).
 *
 * <p>Example (GMX's default curve, factor 6.25e-9 per second, exponent 1): longs reserving 80 % of
 * the pool pay 5e-9 per second, 18,000 ppb an hour (15.768 % a year).
 */
public record GmxBorrowingRule(BorrowingFee fee, long intervalMillis) implements BorrowingRule {
    public GmxBorrowingRule {
        Objects.requireNonNull(fee, "fee");
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("the interval must be positive: " + intervalMillis);
        }
    }

    /** Accrued hourly. */
    public static GmxBorrowingRule hourly(BorrowingFee fee) {
        return new GmxBorrowingRule(fee, 3_600_000);
    }

    @Override
    public long ratePpb(Side side, Inputs inputs) {
        long longUsd = inputs.market().notional(inputs.tradersLong(), inputs.indexPrice(), RoundingMode.HALF_EVEN);
        long shortUsd = inputs.market().notional(inputs.tradersShort(), inputs.indexPrice(), RoundingMode.HALF_EVEN);
        boolean isLong = side == Side.BUY;
        long reserved = isLong ? longUsd : shortUsd;
        if (reserved == 0 || inputs.poolValue() <= 0) {
            return 0;
        }
        long factorPerSecondWad = fee.factorPerSecondWad(isLong, longUsd, shortUsd, reserved, inputs.poolValue());
        long seconds = inputs.elapsedMillis() / 1_000;
        // wad (1e-18) per second × seconds, in ppb (1e-9): ÷ 1e9.
        return Fixed.mulDiv(factorPerSecondWad, seconds, 1_000_000_000L, RoundingMode.DOWN);
    }
}
