package io.fulcrum.oracle.internal;

/**
 * One occurrence of a trading session on the timeline: open from {@code openMs} inclusive to
 * {@code closeMs} exclusive, both epoch milliseconds.
 *
 * @param openMs the instant the session opens
 * @param closeMs the instant it closes, after {@code openMs}
 */
public record CalendarInterval(long openMs, long closeMs) {
    /** Whether the session is open at {@code epochMs}. */
    public boolean contains(long epochMs) {
        return openMs <= epochMs && epochMs < closeMs;
    }
}
