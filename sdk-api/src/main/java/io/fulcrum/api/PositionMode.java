package io.fulcrum.api;

/**
 * Whether an account holds one net position per market or a long and a short leg side by side.
 *
 * <ul>
 *   <li>{@link #ONE_WAY}: a buy adds to a long or shrinks a short; orders name
 *       {@link PositionSide#BOTH}.
 *   <li>{@link #HEDGE}: the long and short legs live apart (Binance's hedge mode, MECHANISMS.md
 *       §5.1); an order names its leg: buying LONG opens or adds to the long leg, selling LONG
 *       closes it; selling SHORT opens the short leg, buying SHORT closes it. A closing order may
 *       not exceed its leg. Both legs share the account's margin.
 * </ul>
 *
 * <p>Example: in hedge mode, long 1 BTC (LONG) and short 0.5 BTC (SHORT) at once; a sell of 0.5
 * SHORT adds to the short leg, a sell of 0.5 LONG closes half the long one.
 */
public enum PositionMode {
    /** One net position per market. */
    ONE_WAY,
    /** A long and a short leg per market. */
    HEDGE
}
