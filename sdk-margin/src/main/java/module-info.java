/**
 * Fulcrum's margin mechanisms: cross margin, collateral haircuts, fee schedules and liquidation
 * policies, each an implementation of an {@code io.fulcrum.api.spi} interface. Depends on
 * {@code io.fulcrum.api} only; {@code io.fulcrum.margin.internal} is not part of the API.
 */
module io.fulcrum.margin {
    requires transitive io.fulcrum.api;

    exports io.fulcrum.margin;
}
