package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {
    /** Holidays and early closes of 2025-2026; New York is UTC-4 in summer time (EDT), UTC-5 in winter (EST). */
    private static final TradingCalendar NYSE = TradingCalendar.nyseRegularHours(
            TradingCalendar.NYSE_HOLIDAYS_2025_2026, TradingCalendar.NYSE_EARLY_CLOSES_2025_2026);
    private static final TradingCalendar FX = TradingCalendar.fx24x5();

    private static long ms(String utc) {
        return Instant.parse(utc).toEpochMilli();
    }

    @Test
    void nyseIsOpenOneSecondBeforeTheFridayClose() {
        // Friday 2025-10-10 15:59:59 EDT = 19:59:59Z.
        assertTrue(NYSE.isOpen(ms("2025-10-10T19:59:59Z")));
    }

    @Test
    void nyseIsClosedAtTheCloseInstant() {
        // 16:00 EDT = 20:00Z: sessions are [open, close).
        assertFalse(NYSE.isOpen(ms("2025-10-10T20:00:00Z")));
    }

    @Test
    void nyseIsClosedOnSaturday() {
        assertFalse(NYSE.isOpen(ms("2025-10-11T15:00:00Z")));
    }

    @Test
    void nyseOpensAtTheOpenInstantOnMonday() {
        // Monday 2025-10-13 09:30 EDT = 13:30Z; one millisecond earlier it is closed.
        assertTrue(NYSE.isOpen(ms("2025-10-13T13:30:00Z")));
        assertFalse(NYSE.isOpen(ms("2025-10-13T13:30:00Z") - 1));
    }

    @Test
    void onSaturdayTheLastCloseIsFridayAndTheNextOpenIsMonday() {
        long saturday = ms("2025-10-11T15:00:00Z");
        assertEquals(ms("2025-10-10T20:00:00Z"), NYSE.lastClose(saturday));
        assertEquals(ms("2025-10-13T13:30:00Z"), NYSE.nextOpen(saturday));
    }

    @Test
    void whileOpenTheLastCloseIsThePreviousSessionsAndTheNextOpenIsTheNextSessions() {
        long mondayMidSession = ms("2025-10-13T15:00:00Z");
        assertEquals(ms("2025-10-10T20:00:00Z"), NYSE.lastClose(mondayMidSession));
        assertEquals(ms("2025-10-14T13:30:00Z"), NYSE.nextOpen(mondayMidSession));
    }

    @Test
    void aCloseInstantIsItsOwnLastCloseAndAnOpenInstantItsOwnNextOpen() {
        assertEquals(ms("2025-10-10T20:00:00Z"), NYSE.lastClose(ms("2025-10-10T20:00:00Z")));
        assertEquals(ms("2025-10-13T13:30:00Z"), NYSE.nextOpen(ms("2025-10-13T13:30:00Z")));
    }

    @Test
    void thanksgivingIsClosedAllDay() {
        // 2025-11-27 is a Thursday in EST: 09:30 = 14:30Z, 16:00 = 21:00Z.
        assertFalse(NYSE.isOpen(ms("2025-11-27T14:30:00Z")));
        assertFalse(NYSE.isOpen(ms("2025-11-27T18:00:00Z")));
        assertEquals(ms("2025-11-26T21:00:00Z"), NYSE.lastClose(ms("2025-11-27T18:00:00Z")));
        assertEquals(ms("2025-11-28T14:30:00Z"), NYSE.nextOpen(ms("2025-11-27T18:00:00Z")));
    }

    @Test
    void theDayAfterThanksgivingClosesAtOnePm() {
        // 2025-11-28 13:00 EST = 18:00Z.
        assertTrue(NYSE.isOpen(ms("2025-11-28T17:59:59Z")));
        assertFalse(NYSE.isOpen(ms("2025-11-28T18:00:00Z")));
        assertEquals(ms("2025-11-28T18:00:00Z"), NYSE.lastClose(ms("2025-11-28T20:00:00Z")));
    }

    @Test
    void anEarlyCloseGivenToTheBuilderShortensThatDaysSession() {
        TradingCalendar calendar = TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weeklySession(DayOfWeek.FRIDAY, LocalTime.of(9, 30), DayOfWeek.FRIDAY, LocalTime.of(16, 0))
                .earlyClose(LocalDate.of(2025, 11, 28), LocalTime.of(13, 0))
                .build();
        assertTrue(calendar.isOpen(ms("2025-11-28T17:59:59Z")));
        assertFalse(calendar.isOpen(ms("2025-11-28T18:00:00Z")));
        // The next Friday is a full session again: 15:59 EST = 20:59Z.
        assertTrue(calendar.isOpen(ms("2025-12-05T20:59:00Z")));
    }

    @Test
    void theMondayAfterSpringForwardOpensAt1330Utc() {
        // 2025-03-09 clocks went to EDT (UTC-4): Monday 2025-03-10 09:30 = 13:30Z, 16:00 = 20:00Z.
        assertFalse(NYSE.isOpen(ms("2025-03-10T13:30:00Z") - 1));
        assertTrue(NYSE.isOpen(ms("2025-03-10T13:30:00Z")));
        assertEquals(ms("2025-03-10T20:00:00Z"), NYSE.lastClose(ms("2025-03-10T23:00:00Z")));
        // The Friday before was still EST: 09:30 = 14:30Z, so 14:00Z was closed.
        assertFalse(NYSE.isOpen(ms("2025-03-07T14:00:00Z")));
    }

    @Test
    void theMondayAfterFallBackOpensAt1430Utc() {
        // 2025-11-02 clocks went back to EST (UTC-5): Monday 2025-11-03 09:30 = 14:30Z, 16:00 = 21:00Z.
        assertFalse(NYSE.isOpen(ms("2025-11-03T13:30:00Z")));
        assertFalse(NYSE.isOpen(ms("2025-11-03T14:30:00Z") - 1));
        assertTrue(NYSE.isOpen(ms("2025-11-03T14:30:00Z")));
        assertTrue(NYSE.isOpen(ms("2025-11-03T20:59:59Z")));
        assertEquals(ms("2025-11-03T14:30:00Z"), NYSE.nextOpen(ms("2025-11-01T12:00:00Z")));
    }

    @Test
    void goodFridayAndTheWeekendAreSkippedToMonday() {
        // Thursday 2025-04-17 16:00 EDT = 20:00Z; Good Friday 04-18 closed; Monday 04-21 09:30 EDT = 13:30Z.
        assertEquals(ms("2025-04-21T13:30:00Z"), NYSE.nextOpen(ms("2025-04-17T20:00:00Z")));
        assertEquals(ms("2025-04-17T20:00:00Z"), NYSE.lastClose(ms("2025-04-20T12:00:00Z")));
    }

    @Test
    void fxClosesFridayAt1700NewYorkAndReopensSunday() {
        // EDT in October: Friday 2025-10-10 17:00 = 21:00Z; Sunday 2025-10-12 17:00 = 21:00Z.
        assertTrue(FX.isOpen(ms("2025-10-10T20:59:59Z")));
        assertFalse(FX.isOpen(ms("2025-10-10T21:00:00Z")));
        assertFalse(FX.isOpen(ms("2025-10-11T12:00:00Z")));
        assertFalse(FX.isOpen(ms("2025-10-12T20:59:59Z")));
        assertTrue(FX.isOpen(ms("2025-10-12T21:00:00Z")));
        assertTrue(FX.isOpen(ms("2025-10-15T03:00:00Z")));   // Tuesday night, across midnight
        assertEquals(ms("2025-10-10T21:00:00Z"), FX.lastClose(ms("2025-10-11T12:00:00Z")));
        assertEquals(ms("2025-10-12T21:00:00Z"), FX.nextOpen(ms("2025-10-11T12:00:00Z")));
    }

    @Test
    void fxKeepsNewYorkTimesAcrossTheFallBackWeekend() {
        // Friday 2025-10-31 17:00 EDT = 21:00Z; Sunday 2025-11-02 17:00 EST = 22:00Z.
        assertEquals(ms("2025-10-31T21:00:00Z"), FX.lastClose(ms("2025-11-01T12:00:00Z")));
        assertEquals(ms("2025-11-02T22:00:00Z"), FX.nextOpen(ms("2025-11-01T12:00:00Z")));
        assertFalse(FX.isOpen(ms("2025-11-02T21:30:00Z")));
    }

    @Test
    void aSessionMayCrossMidnightAndTheWeekBoundary() {
        // Sunday 22:00 UTC to Monday 02:00 UTC: the Monday hours belong to the session opened the week before.
        TradingCalendar calendar = TradingCalendar.builder(ZoneOffset.UTC)
                .weeklySession(DayOfWeek.SUNDAY, LocalTime.of(22, 0), DayOfWeek.MONDAY, LocalTime.of(2, 0))
                .build();
        // 2025-10-12 is a Sunday, 2025-10-13 a Monday.
        assertFalse(calendar.isOpen(ms("2025-10-12T21:59:59Z")));
        assertTrue(calendar.isOpen(ms("2025-10-12T22:00:00Z")));
        assertTrue(calendar.isOpen(ms("2025-10-13T01:59:59Z")));
        assertFalse(calendar.isOpen(ms("2025-10-13T02:00:00Z")));
        assertEquals(ms("2025-10-13T02:00:00Z"), calendar.lastClose(ms("2025-10-15T00:00:00Z")));
    }

    @Test
    void anEarlyCloseEndsAMultiDaySessionUntilTheNextOpen() {
        // FX week with Christmas Eve 2025 (Wednesday) closing at 13:00 EST = 18:00Z; reopens Sunday 12-28 17:00 EST = 22:00Z.
        TradingCalendar calendar = TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weeklySession(DayOfWeek.SUNDAY, LocalTime.of(17, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0))
                .earlyClose(LocalDate.of(2025, 12, 24), LocalTime.of(13, 0))
                .build();
        assertTrue(calendar.isOpen(ms("2025-12-24T17:59:59Z")));
        assertFalse(calendar.isOpen(ms("2025-12-24T18:00:00Z")));
        assertFalse(calendar.isOpen(ms("2025-12-26T15:00:00Z")));
        assertEquals(ms("2025-12-24T18:00:00Z"), calendar.lastClose(ms("2025-12-27T00:00:00Z")));
        assertEquals(ms("2025-12-28T22:00:00Z"), calendar.nextOpen(ms("2025-12-24T18:00:00Z")));
    }

    @Test
    void aHolidayCancelsOnlyTheSessionOpeningThatDate() {
        // A holiday on Sunday 2025-12-28 cancels the FX week that opens then; the week before still closes Friday.
        TradingCalendar calendar = TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weeklySession(DayOfWeek.SUNDAY, LocalTime.of(17, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0))
                .holiday(LocalDate.of(2025, 12, 28))
                .build();
        assertTrue(calendar.isOpen(ms("2025-12-26T21:59:59Z")));   // Friday 16:59:59 EST
        assertFalse(calendar.isOpen(ms("2025-12-30T12:00:00Z")));
        assertEquals(ms("2026-01-04T22:00:00Z"), calendar.nextOpen(ms("2025-12-27T00:00:00Z")));
    }

    @Test
    void backToBackSessionsAreOneOpenPeriod() {
        // Monday 00:00 to Tuesday 00:00 and Tuesday 00:00 to Wednesday 00:00 UTC: the Tuesday 00:00 hand-over is no close.
        TradingCalendar calendar = TradingCalendar.builder(ZoneOffset.UTC)
                .weeklySession(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, DayOfWeek.TUESDAY, LocalTime.MIDNIGHT)
                .weeklySession(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, DayOfWeek.WEDNESDAY, LocalTime.MIDNIGHT)
                .build();
        assertTrue(calendar.isOpen(ms("2025-10-14T00:00:00Z")));
        assertEquals(ms("2025-10-15T00:00:00Z"), calendar.lastClose(ms("2025-10-15T12:00:00Z")));
        assertEquals(ms("2025-10-08T00:00:00Z"), calendar.lastClose(ms("2025-10-14T12:00:00Z")));
        assertEquals(ms("2025-10-20T00:00:00Z"), calendar.nextOpen(ms("2025-10-13T12:00:00Z")));
    }

    @Test
    void aFallBackOverlapUsesTheEarlierOffset() {
        // 2025-11-02 01:30 New York happens twice; the session opens at the first, EDT: 05:30Z (not 06:30Z).
        TradingCalendar calendar = TradingCalendar.builder(ZoneId.of("America/New_York"))
                .weeklySession(DayOfWeek.SUNDAY, LocalTime.of(1, 30), DayOfWeek.SUNDAY, LocalTime.of(3, 0))
                .build();
        assertFalse(calendar.isOpen(ms("2025-11-02T05:29:59Z")));
        assertTrue(calendar.isOpen(ms("2025-11-02T05:30:00Z")));
        // 03:00 EST = 08:00Z.
        assertEquals(ms("2025-11-02T08:00:00Z"), calendar.lastClose(ms("2025-11-02T09:00:00Z")));
    }

    @Test
    void alwaysOpenNeverClosed() {
        TradingCalendar crypto = TradingCalendar.alwaysOpen();
        assertTrue(crypto.isOpen(ms("2025-10-11T15:00:00Z")));
        assertTrue(crypto.isOpen(Long.MIN_VALUE));
        assertEquals(TradingCalendar.NO_CLOSE, crypto.lastClose(ms("2025-10-11T15:00:00Z")));
        assertEquals(TradingCalendar.NO_OPEN, crypto.nextOpen(ms("2025-10-11T15:00:00Z")));
        assertTrue(crypto.isAlwaysOpen());
    }

    @Test
    void noCloseWithinTheSearchHorizonIsReportedAsNoClose() {
        // Only Monday sessions, and 60 Mondays of holidays before 2025-10-13: nothing closed in the last 53 weeks.
        TradingCalendar.Builder builder = TradingCalendar.builder(ZoneOffset.UTC)
                .weeklySession(DayOfWeek.MONDAY, LocalTime.of(9, 0), DayOfWeek.MONDAY, LocalTime.of(17, 0));
        for (int week = 0; week < 60; week++) {
            builder.holiday(LocalDate.of(2025, 10, 13).minusWeeks(week));
        }
        TradingCalendar calendar = builder.build();
        assertEquals(TradingCalendar.NO_CLOSE, calendar.lastClose(ms("2025-10-14T00:00:00Z")));
        assertEquals(ms("2025-10-20T09:00:00Z"), calendar.nextOpen(ms("2025-10-14T00:00:00Z")));
    }

    @Test
    void theNyseHolidaysFollowTheirPublishedRules() {
        TreeSet<LocalDate> expected = new TreeSet<>();
        expected.add(LocalDate.of(2025, 1, 9));   // national day of mourning for President Carter
        for (int year : List.of(2025, 2026)) {
            expected.add(LocalDate.of(year, 1, 1));
            expected.add(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY));      // Martin Luther King Jr. Day
            expected.add(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));     // Washington's Birthday
            expected.add(easterSunday(year).minusDays(2));                     // Good Friday
            expected.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
            expected.add(observed(LocalDate.of(year, 6, 19)));
            expected.add(observed(LocalDate.of(year, 7, 4)));
            expected.add(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));    // Labor Day
            expected.add(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));   // Thanksgiving
            expected.add(observed(LocalDate.of(year, 12, 25)));
        }
        assertEquals(List.copyOf(expected), List.copyOf(TradingCalendar.NYSE_HOLIDAYS_2025_2026));
        // Spot checks by hand: Good Friday 2026 is April 3 (Easter April 5); July 4, 2026 is a Saturday, observed Friday July 3.
        assertTrue(TradingCalendar.NYSE_HOLIDAYS_2025_2026.contains(LocalDate.of(2026, 4, 3)));
        assertTrue(TradingCalendar.NYSE_HOLIDAYS_2025_2026.contains(LocalDate.of(2026, 7, 3)));
    }

    @Test
    void theNyseEarlyClosesAreAllAtOnePm() {
        assertEquals(List.of(LocalDate.of(2025, 7, 3), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 24),
                LocalDate.of(2026, 11, 27), LocalDate.of(2026, 12, 24)),
                List.copyOf(TradingCalendar.NYSE_EARLY_CLOSES_2025_2026.keySet()));
        TradingCalendar.NYSE_EARLY_CLOSES_2025_2026.values().forEach(time -> assertEquals(LocalTime.of(13, 0), time));
    }

    @Test
    void nyseAgreesWithTheLocalClockAtRandomInstants() {
        long seed = 20251010L;
        Random random = new Random(seed);
        ZoneId newYork = ZoneId.of("America/New_York");
        long from = ms("2025-01-01T00:00:00Z");
        long to = ms("2027-01-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            long t = from + (long) (random.nextDouble() * (to - from));
            ZonedDateTime local = Instant.ofEpochMilli(t).atZone(newYork);
            LocalTime close = TradingCalendar.NYSE_EARLY_CLOSES_2025_2026.getOrDefault(local.toLocalDate(), LocalTime.of(16, 0));
            boolean expected = local.getDayOfWeek().getValue() <= 5
                    && !TradingCalendar.NYSE_HOLIDAYS_2025_2026.contains(local.toLocalDate())
                    && !local.toLocalTime().isBefore(LocalTime.of(9, 30)) && local.toLocalTime().isBefore(close);
            String where = "seed " + seed + ", t = " + Instant.ofEpochMilli(t);
            assertEquals(expected, NYSE.isOpen(t), where);
            long lastClose = NYSE.lastClose(t);
            assertTrue(lastClose <= t && !NYSE.isOpen(lastClose) && NYSE.isOpen(lastClose - 1), where + ", last close");
            long nextOpen = NYSE.nextOpen(t);
            assertTrue(nextOpen >= t && NYSE.isOpen(nextOpen) && !NYSE.isOpen(nextOpen - 1), where + ", next open");
            if (!expected) {
                // Closed between the last close and the next open; the calendar is closed 1 ms before reopening.
                assertTrue(lastClose <= t && t < nextOpen, where + ", closed period");
            }
        }
    }

    @Test
    void anEmptySessionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TradingCalendar.builder(ZoneOffset.UTC)
                .weeklySession(DayOfWeek.MONDAY, LocalTime.NOON, DayOfWeek.MONDAY, LocalTime.NOON));
        assertEquals("a weekly session must not be empty (or a whole week): MONDAY 12:00 to MONDAY 12:00; "
                + "use TradingCalendar.alwaysOpen() for a market that never closes", e.getMessage());
    }

    @Test
    void aCalendarWithoutSessionsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TradingCalendar.builder(ZoneOffset.UTC).build());
        assertEquals("a calendar needs at least one weekly session; use TradingCalendar.alwaysOpen() for 24/7", e.getMessage());
    }

    @Test
    void twoDifferentEarlyClosesOnOneDateAreRefused() {
        TradingCalendar.Builder builder = TradingCalendar.builder(ZoneOffset.UTC)
                .earlyClose(LocalDate.of(2025, 12, 24), LocalTime.of(13, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.earlyClose(LocalDate.of(2025, 12, 24), LocalTime.of(14, 0)));
        assertEquals("early close on 2025-12-24 given twice: 13:00 and 14:00", e.getMessage());
    }

    @Test
    void missingValuesAreRefused() {
        assertThrows(NullPointerException.class, () -> TradingCalendar.builder(null));
        TradingCalendar.Builder builder = TradingCalendar.builder(ZoneOffset.UTC);
        assertThrows(NullPointerException.class, () -> builder.weeklySession(null, LocalTime.NOON, DayOfWeek.MONDAY, LocalTime.MIDNIGHT));
        assertThrows(NullPointerException.class, () -> builder.holiday(null));
        assertThrows(NullPointerException.class, () -> builder.earlyClose(LocalDate.of(2025, 1, 2), null));
        assertThrows(NullPointerException.class, () -> TradingCalendar.nyseRegularHours(null));
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }

    /** A Saturday holiday is observed the Friday before, a Sunday one the Monday after (NYSE Rule 7.2). */
    private static LocalDate observed(LocalDate date) {
        switch (date.getDayOfWeek()) {
            case SATURDAY:
                return date.minusDays(1);
            case SUNDAY:
                return date.plusDays(1);
            default:
                return date;
        }
    }

    /** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
