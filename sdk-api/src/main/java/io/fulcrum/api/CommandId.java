package io.fulcrum.api;

/**
 * Names a command, chosen by the sender. A venue applies each command id at most once: a
 * command that repeats an id is answered with the first outcome and changes nothing, so a
 * client may safely resend after a timeout.
 *
 * <p>Example: {@code CommandId.of(42)}.
 *
 * @param value positive id
 */
public record CommandId(long value) implements Comparable<CommandId> {
    public CommandId {
        if (value <= 0) {
            throw new IllegalArgumentException("command id must be positive: " + value);
        }
    }

    /** Returns the command id {@code value}. */
    public static CommandId of(long value) {
        return new CommandId(value);
    }

    @Override
    public int compareTo(CommandId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "cmd-" + value;
    }
}
