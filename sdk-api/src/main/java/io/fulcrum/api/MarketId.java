package io.fulcrum.api;

import java.util.Objects;

/**
 * Names a market (an instrument that can be traded), such as {@code BTC-PERP}.
 *
 * <p>Example: {@code MarketId.of("BTC-PERP")}.
 *
 * @param symbol upper-case letters, digits, '-', '_' or '.'; 1 to 32 characters
 */
public record MarketId(String symbol) implements Comparable<MarketId> {
    public MarketId {
        Objects.requireNonNull(symbol, "symbol");
        if (!AssetId.SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("market symbol must be 1-32 upper-case letters, digits, '.', '_' or '-': '" + symbol + "'");
        }
    }

    /** Returns the market named {@code symbol}. */
    public static MarketId of(String symbol) {
        return new MarketId(symbol);
    }

    @Override
    public int compareTo(MarketId other) {
        return symbol.compareTo(other.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
