package io.fulcrum.api;

/**
 * How long an order may wait in the book.
 *
 * <ul>
 *   <li>{@link #GTC} good till cancelled: what does not fill at once rests in the book;
 *   <li>{@link #IOC} immediate or cancel: what does not fill at once is cancelled;
 *   <li>{@link #FOK} fill or kill: the whole order fills at once, or none of it does.
 * </ul>
 *
 * <p>Example, asks of 0.3 at 100 and 0.2 at 101: a buy of 0.4 at 101 fills 0.4 as IOC or FOK;
 * a buy of 0.6 at 101 fills 0.5 as IOC (0.1 cancelled) and nothing as FOK.
 */
public enum TimeInForce {
    /** Good till cancelled: the unfilled remainder rests. */
    GTC,
    /** Immediate or cancel: the unfilled remainder is cancelled, nothing rests. */
    IOC,
    /** Fill or kill: all of it fills at once within the limit, or the order is cancelled whole. */
    FOK
}
