/**
 * Pool matching: oracle-priced pools with price impact (GMX and Avantis style) and virtual AMMs.
 * The mechanisms arrive with issue 6; the module exists so the build, the BOM and the
 * architecture rules already cover it.
 */
module io.fulcrum.amm {
    requires io.fulcrum.api;
}
