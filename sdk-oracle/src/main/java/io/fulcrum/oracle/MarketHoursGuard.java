package io.fulcrum.oracle;

import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.OracleGuard;
import io.fulcrum.api.spi.PriceView;
import io.fulcrum.oracle.internal.CalendarText;
import java.util.Objects;

/**
 * Applies an {@link OutOfHoursPolicy} while a market's {@link TradingCalendar} is closed: a
 * tokenized stock listed 24/7 on a pool venue (Avantis, MECHANISMS.md §4) keeps trading over
 * the weekend at its Friday close within a widening band, or goes reduce-only, or follows an
 * out-of-hours reference feed.
 *
 * <p>While the calendar is open the guard is content and remembers every index it sees; the
 * last of them is the "last close" it holds while closed. While closed:
 * <ul>
 *   <li>{@link OutOfHoursPolicy.LastCloseWithWideningBands}: {@code OPEN}, index held at the last
 *       close, band {@code min(max, base + widen × full hours since the calendar's last close)};
 *       the widest band if no close lies within the calendar's search horizon;
 *   <li>{@link OutOfHoursPolicy.ReduceOnly}: {@code REDUCE_ONLY}, index held at the last close;
 *   <li>{@link OutOfHoursPolicy.OutOfHoursReference}: {@code OPEN}, nothing held;
 *   <li>every policy: margin scaled by its closed-market scale;
 *   <li>a holding policy that has never seen an open-market index (the venue started on a
 *       Saturday) halts the market: there is no close to hold.
 * </ul>
 * {@link #at} gives the same verdict as {@link #onIndex} without remembering anything.
 *
 * <p>State, 2 slots: {@code [0]} the last index seen while open ({@code 0} = none yet),
 * {@code [1]} the time it was seen (epoch ms).
 *
 * <p>Example: NYSE calendar, {@code lastCloseWithWideningBands(30_000, 5_000, 100_000)}; the
 * last index on Friday 2025-10-10 before the 16:00 New York close is 250.12 (25,012). On
 * Saturday at 04:00Z, eight full hours after the close at 20:00Z, the verdict is {@code OPEN},
 * held at 25,012, band 3 % + 8 × 0.5 % = 7.0 %: "closed since 2025-10-10T20:00:00Z; held at
 * last close 25012; band 7.0%".
 */
public final class MarketHoursGuard implements OracleGuard {
    private static final int LAST_OPEN_INDEX = 0;
    private static final int LAST_OPEN_TIME = 1;
    private static final int STATE_SIZE = 2;

    private final TradingCalendar calendar;
    private final OutOfHoursPolicy policy;

    private MarketHoursGuard(TradingCalendar calendar, OutOfHoursPolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Guards a market open by {@code calendar}, applying {@code policy} while it is closed. */
    public static MarketHoursGuard of(TradingCalendar calendar, OutOfHoursPolicy policy) {
        return new MarketHoursGuard(calendar, policy);
    }

    /** When the guarded market's underlying is open. */
    public TradingCalendar calendar() {
        return calendar;
    }

    /** What the market does while the calendar is closed. */
    public OutOfHoursPolicy policy() {
        return policy;
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
        if (calendar.isOpen(now)) {
            state[LAST_OPEN_INDEX] = index;
            state[LAST_OPEN_TIME] = now;
            return GuardVerdict.CONTENT;
        }
        return closedVerdict(now, state);
    }

    @Override
    public GuardVerdict at(long now, long[] state) {
        requireState(state);
        return calendar.isOpen(now) ? GuardVerdict.CONTENT : closedVerdict(now, state);
    }

    private GuardVerdict closedVerdict(long now, long[] state) {
        long closedSince = calendar.lastClose(now);
        String closed = closedSince == TradingCalendar.NO_CLOSE ? "closed (no close within the calendar's horizon)"
                : "closed since " + CalendarText.instant(closedSince);
        long scale = policy.closedMarginScalePpm();
        String margin = scale == GuardVerdict.UNSCALED ? "" : "; margin " + CalendarText.multiplier(scale);
        long lastClose = state[LAST_OPEN_INDEX];
        if (policy.holdsLastClose() && lastClose == PriceView.NO_PRICE) {
            return new GuardVerdict(MarketStatus.HALTED, PriceView.NO_PRICE, 0, scale,
                    closed + "; no close price yet" + margin);
        }
        if (policy instanceof OutOfHoursPolicy.LastCloseWithWideningBands bands) {
            long band = closedSince == TradingCalendar.NO_CLOSE ? bands.maxBandPpm() : bands.bandPpm(now - closedSince);
            return new GuardVerdict(MarketStatus.OPEN, lastClose, band, scale,
                    closed + "; held at last close " + lastClose + "; band " + CalendarText.percent(band) + margin);
        }
        if (policy instanceof OutOfHoursPolicy.ReduceOnly) {
            return new GuardVerdict(MarketStatus.REDUCE_ONLY, lastClose, 0, scale,
                    closed + "; reduce-only, held at last close " + lastClose + margin);
        }
        return new GuardVerdict(MarketStatus.OPEN, PriceView.NO_PRICE, 0, scale,
                closed + "; following the out-of-hours reference" + margin);
    }

    private static void requireState(long[] state) {
        if (state.length < STATE_SIZE) {
            throw new IllegalArgumentException("a market-hours guard needs " + STATE_SIZE + " state slots, got " + state.length);
        }
    }

    @Override
    public String toString() {
        return "MarketHoursGuard[" + calendar + ", " + policy + "]";
    }
}
