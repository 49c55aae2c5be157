package io.fulcrum.oracle.internal;

/**
 * Makes the public tick type from parsed fields, so that the readers here never name a type
 * of the public package (which would tie the two packages in a cycle).
 *
 * @param <T> the tick type
 */
@FunctionalInterface
public interface TickFactory<T> {
    /** A tick; throws {@link IllegalArgumentException} for values that are not a price. */
    T tick(long time, String feed, long price, long confidence);
}
