/**
 * Fulcrum's price sources: where a market's index (oracle) price comes from and when it may not
 * be used. Implementations of {@code io.fulcrum.api.spi.PriceSource}; depends on
 * {@code io.fulcrum.api} only.
 */
module io.fulcrum.oracle {
    requires transitive io.fulcrum.api;

    exports io.fulcrum.oracle;
}
