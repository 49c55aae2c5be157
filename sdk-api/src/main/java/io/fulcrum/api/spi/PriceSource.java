package io.fulcrum.api.spi;

import java.util.List;

/**
 * Turns the observations of one or more external feeds into a market's index (oracle) price at
 * a given time: a single pushed feed, a fixed price, or an aggregate (median, weighted median,
 * confidence vote) with staleness and deviation guards.
 *
 * <p>A source is a pure function of the observations and the time; the venue owns the
 * observations, so journal replay reproduces every reading.
 *
 * <p>Example: a source over feed {@code "BTC-USD"} with a 60 s staleness limit reads
 * {@code OK 50,000.0} at t = 30 s after a publish, and {@code STALE} at t = 61 s.
 */
public interface PriceSource {
    /** The feeds this source reads; a {@code PublishPrice} for any of them updates the market. */
    List<String> feeds();

    /** The index price at {@code now} from {@code observations}. */
    PriceReading read(FeedObservations observations, long now);
}
