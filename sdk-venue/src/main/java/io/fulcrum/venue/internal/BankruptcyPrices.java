package io.fulcrum.venue.internal;

import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.spi.MarginState;
import java.math.RoundingMode;

/**
 * The prices at which an account whose equity is below zero ends at exactly zero if its positions
 * are closed there: its deficit is shared between its positions by notional at mark, and each
 * position's price moves against its counterparty by its share per unit of size
 * ({@code mark + share / |size|} for a long, {@code mark − share / |size|} for a short). Both
 * auto-deleveraging (BitMEX, Binance, dYdX, §1.5, §2.4, §5.3) and Binance's insurance takeover
 * (§9) close a bankrupt position at this price. The move is rounded up, so the account keeps at
 * most a fraction of a price unit.
 *
 * <p>Example: equity −810.92 with only a 1.2 BTC long at mark 41,000 (49,200): the long's price is
 * 41,000 + 810.92 / 1.2 = 41,675.77, rounded up to the price unit (0.1): 41,675.8.
 */
final class BankruptcyPrices {
    /** What is done with one bankrupt position. */
    @FunctionalInterface
    interface PositionAction {
        void apply(int slot, MarketRuntime market, PositionState position, long bankruptcyPrice);
    }

    private final long deficit;
    private final long totalNotional;

    private BankruptcyPrices(long deficit, long totalNotional) {
        this.deficit = deficit;
        this.totalNotional = totalNotional;
    }

    /** The account's bankruptcy prices, or null if its equity is not below zero or it holds no priced position. */
    static BankruptcyPrices of(Ledger ledger, AccountState account) {
        MarginState state = ledger.evaluate(account);
        if (state.equity() >= 0) {
            return null;
        }
        long total = 0;
        for (int slot = 0; slot < account.positions.length; slot++) {
            PositionState p = account.positions[slot];
            if (p != null && p.size != 0) {
                total = Fixed.add(total, notionalAtMark(ledger.markets[account.marketOf(slot)], p.size));
            }
        }
        return total == 0 ? null : new BankruptcyPrices(-state.equity(), total);
    }

    /**
     * If {@code account}'s equity is below zero, calls {@code action} for each of its open
     * positions in a priced market that is not halted, with the position's bankruptcy price (all
     * computed before the first action, from the deficit then).
     */
    static void forEachPosition(Ledger ledger, AccountState account, PositionAction action) {
        BankruptcyPrices prices = of(ledger, account);
        if (prices == null) {
            return;
        }
        for (int slot = 0; slot < account.positions.length; slot++) {
            PositionState p = account.positions[slot];
            MarketRuntime market = ledger.markets[account.marketOf(slot)];
            if (p != null && p.size != 0 && market.markPrice > 0 && market.status != MarketStatus.HALTED) {
                action.apply(slot, market, p, prices.priceOf(market, p.size));
            }
        }
    }

    /** The bankruptcy price of the account's position of {@code size} in {@code market}. */
    long priceOf(MarketRuntime market, long size) {
        long mark = market.markPrice;
        long notional = notionalAtMark(market, size);
        long share = Fixed.mulDiv(deficit, notional, totalNotional, RoundingMode.CEILING);
        long move = Fixed.mulDiv(share, mark, notional, RoundingMode.CEILING);
        return size > 0 ? Fixed.add(mark, move) : Math.max(1, mark - move);
    }

    static long notionalAtMark(MarketRuntime market, long size) {
        return market.spec.notional(Math.abs(size), Math.max(market.markPrice, 1), RoundingMode.HALF_EVEN);
    }
}
