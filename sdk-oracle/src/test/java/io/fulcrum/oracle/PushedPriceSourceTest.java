package io.fulcrum.oracle;

import io.fulcrum.api.PriceStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushedPriceSourceTest {
    private static final String FEED = "BTC-USD";
    /** 60 s limit, as in the PriceSource Javadoc example. */
    private static final PushedPriceSource SOURCE = PushedPriceSource.of(FEED, 60_000);

    /** Latest observations by feed, as the venue records them. */
    private static final class Observations implements FeedObservations {
        private final Map<String, PriceObservation> latest = new HashMap<>();

        Observations publish(String feed, long price, long time) {
            return publish(feed, price, 0, time);
        }

        Observations publish(String feed, long price, long confidence, long time) {
            latest.put(feed, new PriceObservation(feed, price, confidence, time));
            return this;
        }

        @Override
        public PriceObservation latest(String feed) {
            return latest.get(feed);
        }
    }

    @Test
    void beforeTheFirstPublishTheReadingIsMissing() {
        assertEquals(PriceReading.missing("BTC-USD has not published a price"), SOURCE.read(new Observations(), 1_000));
    }

    @Test
    void otherFeedsDoNotCount() {
        Observations observations = new Observations().publish("ETH-USD", 300_000, 1_000);
        assertEquals(PriceStatus.MISSING, SOURCE.read(observations, 1_000).status());
    }

    @Test
    void aFreshPriceIsOk() {
        // Published 50,000.0 at t = 1 s, read at t = 31 s.
        Observations observations = new Observations().publish(FEED, 500_000, 1_000);
        assertEquals(PriceReading.ok(500_000), SOURCE.read(observations, 31_000));
    }

    @Test
    void aFreshPriceCarriesThePublishersConfidence() {
        // 50,000.0 ± 5.0, as a Pyth publisher would report it.
        Observations observations = new Observations().publish(FEED, 500_000, 50, 1_000);
        assertEquals(PriceReading.ok(500_000, 50), SOURCE.read(observations, 31_000));
    }

    @Test
    void aPriceExactlyMaxAgeOldIsStillOk() {
        Observations observations = new Observations().publish(FEED, 500_000, 1_000);
        assertEquals(PriceReading.ok(500_000), SOURCE.read(observations, 61_000));
    }

    @Test
    void aPriceOneMillisecondOlderThanMaxAgeIsStaleAndSaysWhy() {
        Observations observations = new Observations().publish(FEED, 500_000, 1_000);
        assertEquals(PriceReading.stale(500_000, "BTC-USD last published at 1000 ms, 60001 ms before 61001 ms; limit 60000 ms"),
                SOURCE.read(observations, 61_001));
    }

    @Test
    void aNewPublishMakesTheFeedFreshAgain() {
        Observations observations = new Observations().publish(FEED, 500_000, 1_000);
        assertEquals(PriceStatus.STALE, SOURCE.read(observations, 90_000).status());
        observations.publish(FEED, 499_000, 90_000);
        assertEquals(PriceReading.ok(499_000), SOURCE.read(observations, 90_000));
    }

    @Test
    void anObservationStampedAfterNowCountsAsFresh() {
        Observations observations = new Observations().publish(FEED, 500_000, 5_000);
        assertEquals(PriceReading.ok(500_000), SOURCE.read(observations, 4_000));
    }

    @Test
    void anAgeBeyondLongRangeIsStaleNotAWrappedFreshAge() {
        Observations observations = new Observations().publish(FEED, 500_000, Long.MIN_VALUE);
        PriceReading reading = SOURCE.read(observations, Long.MAX_VALUE);
        assertEquals(PriceStatus.STALE, reading.status());
        assertEquals(500_000, reading.price());
    }

    @Test
    void aZeroPriceIsNeverOk() {
        Observations observations = new Observations().publish(FEED, 0, 1_000);
        assertEquals(PriceReading.missing("BTC-USD last published a non-positive price, 0, at 1000 ms"),
                SOURCE.read(observations, 1_000));
    }

    @Test
    void aNegativePriceIsNeverOk() {
        Observations observations = new Observations().publish(FEED, -5, 1_000);
        assertEquals(PriceStatus.MISSING, SOURCE.read(observations, 1_000).status());
    }

    @Test
    void heartbeatPlusGraceIsTheLimit() {
        // MECHANISMS.md §8.1: BTC/USD heartbeat 3,600 s; 60 s of grace -> 3,660,000 ms.
        PushedPriceSource source = PushedPriceSource.withHeartbeat(FEED, 3_600_000, 60_000);
        assertEquals(3_660_000, source.maxAgeMs());
        Observations observations = new Observations().publish(FEED, 500_000, 0);
        assertEquals(PriceStatus.OK, source.read(observations, 3_660_000).status());
        assertEquals(PriceStatus.STALE, source.read(observations, 3_660_001).status());
    }

    @Test
    void theSourceReadsExactlyItsFeed() {
        assertEquals(List.of(FEED), SOURCE.feeds());
        assertEquals(FEED, SOURCE.feed());
    }

    @Test
    void aNonPositiveMaxAgeIsRefused() {
        assertEquals("BTC-USD: the maximum age must be positive: 0 ms",
                assertThrows(IllegalArgumentException.class, () -> PushedPriceSource.of(FEED, 0)).getMessage());
    }

    @Test
    void aBadHeartbeatOrGraceIsRefused() {
        assertEquals("BTC-USD: the heartbeat must be positive: 0 ms",
                assertThrows(IllegalArgumentException.class, () -> PushedPriceSource.withHeartbeat(FEED, 0, 1)).getMessage());
        assertEquals("BTC-USD: the grace period must not be negative: -1 ms",
                assertThrows(IllegalArgumentException.class, () -> PushedPriceSource.withHeartbeat(FEED, 1, -1)).getMessage());
    }

    @Test
    void aBlankFeedNameIsRefused() {
        assertEquals("a feed name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> PushedPriceSource.of(" ", 1)).getMessage());
        assertThrows(NullPointerException.class, () -> PushedPriceSource.of(null, 1));
    }
}
