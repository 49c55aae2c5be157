package io.fulcrum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountReport;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.PositionReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's embedding example works, is short, and is what the README shows.
 *
 * <p>Worked numbers: the buyer takes the seller's 0.1 BTC (1,000 size units) at 50,000.0; the
 * notional is 0.1 × 50,000 = 5,000 USDC, the taker fee 5 bps of it = 2.5 USDC, so the buyer holds
 * 10,000 − 2.5 = 9,997.5 USDC and a long of 1,000 units costing 5,000 USDC. At mark 50,000 its
 * equity is 9,997.5, initial margin 10 % × 5,000 = 500, maintenance 5 % × 5,000 = 250.
 */
class EmbeddingExampleTest {
    private static final Path SOURCE = Path.of("src", "main", "java", "io", "fulcrum", "examples", "EmbedIt.java");
    /** Surefire runs in the module directory, so the repository's README is one level up. */
    private static final Path README = Path.of("..", "README.md");
    private static final int MAX_LINES = 30;

    @Test
    void theBuyerIsLong0Point1BtcAndPaid2Point5UsdcInFees() {
        AccountReport buyer = EmbedIt.run();
        PositionReport position = buyer.position(MarketId.of("BTC-PERP")).orElseThrow();

        assertEquals(1_000, position.size());
        assertEquals(5_000_000_000L, position.costBasis());
        assertEquals(500_000, position.entryPrice());
        assertEquals(2_500_000, position.fees());
        assertEquals(9_997_500_000L, buyer.balance(AssetId.of("USDC")));
        assertEquals(9_997_500_000L, buyer.equity());
        assertEquals(500_000_000, buyer.initialRequirement());
        assertEquals(250_000_000, buyer.maintenanceRequirement());
    }

    @Test
    void theSnippetFitsIn30Lines() throws IOException {
        List<String> snippet = snippet();

        assertTrue(snippet.size() <= MAX_LINES, "the embed snippet has " + snippet.size() + " lines");
        assertTrue(snippet.size() > 0, "the embed markers enclose nothing");
    }

    @Test
    void theReadmeShowsTheSnippetVerbatim() throws IOException {
        List<String> snippet = snippet();
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8).stream()
                .map(String::stripTrailing).toList();

        assertTrue(Collections.indexOfSubList(readme, snippet) >= 0,
                "README.md must contain the lines between '// embed:start' and '// embed:end' of EmbedIt.java, "
                        + "without the method's indentation:\n" + String.join("\n", snippet));
    }

    /** The lines between the markers, less the indentation they share (the method body's). */
    private static List<String> snippet() throws IOException {
        List<String> source = Files.readAllLines(SOURCE, StandardCharsets.UTF_8);
        int start = indexOfMarker(source, "// embed:start");
        int end = indexOfMarker(source, "// embed:end");
        List<String> body = source.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : body) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return out;
    }

    private static int indexOfMarker(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(SOURCE + " has no line '" + marker + "'");
    }
}
