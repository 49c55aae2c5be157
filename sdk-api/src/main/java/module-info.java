/**
 * Fulcrum's vocabulary: identifiers, market specifications, exact fixed-point arithmetic,
 * commands, events, reject reasons, and the service-provider interfaces that mechanism
 * modules implement and the venue kernel calls. Depends on the JDK only.
 */
module io.fulcrum.api {
    exports io.fulcrum.api;
    exports io.fulcrum.api.spi;
}
