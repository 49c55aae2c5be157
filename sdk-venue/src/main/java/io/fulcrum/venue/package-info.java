/**
 * The venue: {@link io.fulcrum.venue.Venue#builder()} assembles markets, matching engines, a
 * margin model, fees, prices and a liquidation policy; {@link io.fulcrum.venue.Venue#apply}
 * runs commands one at a time; {@link io.fulcrum.venue.Journal} and
 * {@link io.fulcrum.venue.VenueSnapshot} make it recoverable.
 */
package io.fulcrum.venue;
