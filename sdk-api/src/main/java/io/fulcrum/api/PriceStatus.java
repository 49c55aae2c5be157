package io.fulcrum.api;

/**
 * Whether a price source's reading can be used. Anything but {@link #OK} leaves the market or
 * collateral asset at its last good price, and orders on such a market are rejected.
 *
 * <p>Example: five exchanges feed a median with a 3-source minimum; two go quiet: {@code OK}
 * (flagged {@link PriceFlag#SOURCE_STALE}); four go quiet: {@code STALE}.
 */
public enum PriceStatus {
    /** Fresh and valid (perhaps flagged). */
    OK,
    /** The feeds are older than the source allows, or too few of them are fresh. */
    STALE,
    /** No feed has published yet, or a feed published something that is never a price. */
    MISSING,
    /**
     * The feeds are fresh but cannot be trusted: the confidence interval is too wide, or the
     * sources diverge and the source's rule is to freeze.
     */
    UNRELIABLE
}
