/**
 * Fulcrum's price sources: where a market's index (oracle) price comes from and when it may not
 * be used. Implementations of {@code io.fulcrum.api.spi.PriceSource}, and recorded price feeds
 * replayed as price commands for simulations. Depends on {@code io.fulcrum.api}, and on Jackson
 * (internally, to read recorded prices written as JSON).
 */
module io.fulcrum.oracle {
    requires transitive io.fulcrum.api;
    requires com.fasterxml.jackson.databind;

    exports io.fulcrum.oracle;
}
