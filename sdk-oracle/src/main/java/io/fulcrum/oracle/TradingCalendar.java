package io.fulcrum.oracle;

import io.fulcrum.oracle.internal.CalendarRules;
import io.fulcrum.oracle.internal.CalendarSession;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When the market an index follows is open: crypto trades 24/7, a stock only during its
 * exchange's sessions, FX from Sunday evening to Friday evening. Pool venues that list stocks,
 * FX and gold beside crypto (Avantis, MECHANISMS.md §4) must know when the underlying market is
 * closed, because the oracle then stops moving; {@link MarketHoursGuard} decides what the perp
 * does meanwhile.
 *
 * <p>A calendar is a set of weekly sessions in one time zone, each open from its open instant
 * (inclusive) to its close instant (exclusive); holidays, on which no session opens; and early
 * closes, which end the session open at that local date-time. Sessions may cross midnight or a
 * weekend, and keep their local times across daylight-saving changes (java.time with the JDK's
 * zone rules). Overlapping or back-to-back sessions count as one open period.
 *
 * <p>Example: {@code nyseRegularHours(NYSE_HOLIDAYS_2025_2026)} is open on Friday 2025-10-10 at
 * 15:59:59 New York time (19:59:59Z) and closed at 16:00 (20:00Z); on Saturday
 * {@code lastClose} is 2025-10-10T20:00:00Z and {@code nextOpen} is Monday 2025-10-13 09:30
 * (13:30Z). Thanksgiving 2025-11-27 is closed all day.
 *
 * <p>{@link #lastClose} and {@link #nextOpen} search at most 53 weeks
 * (a little over a year) away and return {@link Long#MIN_VALUE} or
 * {@link Long#MAX_VALUE} when they find nothing; {@link #alwaysOpen()} never closes, so it
 * always returns those.
 *
 * <p>Immutable and thread-safe; a {@link Builder} is neither.
 */
public final class TradingCalendar {
    /** Sentinel from {@link #lastClose}: no close found. */
    public static final long NO_CLOSE = Long.MIN_VALUE;
    /** Sentinel from {@link #nextOpen}: no open found. */
    public static final long NO_OPEN = Long.MAX_VALUE;

    /**
     * The days the New York Stock Exchange is closed all day in 2025 and 2026, as NYSE Group
     * published them (observed dates): New Year's Day, Martin Luther King Jr. Day, Washington's
     * Birthday, Good Friday, Memorial Day, Juneteenth, Independence Day (2026-07-03 observed),
     * Labor Day, Thanksgiving and Christmas; plus the unscheduled closure of 2025-01-09, the
     * national day of mourning for President Carter. In date order.
     */
    public static final Set<LocalDate> NYSE_HOLIDAYS_2025_2026 = sortedDates(
            "2025-01-01", "2025-01-09", "2025-01-20", "2025-02-17", "2025-04-18", "2025-05-26", "2025-06-19",
            "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25",
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
            "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25");

    /**
     * The NYSE's 13:00 New York early closes of 2025 and 2026: the day before Independence Day
     * 2025, the days after Thanksgiving, and Christmas Eve. In date order.
     */
    public static final Map<LocalDate, LocalTime> NYSE_EARLY_CLOSES_2025_2026 = earlyClosesAtOnePm(
            "2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24");

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final TradingCalendar ALWAYS_OPEN = new TradingCalendar(null);

    /** null for a calendar that never closes. */
    private final CalendarRules rules;

    private TradingCalendar(CalendarRules rules) {
        this.rules = rules;
    }

    /** A market that never closes: crypto. */
    public static TradingCalendar alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /** A calendar in {@code zone}, whose sessions, holidays and early closes are local to it. */
    public static Builder builder(ZoneId zone) {
        return new Builder(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * NYSE regular trading hours, Monday to Friday 09:30 to 16:00 New York time, closed on
     * {@code holidays} (e.g. {@link #NYSE_HOLIDAYS_2025_2026}); no early closes.
     */
    public static TradingCalendar nyseRegularHours(Set<LocalDate> holidays) {
        return nyseRegularHours(holidays, Map.of());
    }

    /**
     * NYSE regular trading hours closed on {@code holidays} and closing early at the local times
     * in {@code earlyCloses} (e.g. {@link #NYSE_EARLY_CLOSES_2025_2026}).
     */
    public static TradingCalendar nyseRegularHours(Set<LocalDate> holidays, Map<LocalDate, LocalTime> earlyCloses) {
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(earlyCloses, "earlyCloses");
        Builder builder = builder(NEW_YORK);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            builder.weeklySession(day, LocalTime.of(9, 30), day, LocalTime.of(16, 0));
        }
        holidays.forEach(builder::holiday);
        earlyCloses.forEach(builder::earlyClose);
        return builder.build();
    }

    /** The FX week: open from Sunday 17:00 to Friday 17:00 New York time, no holidays. */
    public static TradingCalendar fx24x5() {
        return builder(NEW_YORK)
                .weeklySession(DayOfWeek.SUNDAY, LocalTime.of(17, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0))
                .build();
    }

    /** Whether the market is open at {@code epochMs}: at an open instant yes, at a close instant no. */
    public boolean isOpen(long epochMs) {
        return rules == null || rules.isOpen(epochMs);
    }

    /**
     * The most recent instant at or before {@code epochMs} at which the market closed (epoch
     * ms), or {@link #NO_CLOSE} if none within the search horizon. While the market is open,
     * this is the close before the current session.
     */
    public long lastClose(long epochMs) {
        return rules == null ? NO_CLOSE : rules.lastClose(epochMs);
    }

    /**
     * The first instant at or after {@code epochMs} at which the market opens (epoch ms), or
     * {@link #NO_OPEN} if none within the search horizon. While the market is open, this is the
     * open of the next session after the current one.
     */
    public long nextOpen(long epochMs) {
        return rules == null ? NO_OPEN : rules.nextOpen(epochMs);
    }

    /** Whether this calendar never closes. */
    public boolean isAlwaysOpen() {
        return rules == null;
    }

    @Override
    public String toString() {
        if (rules == null) {
            return "TradingCalendar[always open]";
        }
        return "TradingCalendar[" + rules.zone() + ", " + rules.sessions().size() + " weekly sessions, "
                + rules.holidays().size() + " holidays, " + rules.earlyCloses().size() + " early closes]";
    }

    private static Set<LocalDate> sortedDates(String... dates) {
        TreeSet<LocalDate> set = new TreeSet<>();
        for (String date : dates) {
            set.add(LocalDate.parse(date));
        }
        return Collections.unmodifiableSortedSet(set);
    }

    private static Map<LocalDate, LocalTime> earlyClosesAtOnePm(String... dates) {
        TreeMap<LocalDate, LocalTime> map = new TreeMap<>();
        for (String date : dates) {
            map.put(LocalDate.parse(date), LocalTime.of(13, 0));
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /**
     * Collects weekly sessions, holidays and early closes; {@link #build()} needs at least one
     * session. Not thread-safe.
     */
    public static final class Builder {
        private final ZoneId zone;
        private final List<CalendarSession> sessions = new ArrayList<>();
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Map<LocalDate, LocalTime> earlyCloses = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = zone;
        }

        /**
         * Adds a session every week from {@code openDay} {@code open} to the next
         * {@code closeDay} {@code close} (local): {@code (SUNDAY, 17:00, FRIDAY, 17:00)} lasts
         * five days, {@code (MONDAY, 22:00, TUESDAY, 02:00)} crosses midnight. A session must
         * be shorter than a week and not empty.
         */
        public Builder weeklySession(DayOfWeek openDay, LocalTime open, DayOfWeek closeDay, LocalTime close) {
            sessions.add(new CalendarSession(openDay, open, closeDay, close));
            return this;
        }

        /** No session opens on local date {@code date}. */
        public Builder holiday(LocalDate date) {
            holidays.add(Objects.requireNonNull(date, "holiday"));
            return this;
        }

        /** The session open at local {@code date} {@code close} closes then instead. */
        public Builder earlyClose(LocalDate date, LocalTime close) {
            Objects.requireNonNull(date, "early close date");
            Objects.requireNonNull(close, "early close time");
            LocalTime previous = earlyCloses.putIfAbsent(date, close);
            if (previous != null && !previous.equals(close)) {
                throw new IllegalArgumentException("early close on " + date + " given twice: " + previous + " and " + close);
            }
            return this;
        }

        /** The calendar; fails if no weekly session was added. */
        public TradingCalendar build() {
            if (sessions.isEmpty()) {
                throw new IllegalStateException(
                        "a calendar needs at least one weekly session; use TradingCalendar.alwaysOpen() for 24/7");
            }
            return new TradingCalendar(new CalendarRules(zone, sessions, holidays, earlyCloses));
        }
    }
}
