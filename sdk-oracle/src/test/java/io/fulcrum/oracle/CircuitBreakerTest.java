package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.GuardVerdict;
import org.junit.jupiter.api.Test;

/** Prices at one decimal: 100.0 is 1,000. Times in ms from t = 0. */
class CircuitBreakerTest {
    /** 10 % per 60 s, halted for 5 minutes. */
    private static final CircuitBreaker BREAKER = CircuitBreaker.builder()
            .maxMovePpm(100_000).intervalMs(60_000).action(MarketStatus.HALTED).cooldownMs(300_000).build();

    private final long[] state = new long[BREAKER.stateSize()];

    @Test
    void anElevenPercentDropWithinTheIntervalHaltsAtTheLastAcceptedPrice() {
        BREAKER.onIndex(0, 1_000, state);
        // |890 - 1,000| × 10^6 = 110,000,000 > 100,000 × 1,000 = 100,000,000: trips; until 30,000 + 300,000 = 330,000.
        GuardVerdict verdict = BREAKER.onIndex(30_000, 890, state);
        assertEquals(new GuardVerdict(MarketStatus.HALTED, 1_000, 0, GuardVerdict.UNSCALED,
                "circuit breaker: 890 moved 11.0% from 1000 (limit 10.0% per 60000 ms); "
                        + "halted until 1970-01-01T00:05:30Z, held at 1000"), verdict);
    }

    @Test
    void theTripLastsUntilTheCoolDownEnds() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(30_000, 890, state);
        assertEquals(MarketStatus.HALTED, BREAKER.at(329_999, state).status());
        assertEquals(GuardVerdict.CONTENT, BREAKER.at(330_000, state));
    }

    @Test
    void aNinePercentMoveDoesNotTrip() {
        BREAKER.onIndex(0, 1_000, state);
        // 90 × 10^6 = 90,000,000 <= 100,000,000.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(30_000, 910, state));
        assertEquals(GuardVerdict.CONTENT, BREAKER.at(30_000, state));
    }

    @Test
    void exactlyTheLimitIsAllowedAndOneUnitMoreTrips() {
        BREAKER.onIndex(0, 1_000, state);
        // 100 × 10^6 = 100,000,000 is not more than 100,000 × 1,000.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(10_000, 900, state));
        // 101 × 10^6 = 101,000,000 > 100,000,000.
        assertEquals(MarketStatus.HALTED, BREAKER.onIndex(20_000, 899, state).status());
    }

    @Test
    void aRiseTripsLikeAFall() {
        BREAKER.onIndex(0, 1_000, state);
        // 1,101: 10.1 % up.
        assertEquals(MarketStatus.HALTED, BREAKER.onIndex(5_000, 1_101, state).status());
    }

    @Test
    void theHeldPriceIsTheLastAcceptedReadingNotTheReference() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(10_000, 950, state);   // 5 % from the reference: accepted
        // 890 is 11 % from the reference 1,000 (only 6.3 % from 950): trips, holding 950.
        GuardVerdict verdict = BREAKER.onIndex(30_000, 890, state);
        assertEquals(950, verdict.heldPrice());
        assertEquals("circuit breaker: 890 moved 11.0% from 1000 (limit 10.0% per 60000 ms); "
                + "halted until 1970-01-01T00:05:30Z, held at 950", verdict.reason());
    }

    @Test
    void withinAnIntervalReadingsAreComparedWithTheReferenceNotThePreviousReading() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(30_000, 1_090, state);   // +9 %
        // 1,001 is 8.2 % below 1,090 but only 0.1 % above the reference: accepted.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(59_999, 1_001, state));
    }

    @Test
    void aMoveSpreadAcrossTwoIntervalsDoesNotTrip() {
        BREAKER.onIndex(0, 1_000, state);
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(30_000, 950, state));   // 5.0 % from 1,000
        // t = 60 s starts a new interval: 905 vs the last accepted 950 is 4.7 %; 905 becomes the reference.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(60_000, 905, state));
        // 860 vs 905: 45 × 10^6 = 45,000,000 <= 90,500,000 (4.97 %). In all 14 % down in 90 s.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(90_000, 860, state));
    }

    @Test
    void theReadingThatStartsAnIntervalIsComparedWithTheLastAcceptedPrice() {
        // A feed publishing every 2 minutes: 800 at t = 120 s starts a new interval and is 20 % below 1,000.
        BREAKER.onIndex(0, 1_000, state);
        GuardVerdict verdict = BREAKER.onIndex(120_000, 800, state);
        assertEquals(MarketStatus.HALTED, verdict.status());
        assertEquals(1_000, verdict.heldPrice());
    }

    @Test
    void readingsDuringATripAreNotAccepted() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(30_000, 890, state);
        long[] tripped = state.clone();
        GuardVerdict verdict = BREAKER.onIndex(100_000, 1_200, state);
        assertEquals(MarketStatus.HALTED, verdict.status());
        assertEquals(1_000, verdict.heldPrice());
        assertArrayEquals(tripped, state);
    }

    @Test
    void afterTheCoolDownTheNewLevelIsAcceptedAsTheReference() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(30_000, 890, state);   // halted until 330,000
        // The first reading at the cool-down end is accepted, whatever its distance from 1,000.
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(330_000, 880, state));
        assertEquals(GuardVerdict.CONTENT, BREAKER.at(330_000, state));
        // 880 is the reference: 800 is 9.1 % below it (80 × 10^6 = 80,000,000 <= 88,000,000).
        assertEquals(GuardVerdict.CONTENT, BREAKER.onIndex(340_000, 800, state));
        // 790 is 10.2 % below 880 (90,000,000 > 88,000,000): trips again, holding 800.
        GuardVerdict again = BREAKER.onIndex(350_000, 790, state);
        assertEquals(MarketStatus.HALTED, again.status());
        assertEquals(800, again.heldPrice());
    }

    @Test
    void aReduceOnlyBreakerSaysSo() {
        CircuitBreaker breaker = CircuitBreaker.builder()
                .maxMovePpm(50_000).intervalMs(60_000).action(MarketStatus.REDUCE_ONLY).cooldownMs(120_000).build();
        long[] own = new long[breaker.stateSize()];
        breaker.onIndex(0, 1_000, own);
        // 940: 6.0 % > 5 %; reduce-only until 10,000 + 120,000 = 130,000 = 00:02:10.
        assertEquals(new GuardVerdict(MarketStatus.REDUCE_ONLY, 1_000, 0, GuardVerdict.UNSCALED,
                "circuit breaker: 940 moved 6.0% from 1000 (limit 5.0% per 60000 ms); "
                        + "reduce-only until 1970-01-01T00:02:10Z, held at 1000"), breaker.onIndex(10_000, 940, own));
    }

    @Test
    void beforeAnyReadingTheBreakerIsContent() {
        assertEquals(GuardVerdict.CONTENT, BREAKER.at(0, state));
    }

    @Test
    void atNeverChangesTheState() {
        BREAKER.onIndex(0, 1_000, state);
        BREAKER.onIndex(30_000, 890, state);
        long[] before = state.clone();
        BREAKER.at(29_000, state);
        BREAKER.at(400_000, state);
        assertArrayEquals(before, state);
    }

    @Test
    void hugePricesAreComparedWithoutOverflow() {
        long reference = Long.MAX_VALUE / 2;
        BREAKER.onIndex(0, reference, state);
        // A 100 % rise: its product with 10^6 is far beyond 64 bits.
        assertEquals(MarketStatus.HALTED, BREAKER.onIndex(1_000, Long.MAX_VALUE - 1, state).status());
    }

    @Test
    void aCoolDownPastTheEndOfTimeLastsForever() {
        CircuitBreaker breaker = CircuitBreaker.builder().maxMovePpm(100_000).intervalMs(60_000).cooldownMs(Long.MAX_VALUE).build();
        long[] own = new long[breaker.stateSize()];
        breaker.onIndex(0, 1_000, own);
        breaker.onIndex(1_000, 500, own);
        assertEquals(MarketStatus.HALTED, breaker.at(Long.MAX_VALUE - 1, own).status());
    }

    @Test
    void theBuilderDefaultsToHalting() {
        CircuitBreaker breaker = CircuitBreaker.builder().maxMovePpm(100_000).intervalMs(60_000).cooldownMs(300_000).build();
        assertEquals(MarketStatus.HALTED, breaker.action());
        assertEquals(100_000, breaker.maxMovePpm());
        assertEquals(60_000, breaker.intervalMs());
        assertEquals(300_000, breaker.cooldownMs());
        assertEquals(7, breaker.stateSize());
    }

    @Test
    void badParametersAreRefused() {
        CircuitBreaker.Builder builder = CircuitBreaker.builder();
        assertEquals("the maximum move must be positive: 0 ppm",
                assertThrows(IllegalArgumentException.class, () -> builder.maxMovePpm(0)).getMessage());
        assertEquals("the interval must be positive: -1 ms",
                assertThrows(IllegalArgumentException.class, () -> builder.intervalMs(-1)).getMessage());
        assertEquals("the cool-down must be positive: 0 ms",
                assertThrows(IllegalArgumentException.class, () -> builder.cooldownMs(0)).getMessage());
        assertEquals("a circuit breaker's action must be REDUCE_ONLY or HALTED: OPEN",
                assertThrows(IllegalArgumentException.class, () -> builder.action(MarketStatus.OPEN)).getMessage());
        assertThrows(NullPointerException.class, () -> builder.action(null));
    }

    @Test
    void unsetParametersAreRefused() {
        assertEquals("a circuit breaker needs maxMovePpm; it was not set", assertThrows(IllegalStateException.class,
                () -> CircuitBreaker.builder().intervalMs(1).cooldownMs(1).build()).getMessage());
        assertEquals("a circuit breaker needs intervalMs; it was not set", assertThrows(IllegalStateException.class,
                () -> CircuitBreaker.builder().maxMovePpm(1).cooldownMs(1).build()).getMessage());
        assertEquals("a circuit breaker needs cooldownMs; it was not set", assertThrows(IllegalStateException.class,
                () -> CircuitBreaker.builder().maxMovePpm(1).intervalMs(1).build()).getMessage());
    }

    @Test
    void badInputsAreRefused() {
        assertEquals("a circuit breaker needs 7 state slots, got 6",
                assertThrows(IllegalArgumentException.class, () -> BREAKER.at(0, new long[6])).getMessage());
        assertEquals("a usable index is positive: -5",
                assertThrows(IllegalArgumentException.class, () -> BREAKER.onIndex(0, -5, state)).getMessage());
    }
}
