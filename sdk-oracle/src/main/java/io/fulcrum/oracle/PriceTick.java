package io.fulcrum.oracle;

import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import java.util.Objects;

/**
 * One recorded price of one feed: what an oracle published, or what a simulation replays as a
 * {@link Command.PublishPrice}. Prices are exact integers at the scale the user chose for the
 * market (see {@link RecordedPrices}), never floating point.
 *
 * <p>Example: BTC/USD at 101,516.5 with a confidence of ±0.5, recorded at 2025-10-10T21:20Z, at one
 * price decimal: {@code new PriceTick(1_760_131_200_000L, "BTC-USD", 1_015_165, 5)}.
 *
 * @param time       when the price was known, epoch milliseconds
 * @param feed       the feed's name, not blank
 * @param price      price units, positive
 * @param confidence half-width of the price's confidence interval in price units (Pyth style,
 *                   MECHANISMS.md §8.2), zero when the source gives none; not negative
 */
public record PriceTick(long time, String feed, long price, long confidence) {
    public PriceTick {
        Objects.requireNonNull(feed, "feed");
        if (feed.isBlank()) {
            throw new IllegalArgumentException("a price tick's feed must not be blank");
        }
        if (price <= 0) {
            throw new IllegalArgumentException(feed + " at " + time + " ms: the price must be positive: " + price);
        }
        if (confidence < 0) {
            throw new IllegalArgumentException(
                    feed + " at " + time + " ms: the confidence must not be negative: " + confidence);
        }
    }

    /** This tick as the command that publishes it to a venue, named {@code id}. */
    public Command.PublishPrice toCommand(CommandId id) {
        return new Command.PublishPrice(Objects.requireNonNull(id, "id"), time, feed, price, confidence);
    }
}
