package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceSource;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionPriceSourceTest {
    private static final TradingCalendar NYSE = TradingCalendar.nyseRegularHours(TradingCalendar.NYSE_HOLIDAYS_2025_2026);
    private static final PushedPriceSource REGULAR = PushedPriceSource.of("AAPL", 60_000);
    private static final PushedPriceSource WEEKEND = PushedPriceSource.of("AAPL-WEEKEND", 600_000);
    private static final SessionPriceSource SOURCE = SessionPriceSource.of(NYSE, REGULAR, WEEKEND);

    /** Friday 2025-10-10 15:59:59 and 16:00:00 EDT (UTC-4). */
    private static final long BEFORE_CLOSE = ms("2025-10-10T19:59:59Z");
    private static final long AT_CLOSE = ms("2025-10-10T20:00:00Z");

    private static long ms(String utc) {
        return Instant.parse(utc).toEpochMilli();
    }

    private static final class Observations implements FeedObservations {
        private final Map<String, PriceObservation> latest = new HashMap<>();

        Observations publish(String feed, long price, long time) {
            latest.put(feed, new PriceObservation(feed, price, 0, time));
            return this;
        }

        @Override
        public PriceObservation latest(String feed) {
            return latest.get(feed);
        }
    }

    /** A source over several feeds that always reads {@code price}. */
    private static PriceSource reading(long price, String... feeds) {
        return new PriceSource() {
            @Override
            public List<String> feeds() {
                return List.of(feeds);
            }

            @Override
            public PriceReading read(FeedObservations observations, long now) {
                return PriceReading.ok(price);
            }
        };
    }

    @Test
    void whileOpenTheRegularFeedIsRead() {
        Observations observations = new Observations().publish("AAPL", 25_012, BEFORE_CLOSE).publish("AAPL-WEEKEND", 25_100, BEFORE_CLOSE);
        assertEquals(PriceReading.ok(25_012), SOURCE.read(observations, BEFORE_CLOSE));
    }

    @Test
    void fromTheCloseInstantTheOutOfHoursFeedIsRead() {
        Observations observations = new Observations().publish("AAPL", 25_012, BEFORE_CLOSE).publish("AAPL-WEEKEND", 25_100, BEFORE_CLOSE);
        assertEquals(PriceReading.ok(25_100), SOURCE.read(observations, AT_CLOSE));
    }

    @Test
    void theChosenSourcesReadingIsPassedOnUnchanged() {
        // The weekend feed last published Friday 20:00Z; on Saturday 04:00Z it is 8 h old, past its 600,000 ms limit.
        Observations observations = new Observations().publish("AAPL-WEEKEND", 25_100, AT_CLOSE);
        long saturday = ms("2025-10-11T04:00:00Z");
        assertEquals(WEEKEND.read(observations, saturday), SOURCE.read(observations, saturday));
        assertEquals(PriceReading.missing("AAPL has not published a price"), SOURCE.read(new Observations(), BEFORE_CLOSE));
    }

    @Test
    void feedsAreBothSourcesFeedsRegularFirst() {
        assertEquals(List.of("AAPL", "AAPL-WEEKEND"), SOURCE.feeds());
    }

    @Test
    void aFeedReadByBothSourcesIsListedOnce() {
        SessionPriceSource source = SessionPriceSource.of(NYSE, reading(1, "A", "B"), reading(2, "C", "A"));
        assertEquals(List.of("A", "B", "C"), source.feeds());
    }

    @Test
    void anAlwaysOpenCalendarOnlyEverReadsTheRegularSource() {
        SessionPriceSource source = SessionPriceSource.of(TradingCalendar.alwaysOpen(), reading(1, "A"), reading(2, "B"));
        assertEquals(PriceReading.ok(1), source.read(new Observations(), AT_CLOSE));
    }

    @Test
    void missingPartsAreRefused() {
        assertThrows(NullPointerException.class, () -> SessionPriceSource.of(null, REGULAR, WEEKEND));
        assertThrows(NullPointerException.class, () -> SessionPriceSource.of(NYSE, null, WEEKEND));
        assertThrows(NullPointerException.class, () -> SessionPriceSource.of(NYSE, REGULAR, null));
    }
}
