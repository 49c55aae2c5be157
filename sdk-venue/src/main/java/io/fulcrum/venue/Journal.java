package io.fulcrum.venue;

import io.fulcrum.api.Command;
import java.io.Closeable;
import java.util.List;

/**
 * An append-only log of every command a venue received, written before the command is applied.
 * Replaying it (from the start, or after a snapshot) rebuilds the venue exactly, because the
 * kernel is deterministic; this is how no accepted command is ever lost.
 *
 * <p>Example: {@code Journal journal = Journals.file(Path.of("venue.journal"));} then
 * {@code Venue.builder()...journal(journal).build()}; after a crash,
 * {@code Venue.replay(builder, snapshot, journal.entries())}.
 */
public interface Journal extends Closeable {
    /** Records {@code command} at position {@code sequence}; durable when this returns. */
    void append(long sequence, Command command);

    /** Every entry recorded so far, in order. */
    List<JournalEntry> entries();

    /** Releases the journal's resources; an in-memory journal keeps its entries. */
    @Override
    void close();
}
