/**
 * Runnable Fulcrum venues: the end-to-end demo of the first venue ({@code FirstVenueDemo}) and
 * the embedding example of the README ({@code EmbedIt}). Depends on every module it assembles a
 * venue from.
 */
module io.fulcrum.examples {
    requires io.fulcrum.venue;
    requires io.fulcrum.orderbook;
    requires io.fulcrum.amm;
    requires io.fulcrum.margin;
    requires io.fulcrum.oracle;
    requires org.slf4j;

    exports io.fulcrum.examples;
}
