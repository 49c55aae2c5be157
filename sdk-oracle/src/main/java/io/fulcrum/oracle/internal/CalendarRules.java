package io.fulcrum.oracle.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The timeline of a trading calendar with weekly sessions, holidays and early closes: which
 * instants are open, and where the nearest close and open lie.
 *
 * <p>Each week (Monday to Sunday, local) every session yields one occurrence, unless its local
 * open date is a holiday. An early close at local date-time {@code E} cuts the occurrence that
 * is open at {@code E} (open before {@code E}, closing after) so that it closes at {@code E};
 * the market then stays closed until the next occurrence opens. Local date-times become
 * instants by the zone's rules ({@link ZonedDateTime#of}): in a spring-forward gap a time moves
 * later by the gap, in a fall-back overlap the earlier offset is used.
 *
 * <p>The calendar is open at an instant when any occurrence contains it, so overlapping or
 * back-to-back sessions form one open period: a close counts only if the calendar is closed at
 * that instant, an open only if it was closed the millisecond before.
 *
 * <p>Why the week-by-week search is bounded: a session lasts less than a week, so an occurrence
 * opened two weeks before an instant's week has closed before that week starts.
 */
public final class CalendarRules {
    /** How far {@link #lastClose} and {@link #nextOpen} search: 53 weeks, a little over a year. */
    public static final int SEARCH_HORIZON_WEEKS = 53;
    private static final int WEEK_MEMO_SLOTS = 8;

    private final ZoneId zone;
    private final List<CalendarSession> sessions;
    private final NavigableSet<LocalDate> holidays;
    private final NavigableMap<LocalDate, LocalTime> earlyCloses;
    /**
     * A memo of recently computed weeks, by week number modulo its length. It never changes an
     * answer, only saves work: a slot is a fully built immutable value (final fields), so a
     * thread that sees a stale or missing slot just computes the week again.
     */
    private final CalendarWeek[] recentWeeks = new CalendarWeek[WEEK_MEMO_SLOTS];

    public CalendarRules(ZoneId zone, List<CalendarSession> sessions, Set<LocalDate> holidays,
            Map<LocalDate, LocalTime> earlyCloses) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sessions = List.copyOf(sessions);
        if (this.sessions.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one weekly session");
        }
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        this.earlyCloses = Collections.unmodifiableNavigableMap(new TreeMap<>(earlyCloses));
    }

    public ZoneId zone() {
        return zone;
    }

    public List<CalendarSession> sessions() {
        return sessions;
    }

    public NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    public NavigableMap<LocalDate, LocalTime> earlyCloses() {
        return earlyCloses;
    }

    /** Whether some session occurrence contains {@code epochMs}. */
    public boolean isOpen(long epochMs) {
        LocalDate monday = mondayOf(epochMs);
        for (int week = -2; week <= 0; week++) {
            for (CalendarInterval interval : openingInWeek(monday.plusWeeks(week))) {
                if (interval.contains(epochMs)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The latest instant at or before {@code epochMs} at which the calendar went from open to
     * closed, or {@link Long#MIN_VALUE} if there is none within {@link #SEARCH_HORIZON_WEEKS}.
     */
    public long lastClose(long epochMs) {
        LocalDate monday = mondayOf(epochMs);
        long best = Long.MIN_VALUE;
        for (int week = 0; week > -SEARCH_HORIZON_WEEKS; week--) {
            boolean found = best != Long.MIN_VALUE;
            for (CalendarInterval interval : openingInWeek(monday.plusWeeks(week))) {
                long close = interval.closeMs();
                if (close <= epochMs && close > best && !isOpen(close)) {
                    best = close;
                }
            }
            if (found) {
                // Occurrences opened two weeks before the best one's week closed before it opened.
                return best;
            }
        }
        return best;
    }

    /**
     * The earliest instant at or after {@code epochMs} at which the calendar goes from closed to
     * open, or {@link Long#MAX_VALUE} if there is none within {@link #SEARCH_HORIZON_WEEKS}.
     */
    public long nextOpen(long epochMs) {
        LocalDate monday = mondayOf(epochMs);
        for (int week = -1; week < SEARCH_HORIZON_WEEKS; week++) {
            long best = Long.MAX_VALUE;
            for (CalendarInterval interval : openingInWeek(monday.plusWeeks(week))) {
                long open = interval.openMs();
                if (open >= epochMs && open < best && !isOpen(open - 1)) {
                    best = open;
                }
            }
            if (best != Long.MAX_VALUE) {
                // Every occurrence of a later week opens later on the local clock.
                return best;
            }
        }
        return Long.MAX_VALUE;
    }

    /** The occurrences of the sessions that open in the local week starting {@code monday}. */
    List<CalendarInterval> openingInWeek(LocalDate monday) {
        int slot = (int) Math.floorMod(Math.floorDiv(monday.toEpochDay(), 7), (long) WEEK_MEMO_SLOTS);
        CalendarWeek remembered = recentWeeks[slot];
        if (remembered != null && remembered.monday().equals(monday)) {
            return remembered.intervals();
        }
        CalendarWeek week = new CalendarWeek(monday, computeWeek(monday));
        recentWeeks[slot] = week;
        return week.intervals();
    }

    private List<CalendarInterval> computeWeek(LocalDate monday) {
        List<CalendarInterval> intervals = new ArrayList<>(sessions.size());
        for (CalendarSession session : sessions) {
            LocalDateTime open = session.openIn(monday);
            if (holidays.contains(open.toLocalDate())) {
                continue;
            }
            LocalDateTime close = earliestEarlyCloseWithin(open, session.closeAfter(open));
            long openMs = epochMs(open);
            long closeMs = epochMs(close);
            if (closeMs > openMs) {   // a gap can swallow a tiny session; it then never opens
                intervals.add(new CalendarInterval(openMs, closeMs));
            }
        }
        return intervals;
    }

    private LocalDateTime earliestEarlyCloseWithin(LocalDateTime open, LocalDateTime close) {
        for (Map.Entry<LocalDate, LocalTime> early
                : earlyCloses.subMap(open.toLocalDate(), true, close.toLocalDate(), true).entrySet()) {
            LocalDateTime cut = early.getKey().atTime(early.getValue());
            if (cut.isAfter(open) && cut.isBefore(close)) {
                return cut;   // entries are in date order, so the first cut inside is the earliest
            }
        }
        return close;
    }

    private LocalDate mondayOf(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private long epochMs(LocalDateTime local) {
        return ZonedDateTime.of(local, zone).toInstant().toEpochMilli();
    }
}
