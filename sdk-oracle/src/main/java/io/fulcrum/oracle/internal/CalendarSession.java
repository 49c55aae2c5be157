package io.fulcrum.oracle.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly trading session of a calendar, in the calendar's local time: it opens on
 * {@code openDay} at {@code open} and closes at the first {@code closeDay} {@code close} after
 * that. A session may cross midnight or a weekend: FX opens Sunday 17:00 and closes Friday
 * 17:00 New York time, 5 days later.
 *
 * <p>Durations are measured on the local clock, so a session keeps its local open and close
 * times across a daylight-saving change (it is an hour shorter or longer in real time).
 *
 * @param openDay the local day the session opens
 * @param open the local time it opens (inclusive)
 * @param closeDay the local day it closes
 * @param close the local time it closes (exclusive)
 */
public record CalendarSession(DayOfWeek openDay, LocalTime open, DayOfWeek closeDay, LocalTime close) {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final long NANOS_PER_WEEK = 7 * NANOS_PER_DAY;

    public CalendarSession {
        Objects.requireNonNull(openDay, "openDay");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(closeDay, "closeDay");
        Objects.requireNonNull(close, "close");
        if (weekPosition(openDay, open) == weekPosition(closeDay, close)) {
            throw new IllegalArgumentException("a weekly session must not be empty (or a whole week): " + openDay + " "
                    + open + " to " + closeDay + " " + close + "; use TradingCalendar.alwaysOpen() for a market that never closes");
        }
    }

    /** The local moment this session opens in the week starting on {@code monday}. */
    public LocalDateTime openIn(LocalDate monday) {
        return monday.plusDays(openDay.getValue() - 1L).atTime(open);
    }

    /** The local moment a session that opened at {@code opened} closes (ignoring early closes). */
    public LocalDateTime closeAfter(LocalDateTime opened) {
        return opened.plusNanos(localDurationNanos());
    }

    /** The local-clock length of the session, in (0, one week). */
    long localDurationNanos() {
        return Math.floorMod(weekPosition(closeDay, close) - weekPosition(openDay, open), NANOS_PER_WEEK);
    }

    /** Nanoseconds from Monday 00:00 to {@code day} {@code time}. */
    private static long weekPosition(DayOfWeek day, LocalTime time) {
        return (day.getValue() - 1L) * NANOS_PER_DAY + time.toNanoOfDay();
    }
}
