package io.fulcrum.oracle;

import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.oracle.internal.BreakerMove;
import io.fulcrum.oracle.internal.CalendarText;
import java.util.Objects;

/**
 * Stops a market whose index moves too far within an interval, the way exchanges' price limits
 * and perp venues' oracle circuit breakers do: a jump larger than any plausible move is more
 * likely a broken feed or a manipulation than news, and liquidating accounts at it would be
 * worse than pausing (compare the deviation checks of MECHANISMS.md §8.1 and the outlier
 * resistance of §8.2). The market goes {@code HALTED} or {@code REDUCE_ONLY} at its last
 * accepted index for a cool-down, then accepts the new level.
 *
 * <p>The rule, for each usable index reading {@code p} at time {@code now}, in this order:
 * <ol>
 *   <li>While a trip is in force and {@code now < trippedUntil}, {@code p} is not accepted: the
 *       verdict is the trip. The first reading with {@code now >= trippedUntil} clears the trip
 *       and becomes the new reference and the last accepted index: the market accepts the new
 *       level.
 *   <li>The first reading ever becomes the reference.
 *   <li>A reading at least {@code intervalMs} after the reference was set starts a new
 *       interval: it is compared with the last accepted index (the index as the interval
 *       began) and, if it does not trip, becomes the new reference.
 *   <li>Any other reading is compared with the reference.
 *   <li>A reading trips when {@code |p − compared| × 10^6 > maxMovePpm × compared}: exactly the
 *       limit is allowed. A trip holds the last accepted index and reports {@code action}
 *       until {@code now + cooldownMs}; otherwise the reading is accepted.
 * </ol>
 * Step 3 departs from a pure "first reading of the interval becomes the reference" rule on
 * purpose: with feeds that publish less often than {@code intervalMs}, every reading would start
 * a new interval and the breaker could never trip.
 *
 * <p>{@link #at} reports the trip while {@code now < trippedUntil}, else it is content.
 *
 * <p>State, 7 slots: {@code [0]} reference index ({@code 0} = none yet), {@code [1]} time the
 * reference was set, {@code [2]} last accepted index, {@code [3]} 1 while a trip is in force,
 * {@code [4]} trippedUntil (epoch ms), {@code [5]} the reading that tripped, {@code [6]} the
 * index it was compared with.
 *
 * <p>Example: 10 % per 60 s, cool-down 5 min, {@code HALTED}. 100.0 (1,000) at t = 0 is the
 * reference; 89.0 at t = 30 s moved |890 − 1,000| × 10^6 = 110,000,000 > 100,000 × 1,000 =
 * 100,000,000 (11 % > 10 %): {@code HALTED} holding 1,000 until t = 330 s. A reading of 880 at
 * t = 330 s is the new reference.
 */
public final class CircuitBreaker implements OracleGuard {
    private static final int REFERENCE = 0;
    private static final int REFERENCE_TIME = 1;
    private static final int LAST_ACCEPTED = 2;
    private static final int TRIPPED = 3;
    private static final int TRIPPED_UNTIL = 4;
    private static final int TRIP_READING = 5;
    private static final int TRIP_COMPARED = 6;
    private static final int STATE_SIZE = 7;

    private final long maxMovePpm;
    private final long intervalMs;
    private final MarketStatus action;
    private final long cooldownMs;

    private CircuitBreaker(Builder builder) {
        this.maxMovePpm = builder.maxMovePpm;
        this.intervalMs = builder.intervalMs;
        this.action = builder.action;
        this.cooldownMs = builder.cooldownMs;
    }

    /** A builder; the maximum move, the interval and the cool-down must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest move allowed within an interval, ppm of the compared index. */
    public long maxMovePpm() {
        return maxMovePpm;
    }

    /** The length of an interval, ms. */
    public long intervalMs() {
        return intervalMs;
    }

    /** What a trip does to the market: {@code REDUCE_ONLY} or {@code HALTED}. */
    public MarketStatus action() {
        return action;
    }

    /** How long a trip lasts, ms. */
    public long cooldownMs() {
        return cooldownMs;
    }

    @Override
    public int stateSize() {
        return STATE_SIZE;
    }

    @Override
    public GuardVerdict onIndex(long now, long index, long[] state) {
        requireState(state);
        if (index <= 0) {
            throw new IllegalArgumentException("a usable index is positive: " + index);
        }
        if (state[TRIPPED] != 0) {
            if (now < state[TRIPPED_UNTIL]) {
                return tripVerdict(state);
            }
            state[TRIPPED] = 0;
            return accept(now, index, true, state);
        }
        if (state[REFERENCE] == PriceView.NO_PRICE) {
            return accept(now, index, true, state);
        }
        boolean newInterval = intervalHasEnded(now, state[REFERENCE_TIME]);
        long compared = newInterval ? state[LAST_ACCEPTED] : state[REFERENCE];
        if (BreakerMove.exceeds(index, compared, maxMovePpm)) {
            state[TRIPPED] = 1;
            state[TRIPPED_UNTIL] = saturatedAdd(now, cooldownMs);
            state[TRIP_READING] = index;
            state[TRIP_COMPARED] = compared;
            return tripVerdict(state);
        }
        return accept(now, index, newInterval, state);
    }

    @Override
    public GuardVerdict at(long now, long[] state) {
        requireState(state);
        return state[TRIPPED] != 0 && now < state[TRIPPED_UNTIL] ? tripVerdict(state) : GuardVerdict.CONTENT;
    }

    private static GuardVerdict accept(long now, long index, boolean asReference, long[] state) {
        if (asReference) {
            state[REFERENCE] = index;
            state[REFERENCE_TIME] = now;
        }
        state[LAST_ACCEPTED] = index;
        return GuardVerdict.CONTENT;
    }

    /** {@code now − since >= interval}, without overflow for any two longs. */
    private boolean intervalHasEnded(long now, long since) {
        if (now <= since) {
            return false;
        }
        long elapsed = now - since;
        return elapsed < 0 || elapsed >= intervalMs;   // elapsed < 0: the difference exceeds Long.MAX_VALUE
    }

    private GuardVerdict tripVerdict(long[] state) {
        long held = state[LAST_ACCEPTED];
        long reading = state[TRIP_READING];
        long compared = state[TRIP_COMPARED];
        String what = action == MarketStatus.HALTED ? "halted" : "reduce-only";
        String reason = "circuit breaker: " + reading + " moved " + CalendarText.percent(BreakerMove.movePpm(reading, compared))
                + " from " + compared + " (limit " + CalendarText.percent(maxMovePpm) + " per " + intervalMs + " ms); "
                + what + " until " + CalendarText.instant(state[TRIPPED_UNTIL]) + ", held at " + held;
        return new GuardVerdict(action, held, 0, GuardVerdict.UNSCALED, reason);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;   // b > 0, so only upward overflow
    }

    private static void requireState(long[] state) {
        if (state.length < STATE_SIZE) {
            throw new IllegalArgumentException("a circuit breaker needs " + STATE_SIZE + " state slots, got " + state.length);
        }
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + CalendarText.percent(maxMovePpm) + " per " + intervalMs + " ms, " + action
                + " for " + cooldownMs + " ms]";
    }

    /** Collects the breaker's parameters; each setter validates its value. Not thread-safe. */
    public static final class Builder {
        private static final long UNSET = -1;

        private long maxMovePpm = UNSET;
        private long intervalMs = UNSET;
        private MarketStatus action = MarketStatus.HALTED;
        private long cooldownMs = UNSET;

        private Builder() {
        }

        /** The largest allowed move within an interval, ppm (100,000 = 10 %), positive. */
        public Builder maxMovePpm(long maxMovePpm) {
            if (maxMovePpm <= 0) {
                throw new IllegalArgumentException("the maximum move must be positive: " + maxMovePpm + " ppm");
            }
            this.maxMovePpm = maxMovePpm;
            return this;
        }

        /** The interval's length, ms, positive. */
        public Builder intervalMs(long intervalMs) {
            if (intervalMs <= 0) {
                throw new IllegalArgumentException("the interval must be positive: " + intervalMs + " ms");
            }
            this.intervalMs = intervalMs;
            return this;
        }

        /** What a trip does: {@code REDUCE_ONLY} or {@code HALTED} (the default). */
        public Builder action(MarketStatus action) {
            Objects.requireNonNull(action, "action");
            if (action == MarketStatus.OPEN) {
                throw new IllegalArgumentException("a circuit breaker's action must be REDUCE_ONLY or HALTED: " + action);
            }
            this.action = action;
            return this;
        }

        /** How long a trip lasts, ms, positive. */
        public Builder cooldownMs(long cooldownMs) {
            if (cooldownMs <= 0) {
                throw new IllegalArgumentException("the cool-down must be positive: " + cooldownMs + " ms");
            }
            this.cooldownMs = cooldownMs;
            return this;
        }

        /** The breaker; fails if the maximum move, the interval or the cool-down was not set. */
        public CircuitBreaker build() {
            requireSet(maxMovePpm, "maxMovePpm");
            requireSet(intervalMs, "intervalMs");
            requireSet(cooldownMs, "cooldownMs");
            return new CircuitBreaker(this);
        }

        private static void requireSet(long value, String name) {
            if (value == UNSET) {
                throw new IllegalStateException("a circuit breaker needs " + name + "; it was not set");
            }
        }
    }
}
