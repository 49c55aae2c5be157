package io.fulcrum.oracle.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The data rows of a simple CSV file, with their line numbers for error messages. Blank lines and
 * lines whose first non-blank character is {@code #} are skipped; fields are separated by commas
 * and trimmed. There is no quoting: a field cannot contain a comma (price files never need one).
 */
public final class CsvLines implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final BufferedReader in;
    private int lineNumber;

    private CsvLines(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    /** Opens {@code file} (unpacking {@code .gz} and {@code .zip}, see {@link RecordedInput}). */
    public static CsvLines open(Path file) throws IOException {
        return new CsvLines(file, RecordedInput.open(file));
    }

    /** The next data row's fields, or {@code null} at the end of the file. */
    public String[] next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            String content = line.strip();
            if (content.isEmpty() || content.charAt(0) == '#') {
                continue;
            }
            String[] fields = content.split(",", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            return fields;
        }
        return null;
    }

    /** "file:line" of the row {@link #next()} returned last, for error messages. */
    public String where() {
        return file + ":" + lineNumber;
    }

    /** An error about the row {@link #next()} returned last: its message starts with {@link #where()}. */
    public IllegalArgumentException error(String message, Throwable cause) {
        return new IllegalArgumentException(where() + ": " + message, cause);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
