package io.fulcrum.api.spi;

import java.util.Objects;

/**
 * What a {@link PriceSource} makes of its feeds at a moment: a usable price, or why there is
 * none.
 *
 * <p>Example: {@code PriceReading.stale("BTC-USD last published 90,000 ms ago, limit 60,000 ms")}.
 *
 * @param price the price when {@code status} is {@link Status#OK}; otherwise the last known price or 0
 * @param status whether the price may be used
 * @param detail why not, for people; empty when OK
 */
public record PriceReading(long price, Status status, String detail) {
    /** Whether a reading can be used. */
    public enum Status {
        /** Fresh and valid. */
        OK,
        /** The feeds are older than the source allows. */
        STALE,
        /** No feed has published yet. */
        MISSING
    }

    public PriceReading {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** A usable price. */
    public static PriceReading ok(long price) {
        return new PriceReading(price, Status.OK, "");
    }

    /** A price too old to use. */
    public static PriceReading stale(long lastPrice, String detail) {
        return new PriceReading(lastPrice, Status.STALE, detail);
    }

    /** No price at all. */
    public static PriceReading missing(String detail) {
        return new PriceReading(0, Status.MISSING, detail);
    }

    /** True if the price may be used. */
    public boolean isOk() {
        return status == Status.OK;
    }
}
