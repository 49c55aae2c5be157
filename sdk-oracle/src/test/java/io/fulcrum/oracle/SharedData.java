package io.fulcrum.oracle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's shared real market data ({@code ../shared/data/README.md} beside the repository).
 * The data is not a test resource: it sits outside the repository, so {@link #dir()} looks for a
 * {@code shared/data} directory upwards from the working directory, as the order-book tests find
 * the synthetic flow, and fails with a message naming the paths it tried.
 */
final class SharedData {
    private SharedData() {
    }

    /**
     * The first {@code shared/data} directory found in the working directory ({@code user.dir}) or
     * one of its parents. From {@code sdk-oracle}, where Maven runs this module's tests, that is
     * {@code ../../shared/data}.
     *
     * @throws IllegalStateException naming every path tried, if there is none
     */
    static Path dir() {
        List<Path> tried = new ArrayList<>();
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve(Path.of("shared", "data"));
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("the shared market data is missing: it belongs in ../shared/data beside"
                + " the repository (see README.md there); looked at " + tried);
    }

    /** The file at {@code relative} (e.g. {@code crash-2025-10-10/usde-depeg/uniswap_usde.csv}) under {@link #dir()}. */
    static Path file(String relative) {
        Path file = dir().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the shared data file " + file + " is missing (see "
                    + dir().resolve("README.md") + ")");
        }
        return file;
    }
}
