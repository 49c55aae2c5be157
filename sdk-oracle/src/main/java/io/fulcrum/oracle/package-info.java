/**
 * Price sources: {@link io.fulcrum.oracle.PushedPriceSource} (one pushed feed with a staleness
 * limit, as Chainlink consumers check it) and {@link io.fulcrum.oracle.FixedPriceSource} (a
 * constant, for tests and demos). Each is a pure function of the venue's recorded feed
 * observations and the command time, so replaying a journal reproduces every reading.
 *
 * <p>Marking at the index is {@link io.fulcrum.api.spi.MarkPriceRule#INDEX} in the API.
 * Section numbers such as "MECHANISMS.md §8.1" refer to the project's mechanism reference.
 */
package io.fulcrum.oracle;
