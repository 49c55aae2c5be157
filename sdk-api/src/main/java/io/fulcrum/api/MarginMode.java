package io.fulcrum.api;

/**
 * How an account's margin backs its positions.
 *
 * <ul>
 *   <li>{@link #CROSS}: one account value backs every position (MECHANISMS.md §1.3, §2.2).
 *   <li>{@link #ISOLATED}: the account is a sub-account that trades one market only, so its
 *       margin belongs to that one position (dYdX v4 keeps isolated positions in their own
 *       subaccounts, §2.2). Margin is added and removed by transfers with the owner's main
 *       account; when the position closes, what is left returns to the main account.
 *   <li>{@link #STRICT_ISOLATED}: as isolated, but margin cannot be taken out while the position
 *       is open; it is released to the main account pro rata as the position shrinks
 *       (Hyperliquid's "strict isolated", §1.3).
 * </ul>
 *
 * <p>Example: owner 7 opens sub-account 7/1, sets it {@code ISOLATED} on BTC-PERP, transfers
 * 1,000 USDC into it and buys 0.1 BTC: a crash can take at most those 1,000 USDC, and the
 * positions of 7/0 are not touched by its liquidation.
 */
public enum MarginMode {
    /** One account value backs all positions. */
    CROSS,
    /** A sub-account for one market; margin moves freely with the owner's main account. */
    ISOLATED,
    /** A sub-account for one market; margin is locked while the position is open and released pro rata. */
    STRICT_ISOLATED;

    /** True for both isolated modes. */
    public boolean isIsolated() {
        return this != CROSS;
    }
}
