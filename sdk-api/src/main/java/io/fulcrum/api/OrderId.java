package io.fulcrum.api;

/**
 * Names an order. The venue assigns order ids in sequence when it accepts an order, so the
 * same commands always produce the same ids.
 *
 * <p>Example: the first order a venue accepts is {@code OrderId.of(1)}.
 *
 * @param value positive id
 */
public record OrderId(long value) implements Comparable<OrderId> {
    public OrderId {
        if (value <= 0) {
            throw new IllegalArgumentException("order id must be positive: " + value);
        }
    }

    /** Returns the order id {@code value}. */
    public static OrderId of(long value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
