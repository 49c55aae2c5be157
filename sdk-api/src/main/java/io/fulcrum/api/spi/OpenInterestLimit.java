package io.fulcrum.api.spi;

import io.fulcrum.api.MarketId;
import java.util.function.ToLongFunction;

/**
 * A limit on how much open interest a pool may carry (Avantis' vault-wide, per-class and per-pair
 * caps, MECHANISMS.md §4; GMX's maximum open interest per side, §3.4). The venue asks it before
 * an order that would grow the traders' open interest on one side of a pool market, and refuses
 * the order with the limit's reason if it does not fit.
 *
 * <p>Example: a vault worth 10,000,000 with a 90 % cap: {@code (m, inc, oi, tvl) -> oi(all) + inc
 * <= 0.9 tvl ? null : "over 9,000,000"}.
 */
@FunctionalInterface
public interface OpenInterestLimit {
    /**
     * Null if {@code increase} fits, else why not.
     *
     * @param market the market whose open interest would grow
     * @param increase the growth, in settlement units at the index price
     * @param openInterest the traders' open interest now on the same side as the increase, per
     *     market of the pool, in settlement units at each market's index price (0 for markets
     *     outside the pool)
     * @param vaultValue the pool's value: its cash less the traders' unrealised PnL against it
     */
    String refusal(MarketId market, long increase, ToLongFunction<MarketId> openInterest, long vaultValue);
}
