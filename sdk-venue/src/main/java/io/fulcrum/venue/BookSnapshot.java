package io.fulcrum.venue;

import io.fulcrum.api.MarketId;
import java.util.List;
import java.util.Objects;

/**
 * A market's whole aggregated (L2) book at one point of the venue's command sequence: every
 * bid level best (highest) first and every ask level best (lowest) first.
 *
 * <p>Example: bids {@code [50,000.0 x 0.3, 49,990.0 x 1.0]}, asks {@code [50,010.0 x 0.5]},
 * taken when {@code sequence} commands had been received.
 *
 * @param market the market
 * @param sequence the number of commands the venue had received; events of later commands update it
 * @param bids bid levels, best first
 * @param asks ask levels, best first
 */
public record BookSnapshot(MarketId market, long sequence, List<Venue.DepthLevel> bids, List<Venue.DepthLevel> asks) {
    public BookSnapshot {
        Objects.requireNonNull(market, "market");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
