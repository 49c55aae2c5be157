package io.fulcrum.api;

/**
 * How long an order may wait in the book.
 *
 * <ul>
 *   <li>{@link #GTC} good till cancelled: what does not fill at once rests in the book;
 *   <li>{@link #IOC} immediate or cancel: what does not fill at once is cancelled.
 * </ul>
 */
public enum TimeInForce {
    /** Good till cancelled: the unfilled remainder rests. */
    GTC,
    /** Immediate or cancel: the unfilled remainder is cancelled, nothing rests. */
    IOC
}
