package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link FundingTickRatio} prints each (accounts, method) row and divides perAccount's time by indexed's. */
class FundingTickRatioTest {

    private static Map<String, FundingTickRatio.Row> methods(FundingTickRatio.Row indexed,
            FundingTickRatio.Row perAccount) {
        Map<String, FundingTickRatio.Row> methods = new TreeMap<>();
        if (indexed != null) {
            methods.put("indexed", indexed);
        }
        if (perAccount != null) {
            methods.put("perAccount", perAccount);
        }
        return methods;
    }

    @Test
    void eachPopulationGetsPerAccountTimeOverIndexedTime() {
        // 1,000: 600,000 / 200,000 = 3.00; 10,000: 10,000,000 / 2,500,000 = 4.00.
        Map<Integer, Map<String, FundingTickRatio.Row>> rows = new TreeMap<>();
        rows.put(1_000, methods(new FundingTickRatio.Row(200_000, 1_000, 100_000),
                new FundingTickRatio.Row(600_000, 2_000, 500_000)));
        rows.put(10_000, methods(new FundingTickRatio.Row(2_500_000, 10_000, 1_000_000),
                new FundingTickRatio.Row(10_000_000, 20_000, 5_000_000)));

        List<String> lines = FundingTickRatio.summary(rows);

        assertEquals(9, lines.size(), lines.toString());
        assertEquals("  1,000 accounts: perAccount / indexed = 3.00", lines.get(7));
        assertEquals("  10,000 accounts: perAccount / indexed = 4.00", lines.get(8));
    }

    @Test
    void aRowShowsNanosErrorNanosPerHolderAndBytes() {
        // 200,000 ns over 1,000 holders = 200.0 ns each; 100,000 B/op printed with two decimals.
        Map<Integer, Map<String, FundingTickRatio.Row>> rows = new TreeMap<>();
        rows.put(1_000, methods(new FundingTickRatio.Row(200_000, 1_000, 100_000), null));

        List<String> lines = FundingTickRatio.summary(rows);

        assertEquals(4, lines.size(), lines.toString());
        assertEquals("", lines.get(0));
        assertEquals("  accounts  method                ns/op               ns/holder           B/op",
                lines.get(2));
        assertEquals("     1,000  indexed           200,000.0 ±    1,000.0      200.0     100,000.00", lines.get(3));
    }

    @Test
    void aMissingErrorOrByteCountPrintsADashAndAMissingMethodNoRatio() {
        // No -prof gc and a single shot: JMH gives no B/op and no error. 3,000,000 ns / 10,000 = 300.0 ns per holder.
        Map<Integer, Map<String, FundingTickRatio.Row>> rows = new TreeMap<>();
        rows.put(10_000, methods(null, new FundingTickRatio.Row(3_000_000, Double.NaN, Double.NaN)));

        List<String> lines = FundingTickRatio.summary(rows);

        assertEquals(4, lines.size(), "no ratio line: " + lines);
        assertEquals("    10,000  perAccount      3,000,000.0 ±          -      300.0              -", lines.get(3));
    }

    @Test
    void populationsAreListedInNumericOrder() {
        // As text "10000" sorts before "2000"; as numbers 2,000 comes first.
        Map<Integer, Map<String, FundingTickRatio.Row>> rows = new TreeMap<>();
        rows.put(10_000, methods(new FundingTickRatio.Row(1, 0, 0), new FundingTickRatio.Row(2, 0, 0)));
        rows.put(2_000, methods(new FundingTickRatio.Row(1, 0, 0), new FundingTickRatio.Row(5, 0, 0)));

        List<String> lines = FundingTickRatio.summary(rows);

        assertEquals("  2,000 accounts: perAccount / indexed = 5.00", lines.get(7));
        assertEquals("  10,000 accounts: perAccount / indexed = 2.00", lines.get(8));
    }
}
