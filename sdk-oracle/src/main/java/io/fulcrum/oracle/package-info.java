/**
 * Fulcrum's oracle layer: where a market's index and mark prices come from, when they may not
 * be used, and when a market stops trading. Every class here implements an SPI of
 * {@code io.fulcrum.api.spi}, is immutable, and keeps any memory in state the venue owns, so a
 * journal replay reproduces every price.
 *
 * <p>A price update runs three stages (DESIGN.md, "Move a price"):
 * <ol>
 *   <li><b>Index</b> ({@link io.fulcrum.api.spi.PriceSource}): {@link io.fulcrum.oracle.PushedPriceSource}
 *       (one feed, Chainlink's staleness rule), {@link io.fulcrum.oracle.AggregatedPriceSource}
 *       (several feeds through a {@link io.fulcrum.oracle.PriceAggregator}: Chainlink's median,
 *       Hyperliquid's weighted median, Pyth's confidence vote or a trimmed mean; per-source
 *       staleness, a minimum of fresh sources, a confidence limit and a {@link io.fulcrum.oracle.DivergenceRule}),
 *       {@link io.fulcrum.oracle.SessionPriceSource} (a different reference while an exchange is
 *       closed) and {@link io.fulcrum.oracle.FixedPriceSource}.
 *   <li><b>Guards</b> ({@link io.fulcrum.api.spi.OracleGuard}): {@link io.fulcrum.oracle.CircuitBreaker}
 *       (a move too large for its interval halts the market or makes it reduce-only) and
 *       {@link io.fulcrum.oracle.MarketHoursGuard} (a {@link io.fulcrum.oracle.TradingCalendar} and
 *       an {@link io.fulcrum.oracle.OutOfHoursPolicy}: hold the last close with widening bands, go
 *       reduce-only, or follow an out-of-hours reference, with wider margin while closed).
 *   <li><b>Mark</b> ({@link io.fulcrum.api.spi.MarkPriceRule}): {@link io.fulcrum.oracle.HyperliquidMark}
 *       (median of oracle plus basis EMA, book median and external perps),
 *       {@link io.fulcrum.oracle.ImpactPriceMark} and {@link io.fulcrum.oracle.SmoothedIndexMark},
 *       built on {@link io.fulcrum.oracle.TimeDecayEma} and {@link io.fulcrum.oracle.TimeWeightedAverage}.
 * </ol>
 *
 * <p>For simulations, {@link io.fulcrum.oracle.RecordedPrices} reads recorded prices (the
 * project's CSV and JSON formats, exchange klines, any CSV by column name) into
 * {@link io.fulcrum.oracle.PriceTick}s and {@code PublishPrice} commands, and
 * {@link io.fulcrum.oracle.DeviationHeartbeatPublisher} keeps the rounds a Chainlink feed with a
 * deviation threshold and a heartbeat would have written.
 *
 * <p>Section numbers such as "MECHANISMS.md §8.1" refer to the project's mechanism reference.
 */
package io.fulcrum.oracle;
