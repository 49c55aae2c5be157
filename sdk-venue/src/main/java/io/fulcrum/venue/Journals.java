package io.fulcrum.venue;

import io.fulcrum.api.Command;
import io.fulcrum.venue.internal.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made journals: in memory (tests, simulations) and a JSON-lines file (one command per
 * line, flushed to the operating system on each append, and optionally forced to disk).
 *
 * <p>Example line: {@code {"sequence":3,"command":{"type":"Deposit","id":{"value":4},"time":1000,
 * "account":{"owner":1,"subaccount":0},"asset":{"symbol":"USDC"},"amount":5000000}}}.
 */
public final class Journals {
    private Journals() {}

    /** A journal that keeps its entries in memory. */
    public static Journal inMemory() {
        return new Journal() {
            private final List<JournalEntry> entries = new ArrayList<>();

            @Override
            public void append(long sequence, Command command) {
                entries.add(new JournalEntry(sequence, command));
            }

            @Override
            public List<JournalEntry> entries() {
                return List.copyOf(entries);
            }

            @Override
            public void close() {}
        };
    }

    /**
     * A JSON-lines journal at {@code file}, appending to what is there. Each append is flushed
     * to the operating system (it survives the process crashing).
     */
    public static Journal file(Path file) {
        return new FileJournal(file, false);
    }

    /**
     * Like {@link #file(Path)}, but each append is also forced to the storage device (it survives
     * the machine losing power), at the cost of one sync per command.
     */
    public static Journal syncedFile(Path file) {
        return new FileJournal(file, true);
    }

    /** Reads the entries of a JSON-lines journal file; a torn last line (a crash mid-write) is ignored. */
    public static List<JournalEntry> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<JournalEntry> entries = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Json.JournalLine parsed = Json.parseJournalLine(line);
                    entries.add(new JournalEntry(parsed.sequence(), parsed.command()));
                } catch (IllegalArgumentException e) {
                    if (i == lines.size() - 1) {
                        break;
                    }
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
    }

    private static final class FileJournal implements Journal {
        private final Path file;
        private final boolean sync;
        private final FileChannel channel;
        private final BufferedWriter writer;

        FileJournal(Path file, boolean sync) {
            this.file = Objects.requireNonNull(file, "file");
            this.sync = sync;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                this.writer = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open journal " + file, e);
            }
        }

        @Override
        public void append(long sequence, Command command) {
            try {
                writer.write(Json.journalLine(sequence, command));
                writer.write('\n');
                writer.flush();
                if (sync) {
                    channel.force(false);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to journal " + file, e);
            }
        }

        @Override
        public List<JournalEntry> entries() {
            return read(file);
        }

        @Override
        public void close() {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close journal " + file, e);
            }
        }
    }
}
