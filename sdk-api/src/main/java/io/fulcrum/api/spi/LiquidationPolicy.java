package io.fulcrum.api.spi;

import java.util.List;

/**
 * Decides what to close when an account's equity falls below its maintenance requirement:
 * everything at once, or only enough to restore health, and at what worst price. The venue
 * sends the orders it returns into the books as immediate-or-cancel orders, without the
 * initial-margin check.
 *
 * <p>Example: a full-close policy with a 5 % worst-price band returns, for a long of 1 BTC at
 * mark 48,000, one sell IOC of 1 BTC limited at 45,600.
 */
@FunctionalInterface
public interface LiquidationPolicy {
    /** Never liquidates: breaches are only reported as events. */
    LiquidationPolicy NONE = (account, state, prices) -> List.of();

    /** The orders to send for {@code account}, whose {@code state} is below maintenance. */
    List<LiquidationOrder> liquidationOrders(AccountView account, MarginState state, PriceView prices);

    /**
     * The orders to send, knowing the time and the account's last partial liquidation; by
     * default {@link #liquidationOrders(AccountView, MarginState, PriceView)}.
     */
    default List<LiquidationOrder> liquidationOrders(LiquidationContext context) {
        return liquidationOrders(context.account(), context.state(), context.prices());
    }

    /**
     * Whether the account goes to the venue's backstop vault instead of the book: its positions
     * and its margin move to the vault and the account is left with nothing (Hyperliquid's
     * liquidator vault takes over below 2/3 of maintenance, §1.4). Asked before
     * {@link #liquidationOrders(LiquidationContext)}; never, by default. A venue without a
     * backstop vault ignores it.
     */
    default boolean toBackstop(LiquidationContext context) {
        return false;
    }
}
