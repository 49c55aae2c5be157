package io.fulcrum.oracle.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a recorded price file as UTF-8 text, unpacking it on the way when its name says it is
 * packed: {@code .gz} is GZIP, {@code .zip} is read from its first file entry (Binance's public
 * data archives hold one CSV per zip). Any other name is read as it is.
 */
public final class RecordedInput {
    private static final int BUFFER = 1 << 16;

    private RecordedInput() {
    }

    /**
     * A reader of {@code file}'s text, unpacked as its name says.
     *
     * @throws IOException if the file cannot be read, or a {@code .zip} holds no file
     */
    public static BufferedReader open(Path file) throws IOException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        InputStream raw = Files.newInputStream(file);
        try {
            InputStream unpacked;
            if (name.endsWith(".gz")) {
                unpacked = new GZIPInputStream(raw, BUFFER);
            } else if (name.endsWith(".zip")) {
                unpacked = firstEntry(file, new ZipInputStream(raw));
            } else {
                unpacked = raw;
            }
            return new BufferedReader(new InputStreamReader(unpacked, StandardCharsets.UTF_8), BUFFER);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Positions {@code zip} at its first file (directories are skipped). */
    private static InputStream firstEntry(Path file, ZipInputStream zip) throws IOException {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory()) {
                return zip;
            }
        }
        throw new IOException(file + ": the zip archive holds no file");
    }
}
