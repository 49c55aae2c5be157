package io.fulcrum.oracle;

import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import io.fulcrum.oracle.internal.FeedAge;
import java.util.List;
import java.util.Objects;

/**
 * A market's index taken from one pushed feed, usable only while the feed's latest value is
 * recent enough. This is how a Chainlink consumer reads a data feed (MECHANISMS.md §8.1): a feed
 * publishes when the price moves past its deviation threshold or when its heartbeat elapses, and
 * the consumer rejects the answer if {@code now − updatedAt} exceeds the heartbeat plus a grace
 * period, with a limit chosen per feed.
 *
 * <p>Readings, with {@code age = now − observation time}:
 * <ul>
 *   <li>no observation yet: {@link PriceStatus#MISSING};
 *   <li>the latest published price is not positive: {@code MISSING} as well, naming the bad
 *       value: such a price is never usable;
 *   <li>{@code age > maxAge}: {@link PriceStatus#STALE}, carrying the last price and a
 *       detail naming the feed, the age and the limit;
 *   <li>otherwise ({@code age <= maxAge}, so an age of exactly {@code maxAge} is still fresh):
 *       {@link PriceStatus#OK}, with the publisher's confidence. An observation stamped after
 *       {@code now} counts as fresh.
 * </ul>
 *
 * <p>Example: BTC/USD has a 3,600 s heartbeat; with 60 s of grace,
 * {@code PushedPriceSource.withHeartbeat("BTC-USD", 3_600_000, 60_000)} allows an age of
 * 3,660,000 ms. A price published at t = 0 reads OK at t = 3,660,000 and STALE at t = 3,660,001.
 */
public final class PushedPriceSource implements PriceSource {
    private final String feed;
    private final long maxAgeMs;

    private PushedPriceSource(String feed, long maxAgeMs) {
        Objects.requireNonNull(feed, "feed");
        if (feed.isBlank()) {
            throw new IllegalArgumentException("a feed name must not be blank");
        }
        if (maxAgeMs <= 0) {
            throw new IllegalArgumentException(feed + ": the maximum age must be positive: " + maxAgeMs + " ms");
        }
        this.feed = feed;
        this.maxAgeMs = maxAgeMs;
    }

    /** Reads {@code feed}; an observation older than {@code maxAgeMs} milliseconds is stale. */
    public static PushedPriceSource of(String feed, long maxAgeMs) {
        return new PushedPriceSource(feed, maxAgeMs);
    }

    /**
     * Reads {@code feed}, which promises to publish at least every {@code heartbeatMs}; an
     * observation is stale once it is older than the heartbeat plus {@code graceMs}.
     */
    public static PushedPriceSource withHeartbeat(String feed, long heartbeatMs, long graceMs) {
        if (heartbeatMs <= 0) {
            throw new IllegalArgumentException(feed + ": the heartbeat must be positive: " + heartbeatMs + " ms");
        }
        if (graceMs < 0) {
            throw new IllegalArgumentException(feed + ": the grace period must not be negative: " + graceMs + " ms");
        }
        return new PushedPriceSource(feed, Math.addExact(heartbeatMs, graceMs));
    }

    /** The feed this source reads. */
    public String feed() {
        return feed;
    }

    /** The oldest an observation may be and still be used, ms. */
    public long maxAgeMs() {
        return maxAgeMs;
    }

    @Override
    public List<String> feeds() {
        return List.of(feed);
    }

    @Override
    public PriceReading read(FeedObservations observations, long now) {
        PriceObservation latest = observations.latest(feed);
        if (latest == null) {
            return PriceReading.missing(feed + " has not published a price");
        }
        if (latest.price() <= 0) {
            return PriceReading.missing(feed + " last published a non-positive price, " + latest.price() + ", at "
                    + latest.time() + " ms");
        }
        if (FeedAge.isOlderThan(now, latest.time(), maxAgeMs)) {
            return PriceReading.stale(latest.price(), feed + " last published at " + latest.time() + " ms, "
                    + FeedAge.describe(now, latest.time()) + " before " + now + " ms; limit " + maxAgeMs + " ms");
        }
        return PriceReading.ok(latest.price(), latest.confidence());
    }

    @Override
    public String toString() {
        return "PushedPriceSource[" + feed + ", max age " + maxAgeMs + " ms]";
    }
}
