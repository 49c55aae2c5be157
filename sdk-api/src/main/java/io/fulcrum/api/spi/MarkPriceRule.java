package io.fulcrum.api.spi;

/**
 * Derives the mark price (used for margin, unrealised PnL and liquidation) from the oracle
 * index and the market's book. Using the index alone is the simplest rule; Hyperliquid takes a
 * median of the oracle plus a basis EMA, the book's median of bid/ask/last, and external perp
 * prices (MECHANISMS.md §1.2).
 *
 * <p>Example: {@link #INDEX} marks at the index: index 50,000.0 gives mark 50,000.0 whatever the
 * book shows.
 */
@FunctionalInterface
public interface MarkPriceRule {
    /** Mark at the oracle index, ignoring the book. */
    MarkPriceRule INDEX = MarkInputs::indexPrice;

    /** The mark price for {@code inputs}, positive. */
    long markPrice(MarkInputs inputs);
}
