package io.fulcrum.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's shared order-flow files. They live beside the repository, in
 * {@code ../shared/data/orderflow/} (too large for it), so benchmarks find them by looking in
 * {@code shared/data/orderflow/} of the working directory and of each of its parents: run from
 * the repository root or from {@code sdk-bench}, they are found either way.
 *
 * <p>The system property {@value #DIRECTORY_PROPERTY} names another directory to use instead
 * (pass it to JMH's forks with {@code -jvmArgsAppend -Dfulcrum.orderflow.dir=/path}).
 */
public final class OrderflowData {
    /** The system property that overrides where the files are looked for. */
    public static final String DIRECTORY_PROPERTY = "fulcrum.orderflow.dir";

    private OrderflowData() {}

    /**
     * The path of the shared order-flow file {@code fileName}.
     *
     * @throws IllegalStateException naming every path tried, if the file is in none of them
     */
    public static Path locate(String fileName) {
        List<Path> tried = new ArrayList<>();
        String override = System.getProperty(DIRECTORY_PROPERTY);
        if (override != null) {
            Path candidate = Path.of(override, fileName).toAbsolutePath();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(Path.of("shared", "data", "orderflow", fileName));
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
                tried.add(candidate);
            }
        }
        throw new IllegalStateException("the order-flow file " + fileName + " is missing: it belongs in"
                + " ../shared/data/orderflow/ beside the repository (or in -D" + DIRECTORY_PROPERTY + "); looked at "
                + tried);
    }
}
