package io.fulcrum.venue.internal;

import io.fulcrum.api.FixedPointOverflowException;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RejectReason;
import java.math.RoundingMode;

/** The market-spec checks every order passes before anything is touched. */
final class OrderRules {
    private OrderRules() {}

    static void requireValidSize(MarketSpec spec, long size) {
        if (!spec.isOnLot(size)) {
            throw Rejection.of(RejectReason.SIZE_NOT_ON_LOT, "size " + size + ", lot " + spec.lotSize() + " in " + spec.id());
        }
        if (size > spec.maxOrderSize()) {
            throw Rejection.of(RejectReason.ABOVE_MAX_ORDER_SIZE,
                    "size " + size + ", maximum " + spec.maxOrderSize() + " in " + spec.id());
        }
    }

    static void requireValidPrice(MarketSpec spec, long price) {
        if (price <= 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_PRICE, "price " + price);
        }
        if (!spec.isOnTick(price)) {
            throw Rejection.of(RejectReason.PRICE_NOT_ON_TICK,
                    "price " + price + ", tick " + spec.tickSize() + " in " + spec.id());
        }
    }

    /** The order's notional rounded up, rejecting notionals that overflow or exceed the venue's bound. */
    static long checkedNotional(MarketSpec spec, long size, long price) {
        long notional;
        try {
            notional = spec.notional(size, price, RoundingMode.CEILING);
        } catch (FixedPointOverflowException e) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "notional of " + size + " at " + price + " in " + spec.id());
        }
        if (notional >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW,
                    "notional " + notional + " of " + size + " at " + price + " is not below 2^60");
        }
        return notional;
    }

    /**
     * The most whole lots whose notional at {@code price} (rounded half-even, as fills are)
     * stays within {@code budget}: a binary search, since notional grows with size.
     */
    static long lotsWithin(MarketSpec spec, long budget, long price) {
        long lot = spec.lotSize();
        long low = 0;
        long high = Math.max(1, Ledger.MAX_AMOUNT / lot / Math.max(1, price));
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            long notional;
            try {
                notional = spec.notional(mid * lot, price, RoundingMode.HALF_EVEN);
            } catch (FixedPointOverflowException e) {
                notional = Long.MAX_VALUE;
            }
            if (notional <= budget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low * lot;
    }

    static void requireMinNotional(MarketSpec spec, long notional) {
        if (notional < spec.minNotional()) {
            throw Rejection.of(RejectReason.BELOW_MIN_NOTIONAL, "notional " + spec.settlement().format(notional)
                    + ", minimum " + spec.settlement().format(spec.minNotional()) + " " + spec.settlement().id());
        }
    }
}
