package io.fulcrum.oracle.internal;

/**
 * The staleness rule every source here applies to a feed's latest observation (Chainlink's
 * consumer check, MECHANISMS.md §8.1): stale once {@code now − publishTime > maxAge}; an age of
 * exactly {@code maxAge} is fresh, and an observation stamped after {@code now} is fresh.
 */
public final class FeedAge {
    private FeedAge() {}

    /** {@code now − time > maxAgeMs}, without overflow for any two longs. */
    public static boolean isOlderThan(long now, long time, long maxAgeMs) {
        if (now <= time) {
            return false;
        }
        long age = now - time;
        return age < 0 || age > maxAgeMs;   // age < 0: the difference exceeds Long.MAX_VALUE
    }

    /** The age of an observation made at {@code time}, read at {@code now}, for messages. */
    public static String describe(long now, long time) {
        long age = now - time;
        return age < 0 ? "more than " + Long.MAX_VALUE + " ms" : age + " ms";
    }
}
