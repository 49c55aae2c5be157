package io.fulcrum.api;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying one command: accepted with the events it emitted, or rejected with a
 * typed reason (and no change of state), or a duplicate answered with the first outcome.
 *
 * <p>Example: {@code venue.apply(withdrawTooMuch)} returns a result with
 * {@code status() == REJECTED}, {@code reason() == INSUFFICIENT_FREE_COLLATERAL} and no events.
 *
 * @param command the command's id
 * @param status what happened
 * @param reason why it was rejected; {@code null} unless rejected (for a duplicate: the first
 *     outcome's reason, if that was a rejection)
 * @param message a readable explanation; empty when accepted
 * @param events what the command changed, in order; empty unless accepted
 */
public record CommandResult(CommandId command, Status status, RejectReason reason, String message, List<Event> events) {

    /** The kinds of outcome. */
    public enum Status {
        /** Applied: the events say what changed. */
        ACCEPTED,
        /** Refused: nothing changed. */
        REJECTED,
        /** The id was seen before; nothing changed. {@code reason} repeats a first rejection. */
        DUPLICATE
    }

    public CommandResult {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        events = List.copyOf(events);
        if (status == Status.REJECTED && reason == null) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }

    /** An accepted outcome with its events. */
    public static CommandResult accepted(CommandId command, List<Event> events) {
        return new CommandResult(command, Status.ACCEPTED, null, "", events);
    }

    /** A rejection with the reason's own message. */
    public static CommandResult rejected(CommandId command, RejectReason reason) {
        return new CommandResult(command, Status.REJECTED, reason, reason.message(), List.of());
    }

    /** A rejection with a more specific message. */
    public static CommandResult rejected(CommandId command, RejectReason reason, String detail) {
        return new CommandResult(command, Status.REJECTED, reason, reason.message() + ": " + detail, List.of());
    }

    /** True if the command was applied. */
    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }

    /** True if the command was refused. */
    public boolean isRejected() {
        return status == Status.REJECTED;
    }

    /** The events of type {@code type}, in order. */
    public <E extends Event> List<E> eventsOf(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
