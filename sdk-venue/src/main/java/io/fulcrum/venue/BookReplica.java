package io.fulcrum.venue;

import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A client's copy of one market's aggregated book, started from a {@link BookSnapshot} and kept
 * current by the {@link Event.BookLevelChanged} events of the commands that follow it. This is
 * what a market-data gateway does with the venue's output.
 *
 * <pre>{@code
 * BookReplica replica = BookReplica.from(venue.bookSnapshot(btc));
 * CommandResult r = venue.apply(order);
 * replica.apply(r);                 // replica.bids() now equals venue.depth(btc, BUY, n)
 * }</pre>
 */
public final class BookReplica {
    private final MarketId market;
    private final TreeMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, Long> asks = new TreeMap<>();

    private BookReplica(MarketId market) {
        this.market = market;
    }

    /** A replica holding {@code snapshot}'s levels. */
    public static BookReplica from(BookSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        BookReplica replica = new BookReplica(snapshot.market());
        snapshot.bids().forEach(l -> replica.bids.put(l.price(), l.size()));
        snapshot.asks().forEach(l -> replica.asks.put(l.price(), l.size()));
        return replica;
    }

    /** Applies the level changes of this market among {@code result}'s events. */
    public void apply(CommandResult result) {
        result.events().forEach(this::apply);
    }

    /** Applies {@code event} if it is a level change of this market; ignores anything else. */
    public void apply(Event event) {
        if (event instanceof Event.BookLevelChanged change && change.market().equals(market)) {
            TreeMap<Long, Long> side = change.side() == Side.BUY ? bids : asks;
            if (change.size() == 0) {
                side.remove(change.price());
            } else {
                side.put(change.price(), change.size());
            }
        }
    }

    /** The bid levels, best first. */
    public List<Venue.DepthLevel> bids() {
        return levels(bids);
    }

    /** The ask levels, best first. */
    public List<Venue.DepthLevel> asks() {
        return levels(asks);
    }

    private static List<Venue.DepthLevel> levels(TreeMap<Long, Long> side) {
        List<Venue.DepthLevel> out = new ArrayList<>(side.size());
        side.forEach((price, size) -> out.add(new Venue.DepthLevel(price, size)));
        return out;
    }
}
