package io.fulcrum.venue.internal;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import java.util.List;

/**
 * The latest price one feed published, with no staleness limit: how a collateral asset listed by
 * feed name alone is priced. Anything stricter (staleness, several sources, divergence rules)
 * is a {@link PriceSource} from the oracle module.
 */
public record LatestFeedSource(String feed) implements PriceSource {
    @Override
    public List<String> feeds() {
        return List.of(feed);
    }

    @Override
    public PriceReading read(FeedObservations observations, long now) {
        PriceObservation latest = observations.latest(feed);
        return latest == null ? PriceReading.missing(feed + " has not published a price")
                : PriceReading.ok(latest.price(), latest.confidence());
    }
}
