package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.PriceView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketHoursGuardTest {
    private static final TradingCalendar NYSE = TradingCalendar.nyseRegularHours(TradingCalendar.NYSE_HOLIDAYS_2025_2026);
    /** ±3.0 % at the close, +0.5 % per full hour, at most ±10.0 %. */
    private static final OutOfHoursPolicy BANDS = OutOfHoursPolicy.lastCloseWithWideningBands(30_000, 5_000, 100_000);

    /** Friday 2025-10-10 15:59:30 EDT (UTC-4): the last reading before the 16:00 close at 20:00Z. */
    private static final long FRIDAY_LAST_READING = ms("2025-10-10T19:59:30Z");
    private static final long FRIDAY_CLOSE = ms("2025-10-10T20:00:00Z");
    private static final long SATURDAY_0400Z = ms("2025-10-11T04:00:00Z");

    private static long ms(String utc) {
        return Instant.parse(utc).toEpochMilli();
    }

    /** A guard's state after 250.00 at 15:00 EDT and 250.12 at 15:59:30 EDT on Friday. */
    private static long[] stateAfterFriday(MarketHoursGuard guard) {
        long[] state = new long[guard.stateSize()];
        guard.onIndex(ms("2025-10-10T19:00:00Z"), 25_000, state);
        guard.onIndex(FRIDAY_LAST_READING, 25_012, state);
        return state;
    }

    @Test
    void whileOpenTheGuardIsContentAndRemembersTheIndexAndItsTime() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = new long[guard.stateSize()];
        assertEquals(GuardVerdict.CONTENT, guard.onIndex(FRIDAY_LAST_READING, 25_012, state));
        assertArrayEquals(new long[] {25_012, FRIDAY_LAST_READING}, state);
        assertEquals(GuardVerdict.CONTENT, guard.at(FRIDAY_LAST_READING, state));
    }

    @Test
    void overTheWeekendTheIndexIsHeldAtTheLastCloseWithABandWidenedPerFullHour() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        // Saturday 04:00Z is 8 full hours after 20:00Z: band = 30,000 + 8 × 5,000 = 70,000 ppm = 7.0 %.
        GuardVerdict verdict = guard.onIndex(SATURDAY_0400Z, 26_000, state);
        assertEquals(new GuardVerdict(MarketStatus.OPEN, 25_012, 70_000, GuardVerdict.UNSCALED,
                "closed since 2025-10-10T20:00:00Z; held at last close 25012; band 7.0%"), verdict);
    }

    @Test
    void readingsWhileClosedAreNotRemembered() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        guard.onIndex(SATURDAY_0400Z, 26_000, state);
        assertArrayEquals(new long[] {25_012, FRIDAY_LAST_READING}, state);
    }

    @Test
    void theBandIsTheBaseUntilTheFirstFullHourHasPassed() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        assertEquals(30_000, guard.at(FRIDAY_CLOSE, state).priceBandPpm());
        assertEquals(30_000, guard.at(FRIDAY_CLOSE + 3_600_000 - 1, state).priceBandPpm());
        // One full hour: 30,000 + 5,000.
        assertEquals(35_000, guard.at(FRIDAY_CLOSE + 3_600_000, state).priceBandPpm());
    }

    @Test
    void theBandStopsWideningAtItsMaximum() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        // Monday 12:00Z is 64 h after the close: 30,000 + 64 × 5,000 = 350,000 > 100,000, so 100,000 (10.0 %).
        GuardVerdict verdict = guard.at(ms("2025-10-13T12:00:00Z"), state);
        assertEquals(100_000, verdict.priceBandPpm());
        assertEquals("closed since 2025-10-10T20:00:00Z; held at last close 25012; band 10.0%", verdict.reason());
    }

    @Test
    void atGivesTheClosedVerdictWithoutChangingTheState() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        long[] before = state.clone();
        assertEquals(guard.onIndex(SATURDAY_0400Z, 26_000, state.clone()), guard.at(SATURDAY_0400Z, state));
        assertArrayEquals(before, state);
    }

    @Test
    void reduceOnlyHoldsTheLastClose() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, OutOfHoursPolicy.reduceOnly());
        long[] state = stateAfterFriday(guard);
        assertEquals(new GuardVerdict(MarketStatus.REDUCE_ONLY, 25_012, 0, GuardVerdict.UNSCALED,
                "closed since 2025-10-10T20:00:00Z; reduce-only, held at last close 25012"), guard.at(SATURDAY_0400Z, state));
    }

    @Test
    void theOutOfHoursReferenceHoldsNothingButWidensMargin() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE,
                OutOfHoursPolicy.outOfHoursReference().withClosedMarginScalePpm(1_500_000));
        long[] state = stateAfterFriday(guard);
        assertEquals(new GuardVerdict(MarketStatus.OPEN, PriceView.NO_PRICE, 0, 1_500_000,
                "closed since 2025-10-10T20:00:00Z; following the out-of-hours reference; margin 1.5x"),
                guard.onIndex(SATURDAY_0400Z, 26_000, state));
    }

    @Test
    void marginIsScaledOnlyWhileClosed() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS.withClosedMarginScalePpm(1_500_000));
        long[] state = stateAfterFriday(guard);
        GuardVerdict closed = guard.at(SATURDAY_0400Z, state);
        assertEquals(1_500_000, closed.marginScalePpm());
        assertEquals("closed since 2025-10-10T20:00:00Z; held at last close 25012; band 7.0%; margin 1.5x", closed.reason());
        assertEquals(GuardVerdict.CONTENT, guard.at(FRIDAY_LAST_READING, state));
    }

    @Test
    void aVenueStartedOnSaturdayHaltsUnderAHoldingPolicy() {
        long[] empty = new long[2];
        MarketHoursGuard bands = MarketHoursGuard.of(NYSE, BANDS);
        assertEquals(GuardVerdict.status(MarketStatus.HALTED, "closed since 2025-10-10T20:00:00Z; no close price yet"),
                bands.onIndex(SATURDAY_0400Z, 26_000, empty));
        MarketHoursGuard reduceOnly = MarketHoursGuard.of(NYSE, OutOfHoursPolicy.reduceOnly());
        assertEquals(MarketStatus.HALTED, reduceOnly.at(SATURDAY_0400Z, empty).status());
    }

    @Test
    void aVenueStartedOnSaturdayFollowsTheOutOfHoursReference() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, OutOfHoursPolicy.outOfHoursReference());
        assertEquals(MarketStatus.OPEN, guard.at(SATURDAY_0400Z, new long[2]).status());
    }

    @Test
    void theFirstReadingOfTheNextSessionReplacesTheLastClose() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        long[] state = stateAfterFriday(guard);
        long mondayOpen = ms("2025-10-13T13:30:00Z");   // 09:30 EDT
        assertEquals(GuardVerdict.CONTENT, guard.onIndex(mondayOpen, 25_300, state));
        assertArrayEquals(new long[] {25_300, mondayOpen}, state);
        // Monday 16:00 EDT = 20:00Z; at 21:00Z a full hour later: held at 25,300, band 3.5 %.
        GuardVerdict verdict = guard.at(ms("2025-10-13T21:00:00Z"), state);
        assertEquals(25_300, verdict.heldPrice());
        assertEquals(35_000, verdict.priceBandPpm());
    }

    @Test
    void anAlwaysOpenCalendarIsAlwaysContent() {
        MarketHoursGuard guard = MarketHoursGuard.of(TradingCalendar.alwaysOpen(), OutOfHoursPolicy.reduceOnly());
        assertEquals(GuardVerdict.CONTENT, guard.at(SATURDAY_0400Z, new long[2]));
    }

    @Test
    void theVerdictCombinesWithOtherGuards() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, OutOfHoursPolicy.reduceOnly().withClosedMarginScalePpm(2_000_000));
        long[] state = stateAfterFriday(guard);
        GuardVerdict both = GuardVerdict.status(MarketStatus.HALTED, "breaker").and(guard.at(SATURDAY_0400Z, state));
        assertEquals(MarketStatus.HALTED, both.status());
        assertEquals(25_012, both.heldPrice());
        assertEquals(2_000_000, both.marginScalePpm());
    }

    @Test
    void bandPoliciesValidateTheirValues() {
        assertEquals("the base band must be positive: 0 ppm", assertThrows(IllegalArgumentException.class,
                () -> OutOfHoursPolicy.lastCloseWithWideningBands(0, 5_000, 100_000)).getMessage());
        assertEquals("the hourly widening must not be negative: -1 ppm", assertThrows(IllegalArgumentException.class,
                () -> OutOfHoursPolicy.lastCloseWithWideningBands(30_000, -1, 100_000)).getMessage());
        assertEquals("the maximum band, 20000 ppm, is narrower than the base band, 30000 ppm",
                assertThrows(IllegalArgumentException.class,
                        () -> OutOfHoursPolicy.lastCloseWithWideningBands(30_000, 5_000, 20_000)).getMessage());
    }

    @Test
    void aClosedMarginScaleBelowOneIsRefused() {
        String message = "the closed-market margin scale must be at least 1,000,000 ppm (1x): 999999 ppm";
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> OutOfHoursPolicy.reduceOnly().withClosedMarginScalePpm(999_999)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> OutOfHoursPolicy.outOfHoursReference().withClosedMarginScalePpm(999_999)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> BANDS.withClosedMarginScalePpm(999_999)).getMessage());
    }

    @Test
    void aBandThatCannotWidenStaysAtTheBase() {
        OutOfHoursPolicy.LastCloseWithWideningBands fixed = OutOfHoursPolicy.lastCloseWithWideningBands(30_000, 0, 30_000);
        assertEquals(30_000, fixed.bandPpm(Long.MAX_VALUE));
    }

    @Test
    void aVeryLongClosureDoesNotOverflowTheBand() {
        OutOfHoursPolicy.LastCloseWithWideningBands bands =
                OutOfHoursPolicy.lastCloseWithWideningBands(1, Long.MAX_VALUE / 2, Long.MAX_VALUE);
        // 1 + (2^62 - 1) × 1 h fits; 2 h would exceed Long.MAX_VALUE, so the cap.
        assertEquals(1 + Long.MAX_VALUE / 2, bands.bandPpm(3_600_000));
        assertEquals(Long.MAX_VALUE, bands.bandPpm(7_200_000));
    }

    @Test
    void badInputsAreRefused() {
        MarketHoursGuard guard = MarketHoursGuard.of(NYSE, BANDS);
        assertEquals(2, guard.stateSize());
        assertEquals("a market-hours guard needs 2 state slots, got 1",
                assertThrows(IllegalArgumentException.class, () -> guard.at(0, new long[1])).getMessage());
        assertEquals("a usable index is positive: 0",
                assertThrows(IllegalArgumentException.class, () -> guard.onIndex(FRIDAY_LAST_READING, 0, new long[2])).getMessage());
        assertThrows(NullPointerException.class, () -> MarketHoursGuard.of(null, BANDS));
        assertThrows(NullPointerException.class, () -> MarketHoursGuard.of(NYSE, null));
    }
}
