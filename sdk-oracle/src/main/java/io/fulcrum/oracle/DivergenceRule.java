package io.fulcrum.oracle;

/**
 * What an {@link AggregatedPriceSource} does when a fresh source lies further from the aggregate
 * than the source's divergence limit. Every rule flags the reading
 * {@link io.fulcrum.api.PriceFlag#SOURCE_DIVERGED}, naming the source, its price and the aggregate;
 * they differ in the price the venue gets.
 *
 * <p>The case they are for: in the depeg of 10 October 2025 USDe traded at about 0.65 on one
 * exchange while it stayed near 1.00 elsewhere; a venue valuing USDe collateral at that one quote
 * marks it down by a third, one valuing it at the others does not. At 6 decimals with a 2 % (20,000 ppm) limit, Binance quoting 650,000
 * and four others 1,000,000, the aggregate is 1,000,000 and Binance lies 350,000 away
 * (350,000 · 10^6 > 20,000 · 1,000,000): diverged. Then
 * <ul>
 *   <li>{@link #USE_AGGREGATE} reads OK 1,000,000: one venue's dislocation does not liquidate anyone;
 *   <li>{@link #USE_WORST} reads OK 650,000: collateral is valued as if it could only be sold there;
 *   <li>{@link #FREEZE} reads UNRELIABLE: the venue keeps its last good price until the sources agree.
 * </ul>
 */
public enum DivergenceRule {
    /**
     * Keep the aggregate and only report the divergence: the reading is OK at the aggregate, flagged
     * {@code SOURCE_DIVERGED}. Trusts the aggregator to be robust, as a median is to one bad source.
     * USDe example: OK 1,000,000, flagged.
     */
    USE_AGGREGATE,

    /**
     * Use the lowest fresh source price instead of the aggregate: the reading is OK at that price,
     * flagged {@code SOURCE_DIVERGED} and {@code WORST_SOURCE_USED}. The lowest price is the worst value
     * for an asset held as collateral (valued long), so this is the cautious rule for collateral
     * prices; it is not cautious for a short position's index. The lowest fresh price counts even when
     * the aggregator dropped it as an outlier. USDe example: OK 650,000, flagged both.
     */
    USE_WORST,

    /**
     * Refuse the reading: UNRELIABLE, carrying the aggregate as its price and flagged
     * {@code SOURCE_DIVERGED}; the venue keeps its last good price and rejects orders on the market
     * until the sources agree again. USDe example: UNRELIABLE (aggregate 1,000,000).
     */
    FREEZE
}
