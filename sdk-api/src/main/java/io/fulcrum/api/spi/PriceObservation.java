package io.fulcrum.api.spi;

import java.util.Objects;

/**
 * The latest value a price feed published, as the venue recorded it from a
 * {@code PublishPrice} command.
 *
 * <p>Example: {@code new PriceObservation("BTC-USD", 500_000, 50, 1_000)}: 50,000.0 ± 5.0 at t = 1 s.
 *
 * @param feed the feed's name
 * @param price the published price, positive
 * @param confidence the publisher's uncertainty (0 if unknown)
 * @param time when it was published (epoch ms, the command's time)
 */
public record PriceObservation(String feed, long price, long confidence, long time) {
    public PriceObservation {
        Objects.requireNonNull(feed, "feed");
    }
}
