package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import java.math.RoundingMode;

/**
 * What a pool can take on before an order reaches it: its reserve (GMX's reserve factor, 95 %
 * of the vault's cash backs the notional of the pool's positions, MECHANISMS.md §3.4) and its
 * open-interest limit (Avantis' vault, class and pair caps, §4). An order that shrinks the pool's
 * position, or the traders' open interest, always passes.
 */
final class PoolCapacity {
    private final Ledger ledger;

    PoolCapacity(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Refuses an order of {@code size} on {@code side} from {@code account}'s slot that the pool cannot carry. */
    void require(MarketRuntime market, AccountState account, int slot, Side side, long size) {
        PoolVault vault = market.vault;
        if (vault == null) {
            return;
        }
        requireReserve(market, vault, side, size);
        if (vault.limit != null) {
            requireOpenInterestLimit(market, vault, account.positions[slot], side, size);
        }
    }

    private void requireReserve(MarketRuntime market, PoolVault vault, Side side, long size) {
        long before = vault.poolSize(market);
        long after = before - side.sign() * size; // the pool takes the other side
        if (Math.abs(after) <= Math.abs(before)) {
            return;
        }
        long reserved = Fixed.add(vault.reservedNotional() - PoolVault.reservedNotional(market, before),
                PoolVault.reservedNotional(market, after));
        long tokens = vault.tokenValue();
        long backing = Fixed.ppm(Math.max(tokens, 0), PoolVault.RESERVE_FACTOR_PPM, RoundingMode.FLOOR);
        if (reserved > backing) {
            throw Rejection.of(RejectReason.POOL_RESERVE_EXCEEDED, market.spec.id() + ": the pool would hold "
                    + ledger.settlement().format(reserved) + " of open interest on " + ledger.settlement().format(tokens));
        }
    }

    /** The traders' open interest on {@code side} grows by what the order opens; the limit must allow it. */
    private void requireOpenInterestLimit(MarketRuntime market, PoolVault vault, PositionState position, Side side,
            long size) {
        long held = position == null ? 0 : position.size;
        long closing = held != 0 && Long.signum(held) != side.sign() ? Math.min(size, Math.abs(held)) : 0;
        long opening = size - closing;
        if (opening == 0) {
            return;
        }
        long increase = market.spec.notional(opening, priceOf(market), RoundingMode.CEILING);
        String refusal = vault.limit.refusal(market.spec.id(), increase, id -> openInterest(vault, id, side),
                vault.value(1_000_000));
        if (refusal != null) {
            throw Rejection.of(RejectReason.OPEN_INTEREST_CAP_EXCEEDED, market.spec.id() + ": " + refusal);
        }
    }

    /** The traders' open interest on {@code side} in a market of the vault, at its index; 0 elsewhere. */
    private long openInterest(PoolVault vault, MarketId id, Side side) {
        for (MarketRuntime market : vault.markets) {
            if (market.spec.id().equals(id)) {
                return market.spec.notional(ledger.tradersOpenInterest(market, side), priceOf(market),
                        RoundingMode.CEILING);
            }
        }
        return 0;
    }

    private static long priceOf(MarketRuntime market) {
        return Math.max(market.indexPrice > 0 ? market.indexPrice : market.markPrice, 1);
    }
}
