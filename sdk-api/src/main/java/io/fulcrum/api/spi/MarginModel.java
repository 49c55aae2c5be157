package io.fulcrum.api.spi;

/**
 * Computes an account's equity and its initial and maintenance requirements from its balances,
 * positions and resting orders at the venue's prices. Isolated, cross and portfolio margin are
 * different implementations.
 *
 * <p>The venue asks before an order (is the initial requirement met if it and every resting
 * order filled at their limit prices?), before a withdrawal (is it met afterwards?), at each
 * fill (the maker's post-trade check) and after each price move (is maintenance breached?).
 *
 * <p>Example, cross margin at 5 % initial / 3 % maintenance: long 1 BTC at mark 48,000 with a
 * cash balance of 10,000 and cost 50,000 has equity 8,000, initial 2,400, maintenance 1,440.
 */
public interface MarginModel {
    /** Evaluates {@code account} at {@code prices}. */
    MarginState evaluate(AccountView account, PriceView prices);
}
