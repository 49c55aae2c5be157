package io.fulcrum.amm;

import io.fulcrum.api.AssetId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the caller observes about the pool's surroundings at one moment: the oracle price of each pool token, the
 * aggregate unrealised PnL of traders' open positions per side, and fees accrued on those positions but not yet
 * paid into the pool (GMX's {@code pendingBorrowingFees}, MECHANISMS.md §3.4). The pool values itself from these.
 *
 * <p>Example: {@code new LpMarks(Map.of(USDC, 1_000_000L), 150_000_000_000L, -20_000_000_000L, 0)}: longs are
 * 150,000 USD in profit, shorts 20,000 USD in loss (a liability of the pool of 130,000 USD before caps).
 *
 * @param prices the price of each token, positive (see {@link LpAsset} for the scale)
 * @param longPnl aggregate unrealised PnL of long positions, settlement units; positive = traders win
 * @param shortPnl aggregate unrealised PnL of short positions, settlement units
 * @param pendingFees fees accrued on open positions and not yet paid, settlement units, non-negative
 */
public record LpMarks(Map<AssetId, Long> prices, long longPnl, long shortPnl, long pendingFees) {
    public LpMarks {
        Objects.requireNonNull(prices, "prices");
        TreeMap<AssetId, Long> copy = new TreeMap<>();
        for (Map.Entry<AssetId, Long> e : prices.entrySet()) {
            AssetId id = Objects.requireNonNull(e.getKey(), "asset id");
            Long price = Objects.requireNonNull(e.getValue(), () -> "price of " + id);
            if (price <= 0) {
                throw new IllegalArgumentException("price of " + id + " must be positive: " + price);
            }
            copy.put(id, price);
        }
        prices = Collections.unmodifiableMap(copy);
        if (longPnl == Long.MIN_VALUE || shortPnl == Long.MIN_VALUE) {
            throw new IllegalArgumentException("trader PnL must not be Long.MIN_VALUE");
        }
        if (pendingFees < 0) {
            throw new IllegalArgumentException("pendingFees must be non-negative: " + pendingFees);
        }
    }

    /** Prices only: no open positions, no pending fees. */
    public static LpMarks prices(Map<AssetId, Long> prices) {
        return new LpMarks(prices, 0, 0, 0);
    }

    /** The price of {@code id}; an {@link IllegalArgumentException} naming it if it is missing. */
    public long price(AssetId id) {
        Long p = prices.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no price for " + id);
        }
        return p;
    }

    /** These marks with other trader PnL and pending fees. */
    public LpMarks withTraders(long newLongPnl, long newShortPnl, long newPendingFees) {
        return new LpMarks(prices, newLongPnl, newShortPnl, newPendingFees);
    }

    /** These marks with the price of {@code id} replaced. */
    public LpMarks withPrice(AssetId id, long price) {
        TreeMap<AssetId, Long> next = new TreeMap<>(prices);
        next.put(id, price);
        return new LpMarks(next, longPnl, shortPnl, pendingFees);
    }
}
