package io.fulcrum.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names an asset that accounts can hold: a settlement currency such as {@code USDC}, or a
 * collateral asset such as {@code BTC} or {@code USDE}.
 *
 * <p>Example: {@code AssetId.of("USDC")}.
 *
 * @param symbol upper-case letters, digits, '-', '_' or '.'; 1 to 32 characters
 */
public record AssetId(String symbol) implements Comparable<AssetId> {
    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    public AssetId {
        Objects.requireNonNull(symbol, "symbol");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("asset symbol must be 1-32 upper-case letters, digits, '.', '_' or '-': '" + symbol + "'");
        }
    }

    /** Returns the asset named {@code symbol}. */
    public static AssetId of(String symbol) {
        return new AssetId(symbol);
    }

    @Override
    public int compareTo(AssetId other) {
        return symbol.compareTo(other.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
