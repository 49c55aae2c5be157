/**
 * Pool matching: oracle-priced pools with price impact (GMX and Avantis style), liquidity
 * provider accounting, and virtual AMMs. Depends on {@code io.fulcrum.api} only;
 * {@code io.fulcrum.amm.internal} is not part of the API.
 */
module io.fulcrum.amm {
    requires transitive io.fulcrum.api;

    exports io.fulcrum.amm;
}
