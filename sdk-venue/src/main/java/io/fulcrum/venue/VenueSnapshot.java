package io.fulcrum.venue;

import io.fulcrum.venue.internal.Json;
import io.fulcrum.venue.internal.SnapshotData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A venue's complete state at one point of its command sequence: balances, positions, resting
 * orders in queue order, prices, counters and applied command ids, with the state hash it must
 * reproduce. Saved as JSON; restored by {@link Venue#replay}, which then applies the journal
 * entries from {@link #sequence()} on.
 *
 * <p>Example: {@code VenueSnapshot s = venue.snapshot(); s.writeTo(Path.of("venue.snapshot.json"));}
 */
public final class VenueSnapshot {
    private final SnapshotData data;

    VenueSnapshot(SnapshotData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    SnapshotData data() {
        return data;
    }

    /** The number of commands the venue had received when the snapshot was taken. */
    public long sequence() {
        return data.sequence();
    }

    /** The state hash at the snapshot. */
    public String stateHash() {
        return data.stateHash();
    }

    /** The snapshot as JSON. */
    public String toJson() {
        return Json.snapshot(data);
    }

    /** Parses JSON written by {@link #toJson()}. */
    public static VenueSnapshot fromJson(String json) {
        return new VenueSnapshot(Json.parseSnapshot(json));
    }

    /** Writes the JSON to {@code file} atomically (a temporary file, then a rename). */
    public void writeTo(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson(), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }

    /** Reads a snapshot written by {@link #writeTo}. */
    public static VenueSnapshot readFrom(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    @Override
    public String toString() {
        return "VenueSnapshot[sequence " + sequence() + ", hash " + stateHash() + "]";
    }
}
