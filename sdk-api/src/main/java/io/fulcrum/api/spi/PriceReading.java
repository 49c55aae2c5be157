package io.fulcrum.api.spi;

import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link PriceSource} makes of its feeds at a moment: a usable price (perhaps with
 * warnings), or why there is none.
 *
 * <p>A reading that is {@link PriceStatus#OK} may still carry {@link PriceFlag}s: two of five sources
 * stale but three fresh is a usable median that the venue reports. A reading that is not OK
 * leaves the venue on its last good price.
 *
 * <p>Example: {@code PriceReading.stale(500_000, "BTC-USD last published 90,000 ms ago, limit
 * 60,000 ms")}; {@code PriceReading.ok(1_000_000, 1_000)} is 100.0000 ± 0.1000 at four decimals.
 *
 * @param price the price when {@code status} is {@link PriceStatus#OK}; otherwise the last known price or 0
 * @param confidence the uncertainty of {@code price} (a half-width, price units; 0 if unknown)
 * @param status whether the price may be used
 * @param flags warnings about a usable price, or what made it unusable; never null
 * @param detail what happened, for people; empty when OK without flags
 */
public record PriceReading(long price, long confidence, PriceStatus status, Set<PriceFlag> flags, String detail) {
    public PriceReading {
        Objects.requireNonNull(status, "status");
        flags = Set.copyOf(Objects.requireNonNull(flags, "flags"));
        Objects.requireNonNull(detail, "detail");
        if (confidence < 0) {
            throw new IllegalArgumentException("confidence must not be negative: " + confidence);
        }
    }

    /** A usable price with no known uncertainty. */
    public static PriceReading ok(long price) {
        return new PriceReading(price, 0, PriceStatus.OK, Set.of(), "");
    }

    /** A usable price with its confidence half-width. */
    public static PriceReading ok(long price, long confidence) {
        return new PriceReading(price, confidence, PriceStatus.OK, Set.of(), "");
    }

    /** A usable price the venue should report: {@code flags} say what was odd. */
    public static PriceReading flagged(long price, long confidence, Set<PriceFlag> flags, String detail) {
        return new PriceReading(price, confidence, PriceStatus.OK, flags, detail);
    }

    /** A price too old to use. */
    public static PriceReading stale(long lastPrice, String detail) {
        return new PriceReading(lastPrice, 0, PriceStatus.STALE, Set.of(), detail);
    }

    /** No price at all. */
    public static PriceReading missing(String detail) {
        return new PriceReading(0, 0, PriceStatus.MISSING, Set.of(), detail);
    }

    /** Fresh feeds that must not be used, for the reasons in {@code flags}. */
    public static PriceReading unreliable(long price, long confidence, Set<PriceFlag> flags, String detail) {
        return new PriceReading(price, confidence, PriceStatus.UNRELIABLE, flags, detail);
    }

    /** True if the price may be used. */
    public boolean isOk() {
        return status == PriceStatus.OK;
    }

    /** True if the venue should report this reading: it is unusable, or usable with warnings. */
    public boolean isNoteworthy() {
        return status != PriceStatus.OK || !flags.isEmpty();
    }
}
