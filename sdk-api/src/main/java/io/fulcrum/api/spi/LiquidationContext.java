package io.fulcrum.api.spi;

import java.util.Objects;

/**
 * What a {@link LiquidationPolicy} sees about an account below maintenance: the account, its
 * margin, the prices, the time, and when the venue last liquidated part of it (Hyperliquid
 * liquidates a large position in chunks, then whole during a cooldown, MECHANISMS.md §1.4).
 *
 * <p>Example: at 12:00:10 an account last partially liquidated at 12:00:00 is inside a 30 s
 * cooldown.
 *
 * @param account the account
 * @param state its margin now
 * @param prices the venue's prices
 * @param now the command's time, epoch ms
 * @param lastPartialLiquidation when a liquidation last closed only part of a position of this
 *     account, epoch ms; {@link #NEVER} if never
 */
public record LiquidationContext(AccountView account, MarginState state, PriceView prices, long now,
        long lastPartialLiquidation) {
    /** No partial liquidation so far. */
    public static final long NEVER = Long.MIN_VALUE;

    public LiquidationContext {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(prices, "prices");
    }
}
