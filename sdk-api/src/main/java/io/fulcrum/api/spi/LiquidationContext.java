package io.fulcrum.api.spi;

import io.fulcrum.api.MarketId;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link LiquidationPolicy} sees about an account below maintenance: the account, its
 * margin, the prices, the time, when the venue last liquidated part of it (Hyperliquid
 * liquidates a large position in chunks, then whole during a cooldown, MECHANISMS.md §1.4), and
 * what its liquidations already closed in the current block (dYdX v4 limits the notional one
 * subaccount may have liquidated per block, and liquidates each position at most once a block,
 * §2.3). A block is the venue's unit of time for such limits ({@code Venue.Builder.blockMillis}).
 *
 * <p>Example: at 12:00:10 an account last partially liquidated at 12:00:00 is inside a 30 s
 * cooldown; an account whose BTC position was liquidated for 60,000 earlier in this block has
 * 40,000 left of dYdX's 100,000 budget, for its other positions only.
 *
 * @param account the account
 * @param state its margin now
 * @param prices the venue's prices
 * @param now the command's time, epoch ms
 * @param lastPartialLiquidation when a liquidation last closed only part of a position of this
 *     account, epoch ms; {@link #NEVER} if never
 * @param liquidatedNotionalThisBlock the notional the account's liquidation orders filled in this
 *     block so far, settlement units
 * @param liquidatedThisBlock the markets in which a liquidation order of the account was sent in
 *     this block
 */
public record LiquidationContext(AccountView account, MarginState state, PriceView prices, long now,
        long lastPartialLiquidation, long liquidatedNotionalThisBlock, Set<MarketId> liquidatedThisBlock) {
    /** No partial liquidation so far. */
    public static final long NEVER = Long.MIN_VALUE;

    public LiquidationContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(prices, "prices");
        liquidatedThisBlock = Set.copyOf(liquidatedThisBlock);
        if (liquidatedNotionalThisBlock < 0) {
            throw new IllegalArgumentException("liquidatedNotionalThisBlock must not be negative: "
                    + liquidatedNotionalThisBlock);
        }
    }

    /** A context at the start of a block: nothing liquidated in it yet. */
    public LiquidationContext(AccountView account, MarginState state, PriceView prices, long now,
            long lastPartialLiquidation) {
        this(account, state, prices, now, lastPartialLiquidation, 0, Set.of());
    }
}
