package io.fulcrum.api.spi;

/**
 * Watches a market's index and the clock and decides whether the market trades, at what price
 * and with what margin: a circuit breaker that halts or goes reduce-only after a move too large
 * for its interval, a market calendar that holds a stock at its last close over the weekend.
 *
 * <p>A guard keeps its memory in a {@code long[]} of {@link #stateSize()} slots that the venue
 * owns, snapshots and restores, so the guard object itself is immutable and may be shared by
 * venues on different threads. The venue zeroes the slots when it starts.
 *
 * <p>{@link #onIndex} is called with every usable index reading (a price update, or a time tick
 * on {@code AdvanceTime}) and may update the state; {@link #at} must not change anything: the
 * venue calls it to check an order against the market's status at the order's time.
 *
 * <p>Example: a breaker with a 10 % limit per minute sees 100.0 at 12:00:05 and 89.0 at
 * 12:00:40: it returns {@code HALTED} holding 100.0 until its cool-down ends.
 */
public interface OracleGuard {
    /** How many {@code long} slots of state the venue keeps for this guard. */
    default int stateSize() {
        return 0;
    }

    /** The verdict after a usable index reading {@code index} at {@code now}; may update {@code state}. */
    GuardVerdict onIndex(long now, long index, long[] state);

    /** The verdict at {@code now} from {@code state} alone, without changing it. */
    GuardVerdict at(long now, long[] state);
}
