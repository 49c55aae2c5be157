package io.fulcrum.api.spi;

import java.util.List;

/**
 * Decides the order in which auto-deleveraging closes profitable positions on the side
 * opposite a bankrupt one: Hyperliquid ranks by (mark / entry) × (notional / account value),
 * BitMEX by PnL % × effective leverage, Binance by PnL % × margin ratio, and dYdX takes the
 * opposite positions from a pseudo-random offset (MECHANISMS.md §1.5, §2.4, §5.3).
 *
 * <p>Example (Hyperliquid, §1.5): A scores 1.1 × 11 = 12.1 and B 1.2222 × 2.2 = 2.6889, so A is
 * deleveraged first.
 */
@FunctionalInterface
public interface DeleveragingRanking {
    /**
     * {@code candidates} in the order they are to be deleveraged, first first. Equal scores keep
     * their given order (the venue lists candidates by account).
     *
     * @param seed a value the venue derives deterministically from the event (for rankings that
     *     start at a pseudo-random offset); the same seed gives the same order
     */
    List<DeleveragingCandidate> order(List<DeleveragingCandidate> candidates, long seed);
}
