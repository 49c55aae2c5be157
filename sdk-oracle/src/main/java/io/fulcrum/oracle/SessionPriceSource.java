package io.fulcrum.oracle;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An index that reads the regular market's feed while the {@link TradingCalendar} is open and
 * an out-of-hours reference feed while it is closed: a stock perp that follows the exchange's
 * price in session and an overnight or weekend reference outside it, as venues listing stocks
 * and FX around the clock must (MECHANISMS.md §4). Pair it with
 * {@link OutOfHoursPolicy#outOfHoursReference()}.
 *
 * <p>The reading is the chosen source's reading, unchanged: a stale weekend feed is stale.
 * {@link #feeds()} is both sources' feeds, the regular source's first, without duplicates, so
 * a publish to either updates the market.
 *
 * <p>Example: {@code SessionPriceSource.of(nyse, PushedPriceSource.of("AAPL", 60_000),
 * PushedPriceSource.of("AAPL-WEEKEND", 600_000))} reads {@code AAPL} on Friday 2025-10-10 at
 * 15:59:59 New York time and {@code AAPL-WEEKEND} at 16:00; feeds are {@code [AAPL, AAPL-WEEKEND]}.
 */
public final class SessionPriceSource implements PriceSource {
    private final TradingCalendar calendar;
    private final PriceSource regular;
    private final PriceSource outOfHours;
    private final List<String> feeds;

    private SessionPriceSource(TradingCalendar calendar, PriceSource regular, PriceSource outOfHours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.regular = Objects.requireNonNull(regular, "regular");
        this.outOfHours = Objects.requireNonNull(outOfHours, "outOfHours");
        Set<String> union = new LinkedHashSet<>(regular.feeds());
        union.addAll(outOfHours.feeds());
        this.feeds = List.copyOf(union);
    }

    /** Reads {@code regular} while {@code calendar} is open and {@code outOfHours} while it is closed. */
    public static SessionPriceSource of(TradingCalendar calendar, PriceSource regular, PriceSource outOfHours) {
        return new SessionPriceSource(calendar, regular, outOfHours);
    }

    @Override
    public List<String> feeds() {
        return feeds;
    }

    @Override
    public PriceReading read(FeedObservations observations, long now) {
        return (calendar.isOpen(now) ? regular : outOfHours).read(observations, now);
    }

    @Override
    public String toString() {
        return "SessionPriceSource[" + calendar + ", open: " + regular + ", closed: " + outOfHours + "]";
    }
}
