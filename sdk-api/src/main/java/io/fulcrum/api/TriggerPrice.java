package io.fulcrum.api;

/**
 * The price a conditional order watches: the mark (what margin uses), the oracle index, or the
 * market's last trade (which a thin book can move, so venues usually prefer the mark).
 *
 * <p>Example: a stop on {@link #MARK} ignores a single off-market trade that a stop on
 * {@link #LAST_TRADE} would fire on.
 */
public enum TriggerPrice {
    MARK,
    INDEX,
    LAST_TRADE
}
