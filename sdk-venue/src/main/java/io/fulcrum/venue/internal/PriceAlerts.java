package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.spi.PriceReading;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * What a market's or collateral asset's price source last said, so that the venue reports a
 * {@link Event.PriceAlert} when that changes (a source goes stale, recovers, starts to diverge)
 * rather than on every publish.
 */
final class PriceAlerts {
    PriceStatus status = PriceStatus.OK;
    final EnumSet<PriceFlag> flags = EnumSet.noneOf(PriceFlag.class);

    /** Records {@code reading} and reports it if its status or flags differ from the last reading's. */
    void observe(String subject, PriceReading reading, List<Event> events) {
        if (reading.status() == status && reading.flags().equals(flags)) {
            return;
        }
        status = reading.status();
        flags.clear();
        flags.addAll(reading.flags());
        String detail = reading.isNoteworthy() ? reading.detail() : "the price source is clean again";
        events.add(new Event.PriceAlert(subject, reading.status(), reading.flags(), detail));
    }

    void restore(PriceStatus status, Collection<PriceFlag> flags) {
        this.status = status;
        this.flags.clear();
        this.flags.addAll(flags);
    }
}
