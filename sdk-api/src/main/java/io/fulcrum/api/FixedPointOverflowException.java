package io.fulcrum.api;

/**
 * Thrown when an exact fixed-point result does not fit in a {@code long}. Fulcrum never lets
 * such a result wrap around: the venue turns this into {@link RejectReason#ARITHMETIC_OVERFLOW}
 * before any state changes.
 */
public final class FixedPointOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the operation that overflowed. */
    public FixedPointOverflowException(String message) {
        super(message);
    }
}
