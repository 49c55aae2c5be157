package io.fulcrum.api;

import java.util.Objects;

/**
 * The optional rules of a limit order beyond side, price, size and time in force.
 *
 * <ul>
 *   <li>{@code reduceOnly}: the order may only shrink the account's position, never open or
 *       flip it, counting the account's other resting orders on the same side (a reduce-only
 *       sell of 1 BTC against a long of 1 BTC is refused if another sell of 0.5 already rests);
 *   <li>{@code postOnly}: see {@link PostOnly};
 *   <li>{@code expiresAt}: good-till-time, in epoch ms of command time (0 = never). An order
 *       whose time has come never fills; it leaves the book at the next
 *       {@link Command.AdvanceTime} or when a taker reaches it;
 *   <li>{@code displaySize}: an iceberg order shows only a slice of this size (0 = show it all);
 *       each time the slice fills, a new one is cut from the hidden reserve and joins the back of
 *       its price level.
 * </ul>
 *
 * <p>Example: {@code OrderOptions.NONE.withReduceOnly().withExpiry(3_600_000)}; an iceberg
 * selling 10 BTC 1 BTC at a time: {@code OrderOptions.NONE.withDisplaySize(10_000)}.
 *
 * @param reduceOnly whether the order may only reduce the position
 * @param postOnly whether and how the order must only add liquidity
 * @param expiresAt the command time from which the order is dead, or 0 for never
 * @param displaySize the visible slice of an iceberg order, or 0 for an ordinary order
 */
public record OrderOptions(boolean reduceOnly, PostOnly postOnly, long expiresAt, long displaySize,
        PositionSide positionSide) {
    /** No options: an ordinary limit order on a one-way account's net position. */
    public static final OrderOptions NONE = new OrderOptions(false, PostOnly.NO, 0, 0, PositionSide.BOTH);

    public OrderOptions {
        Objects.requireNonNull(postOnly, "postOnly");
        positionSide = positionSide == null ? PositionSide.BOTH : positionSide;
        if (expiresAt < 0) {
            throw new IllegalArgumentException("expiresAt must be 0 (never) or a positive time: " + expiresAt);
        }
        if (displaySize < 0) {
            throw new IllegalArgumentException("displaySize must be 0 (all visible) or positive: " + displaySize);
        }
    }

    /** Options on the net position ({@link PositionSide#BOTH}), as a one-way account places them. */
    public OrderOptions(boolean reduceOnly, PostOnly postOnly, long expiresAt, long displaySize) {
        this(reduceOnly, postOnly, expiresAt, displaySize, PositionSide.BOTH);
    }

    /** These options, reduce-only. */
    public OrderOptions withReduceOnly() {
        return new OrderOptions(true, postOnly, expiresAt, displaySize, positionSide);
    }

    /** These options, post-only with {@code mode}. */
    public OrderOptions withPostOnly(PostOnly mode) {
        return new OrderOptions(reduceOnly, mode, expiresAt, displaySize, positionSide);
    }

    /** These options, good till {@code time} (epoch ms). */
    public OrderOptions withExpiry(long time) {
        return new OrderOptions(reduceOnly, postOnly, time, displaySize, positionSide);
    }

    /** These options, an iceberg showing {@code size} at a time. */
    public OrderOptions withDisplaySize(long size) {
        return new OrderOptions(reduceOnly, postOnly, expiresAt, size, positionSide);
    }

    /** These options, on hedge-mode leg {@code side} ({@link PositionMode#HEDGE}). */
    public OrderOptions onLeg(PositionSide side) {
        return new OrderOptions(reduceOnly, postOnly, expiresAt, displaySize, side);
    }

    /** True if this is an iceberg order. */
    public boolean isIceberg() {
        return displaySize > 0;
    }
}
