/**
 * The service-provider interfaces between the venue kernel and its mechanisms: matching
 * (books and pools), margin, collateral, fees, prices, liquidation, insurance and funding.
 *
 * <p>Mechanism modules implement these; {@code sdk-venue} receives the implementations through
 * its builder and calls them. Mechanisms never call the kernel back: they compute and return
 * decisions (or report to a sink), and the kernel applies them.
 */
package io.fulcrum.api.spi;
