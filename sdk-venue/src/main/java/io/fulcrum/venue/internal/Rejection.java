package io.fulcrum.venue.internal;

import io.fulcrum.api.RejectReason;

/**
 * Thrown by a command handler while it validates, before it changes anything; the kernel turns
 * it into a rejected result. Never thrown after a handler starts to mutate state.
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final RejectReason reason;
    final String detail;

    Rejection(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    static Rejection of(RejectReason reason, String detail) {
        return new Rejection(reason, detail);
    }
}
