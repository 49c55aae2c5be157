package io.fulcrum.venue;

import io.fulcrum.api.Command;
import java.util.Objects;

/**
 * One command as the journal recorded it, with its position in the venue's command sequence
 * (0 for the first command the venue ever received).
 *
 * <p>Example: {@code new JournalEntry(0, openAccount)}, then {@code new JournalEntry(1, deposit)}.
 *
 * @param sequence the command's position
 * @param command the command
 */
public record JournalEntry(long sequence, Command command) {
    public JournalEntry {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be non-negative: " + sequence);
        }
        Objects.requireNonNull(command, "command");
    }
}
