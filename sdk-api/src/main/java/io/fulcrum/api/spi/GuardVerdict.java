package io.fulcrum.api.spi;

import io.fulcrum.api.MarketStatus;
import java.util.Objects;

/**
 * What an {@link OracleGuard} decides for its market at a moment.
 *
 * <p>Example: a stock market closed for the weekend under a "last close with widening bands"
 * policy: {@code new GuardVerdict(OPEN, 25_000, 30_000, 1_500_000, "NASDAQ closed since ...")}:
 * trade at the last close 250.00 (two decimals), limit prices within ±3 % of the mark, margin
 * requirements × 1.5.
 *
 * @param status the market status the guard asks for (the venue takes the strictest of all guards)
 * @param heldPrice the index price to use instead of the source's reading, or
 *     {@link PriceView#NO_PRICE} to use the reading
 * @param priceBandPpm limit prices must lie within this many ppm of the mark; 0 for no band
 * @param marginScalePpm margin requirements on this market are multiplied by this / 10^6;
 *     at least 1,000,000
 * @param reason why, for people; empty when the guard is content
 */
public record GuardVerdict(MarketStatus status, long heldPrice, long priceBandPpm, long marginScalePpm,
        String reason) {
    /** No band, no scaling. */
    public static final long UNSCALED = 1_000_000L;

    /** A guard that has nothing to say. */
    public static final GuardVerdict CONTENT = new GuardVerdict(MarketStatus.OPEN, PriceView.NO_PRICE, 0, UNSCALED, "");

    public GuardVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (heldPrice < 0) {
            throw new IllegalArgumentException("a held price must be positive, or NO_PRICE: " + heldPrice);
        }
        if (priceBandPpm < 0) {
            throw new IllegalArgumentException("a price band must not be negative: " + priceBandPpm + " ppm");
        }
        if (marginScalePpm < UNSCALED) {
            throw new IllegalArgumentException("margin can only widen: scale " + marginScalePpm + " ppm < 1,000,000");
        }
    }

    /** A verdict that only sets the market status. */
    public static GuardVerdict status(MarketStatus status, String reason) {
        return new GuardVerdict(status, PriceView.NO_PRICE, 0, UNSCALED, reason);
    }

    /** Whether the guard holds the index at {@link #heldPrice()}. */
    public boolean holdsPrice() {
        return heldPrice != PriceView.NO_PRICE;
    }

    /**
     * Both verdicts at once: the strictest status, the first held price, the narrowest non-zero
     * band, the widest margin scale, and both reasons.
     */
    public GuardVerdict and(GuardVerdict other) {
        long band = priceBandPpm == 0 ? other.priceBandPpm
                : other.priceBandPpm == 0 ? priceBandPpm : Math.min(priceBandPpm, other.priceBandPpm);
        String both = reason.isEmpty() ? other.reason : other.reason.isEmpty() ? reason : reason + "; " + other.reason;
        return new GuardVerdict(status.strictest(other.status), holdsPrice() ? heldPrice : other.heldPrice, band,
                Math.max(marginScalePpm, other.marginScalePpm), both);
    }
}
