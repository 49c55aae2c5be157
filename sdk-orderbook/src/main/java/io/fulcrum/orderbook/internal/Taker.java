package io.fulcrum.orderbook.internal;

import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import java.math.RoundingMode;

/**
 * The incoming order while it matches: who it is, its limit, and what it may still take, either
 * a size (limit, iceberg and amended orders) or a quote budget (market orders sized by budget).
 * A {@link Matcher} asks it how much it takes from each maker and tells it what it took; the two
 * kinds differ only there. One instance per matcher, reset for every call, so matching allocates
 * nothing.
 *
 * <p>A budget buys or sells whole lots: from a maker showing {@code cap} at {@code price} it
 * takes {@code min(cap, q)} where {@code q} is the largest multiple of the lot whose notional
 * ({@link MarketSpec#notional}, rounded half-even, as each fill is settled) is within the budget
 * left. Example, BTC-PERP with notional = size × price × 10: a budget of 2,000,000 at a price of
 * 1,000 buys 200 lots (notional exactly 2,000,000); after that fill nothing is left, and the next
 * maker gets 0, which ends matching.
 *
 * <p>A budget that cannot pay for all a maker shows takes its last quantity there: it stops
 * after that, even if what is left would buy one more lot in a fill of its own. Each fill's
 * notional is rounded on its own, so splitting one fill into two could pay less than the whole
 * (ETH-PERP: 3 lots at 1,005 cost 301.5 → 302, but 2 lots then 1 cost 201 + 100.5 → 100 = 301);
 * the book never splits a fill to gain on rounding.
 */
final class Taker {
    private final MarketSpec spec;
    private final long lot;
    private long id;
    private long owner;
    /**
     * The side as a flag, not a {@link Side}: the taker lives long and is reset for every call,
     * and a reference stored in it on every call would pass the garbage collector's write barrier.
     */
    private boolean buy;
    private long limit;
    private boolean byBudget;
    /**
     * A sized taker's size left. A budget taker holds {@link Long#MAX_VALUE} here while it may
     * take more, and 0 once it may not, so {@link #done()} is one comparison for both kinds.
     */
    private long remaining;
    private long budget;

    /** A taker for orders of the market {@code spec}. */
    Taker(MarketSpec spec) {
        this.spec = spec;
        this.lot = spec.lotSize();
    }

    /** Starts a taker of {@code size} limited at {@code limit}. */
    void startSized(long id, long owner, Side side, long limit, long size) {
        start(id, owner, side, limit, false);
        this.remaining = size;
        this.budget = 0;
    }

    /** Starts a taker spending at most {@code budget} settlement units, trading no worse than {@code limit}. */
    void startBudget(long id, long owner, Side side, long limit, long budget) {
        start(id, owner, side, limit, true);
        this.remaining = Long.MAX_VALUE;
        this.budget = budget;
    }

    long id() {
        return id;
    }

    long owner() {
        return owner;
    }

    Side side() {
        return buy ? Side.BUY : Side.SELL;
    }

    long limit() {
        return limit;
    }

    /** The size a sized taker has left: neither filled nor taken away by self-trade prevention. */
    long remaining() {
        return byBudget ? 0 : remaining;
    }

    /** The budget a budget taker has left unspent. */
    long budget() {
        return budget;
    }

    /**
     * True once a sized taker has nothing left, a budget has taken its last quantity, or
     * self-trade prevention cancelled the taker.
     */
    boolean done() {
        return remaining == 0;
    }

    /**
     * The most this taker takes at {@code price} from makers showing {@code cap} in all: for a
     * size, {@code min(remaining, cap)}; for a budget, see the class comment. 0 means it can take
     * nothing more at this price, which ends matching. Changes nothing.
     */
    long quantityAt(long price, long cap) {
        if (!byBudget) {
            return Math.min(remaining, cap);
        }
        // Fast path: the whole of what shows is affordable (every maker but the last of a budget).
        long lots = cap / lot + (cap % lot == 0 ? 0 : 1);
        if (fits(lots, price)) {
            return cap;
        }
        return largestFitting(price, lots) * lot;
    }

    /**
     * The size this taker still stands for at {@code price}, as self-trade prevention reports it:
     * a sized taker's remaining size; for a budget that may go on, the whole lots its budget buys
     * at that price (0 once it may not).
     */
    long openAt(long price) {
        if (!byBudget) {
            return remaining;
        }
        return remaining == 0 ? 0 : largestFitting(price, Long.MAX_VALUE / lot) * lot;
    }

    /**
     * Records {@code quantity} taken at {@code price}, by a fill or by a self-trade decrement,
     * where {@code offered} was on offer: for a budget, taking less than that was its last take.
     */
    void took(long quantity, long price, long offered) {
        if (byBudget) {
            budget -= spec.notional(quantity, price, RoundingMode.HALF_EVEN);
            endIfShort(quantity, offered);
        } else {
            remaining -= quantity;
        }
    }

    /** For a budget: if {@code quantity} falls short of {@code offered}, the take under way is its last. */
    void endIfShort(long quantity, long offered) {
        if (byBudget && quantity < offered) {
            remaining = 0;
        }
    }

    /** Self-trade prevention cancelled the taker: a sized one keeps nothing, a budget one spends no more. */
    void cancel() {
        remaining = 0;
    }

    private void start(long id, long owner, Side side, long limit, boolean byBudget) {
        this.id = id;
        this.owner = owner;
        this.buy = side == Side.BUY;
        this.limit = limit;
        this.byBudget = byBudget;
    }

    /**
     * The largest number of lots below {@code high} whose notional at {@code price} fits the
     * budget (0 always fits). Gallops up from one lot, then bisects: about twice the log of the
     * answer in notional computations, and never near an overflow unless the budget itself is.
     */
    private long largestFitting(long price, long high) {
        long low = 0;
        long probe = 1;
        while (probe < high && fits(probe, price)) {
            low = probe;
            probe = probe <= high / 2 ? probe << 1 : high;
        }
        if (probe < high) {
            high = probe;
        }
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (fits(mid, price)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** True if {@code lots} lots at {@code price} cost no more than the budget left. */
    private boolean fits(long lots, long price) {
        if (lots > Long.MAX_VALUE / lot) {
            return false;
        }
        try {
            return spec.notional(lots * lot, price, RoundingMode.HALF_EVEN) <= budget;
        } catch (ArithmeticException overflow) {
            // A notional beyond a long exceeds any budget. Only absurd sizes get here.
            return false;
        }
    }
}
