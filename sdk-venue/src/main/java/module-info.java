/**
 * Fulcrum's venue kernel: assembles a venue from SPI implementations and runs it as a
 * deterministic state machine with a ledger, a journal and snapshots.
 */
module io.fulcrum.venue {
    requires transitive io.fulcrum.api;
    requires com.google.common;
    requires org.eclipse.collections.api;
    requires org.eclipse.collections.impl;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;

    exports io.fulcrum.venue;

    opens io.fulcrum.venue.internal to com.fasterxml.jackson.databind;
}
