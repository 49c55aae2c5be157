/**
 * Values, commands and events that every Fulcrum module speaks.
 *
 * <p>Money, prices and sizes are exact {@code long} integers at scales fixed per asset and
 * market; see {@link io.fulcrum.api.Fixed} for the arithmetic and {@link io.fulcrum.api.MarketSpec}
 * for the scales.
 */
package io.fulcrum.api;
