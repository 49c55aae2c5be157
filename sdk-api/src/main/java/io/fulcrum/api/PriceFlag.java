package io.fulcrum.api;

/**
 * A warning a price source attaches to its reading, usable or not. The venue reports flagged
 * readings as {@link Event.PriceAlert}s.
 *
 * <p>Example: USDe quoted 0.65 on one exchange and 1.00 on four others reads 1.00 flagged
 * {@code SOURCE_DIVERGED} under the "use the aggregate" rule.
 */
public enum PriceFlag {
    /** Some sources were left out because they were stale. */
    SOURCE_STALE,
    /** Some sources lie further from the aggregate than the source's divergence limit. */
    SOURCE_DIVERGED,
    /** The price was chosen by a divergence rule (the worst source) instead of the aggregate. */
    WORST_SOURCE_USED,
    /** Some sources were dropped as outliers before aggregation. */
    OUTLIER_REJECTED,
    /** The confidence interval is wider than the source allows. */
    CONFIDENCE_TOO_WIDE
}
