package io.fulcrum.oracle.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The session occurrences that open in one local week, remembered by {@link CalendarRules} so
 * that repeated questions about the same week skip the time-zone arithmetic.
 *
 * @param monday the local Monday the week starts on
 * @param intervals the occurrences opening that week, immutable
 */
record CalendarWeek(LocalDate monday, List<CalendarInterval> intervals) {
    CalendarWeek {
        intervals = List.copyOf(intervals);
    }
}
