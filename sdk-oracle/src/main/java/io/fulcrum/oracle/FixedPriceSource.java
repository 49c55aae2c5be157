package io.fulcrum.oracle;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import java.util.List;

/**
 * A constant index price that reads no feeds and never goes stale: for tests, demos and
 * scenarios where the price is scripted through the market instead of an oracle. Not a
 * mechanism of any live venue.
 *
 * <p>Example: {@code FixedPriceSource.of(500_000)} reads {@code OK 500,000} (50,000.0 at one price
 * decimal) at any time, whatever has been published.
 */
public final class FixedPriceSource implements PriceSource {
    private final long price;

    private FixedPriceSource(long price) {
        if (price <= 0) {
            throw new IllegalArgumentException("a fixed price must be positive: " + price);
        }
        this.price = price;
    }

    /** Always reads {@code price} (price units, positive). */
    public static FixedPriceSource of(long price) {
        return new FixedPriceSource(price);
    }

    /** The constant price. */
    public long price() {
        return price;
    }

    /** No feeds: publishing never changes this source. */
    @Override
    public List<String> feeds() {
        return List.of();
    }

    @Override
    public PriceReading read(FeedObservations observations, long now) {
        return PriceReading.ok(price);
    }

    @Override
    public String toString() {
        return "FixedPriceSource[" + price + "]";
    }
}
