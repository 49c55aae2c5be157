package io.fulcrum.api.spi;

import java.util.List;

/**
 * Derives the mark price (used for margin, unrealised PnL, liquidation and TP/SL triggers) from
 * the oracle index and the market's book. Using the index alone is the simplest rule;
 * Hyperliquid takes a median of the oracle plus a basis EMA, the book's median of bid/ask/last,
 * and external perp prices (MECHANISMS.md §1.2).
 *
 * <p>A rule that remembers (an EMA, a TWAP) keeps its memory in a {@code long[]} of
 * {@link #stateSize()} slots the venue owns, snapshots and restores, zeroed at start; the rule
 * object stays immutable. The venue calls the rule at every usable index reading and time tick,
 * so an EMA is sampled deterministically at command times.
 *
 * <p>Example: {@link #INDEX} marks at the index: index 50,000.0 gives mark 50,000.0 whatever the
 * book shows.
 */
@FunctionalInterface
public interface MarkPriceRule {
    /** Mark at the oracle index, ignoring the book. */
    MarkPriceRule INDEX = (inputs, state) -> inputs.indexPrice();

    /** The mark price for {@code inputs}, positive; may update {@code state}. */
    long markPrice(MarkInputs inputs, long[] state);

    /**
     * The feeds the rule reads besides the index (external perp mids, say). The venue accepts a
     * {@code PublishPrice} for each of them and re-marks the market when one publishes. None by
     * default.
     */
    default List<String> feeds() {
        return List.of();
    }

    /** How many {@code long} slots of state the venue keeps for this rule. */
    default int stateSize() {
        return 0;
    }
}
