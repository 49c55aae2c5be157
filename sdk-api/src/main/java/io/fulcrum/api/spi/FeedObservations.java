package io.fulcrum.api.spi;

/**
 * The latest observation of every price feed the venue has seen. The venue keeps this state
 * (so it is journaled and snapshotted); {@link PriceSource}s read it.
 */
public interface FeedObservations {
    /** The latest observation of {@code feed}, or {@code null} if it never published. */
    PriceObservation latest(String feed);
}
