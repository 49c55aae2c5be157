package io.fulcrum.margin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ThresholdAccountMap}: lookups survive removals in the middle of probe runs and growth. */
class ThresholdAccountMapTest {

    @Test
    void anAbsentKeyHasNoValue() {
        ThresholdAccountMap map = new ThresholdAccountMap(0);
        map.put(5, 0);

        assertEquals(-1, map.get(6));
        assertEquals(-1, map.remove(6));
        assertEquals(0, map.get(5), "0 is a value like any other");
    }

    @Test
    void putReplacesAndRemoveReturnsTheValue() {
        ThresholdAccountMap map = new ThresholdAccountMap(4);
        map.put(Long.MIN_VALUE, 1);
        map.put(Long.MIN_VALUE, 2);

        assertEquals(1, map.size());
        assertEquals(2, map.remove(Long.MIN_VALUE));
        assertEquals(0, map.size());
    }

    @Test
    void aNegativeValueIsRejected() {
        ThresholdAccountMap map = new ThresholdAccountMap(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.put(1, -1));
        assertEquals("value must be non-negative: -1", e.getMessage());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 17, 99})
    void matchesAHashMapUnderRandomPutsAndRemoves(long seed) {
        Random random = new Random(seed);
        ThresholdAccountMap map = new ThresholdAccountMap(0);   // starts at 16 slots: grows, wraps, collides
        Map<Long, Integer> expected = new HashMap<>();
        for (int op = 0; op < 50_000; op++) {
            // Few distinct keys, half of them negative, so probe runs are long and removals frequent.
            long key = random.nextInt(400) - 200L;
            String where = "seed " + seed + ", operation " + op + ", key " + key;
            if (random.nextInt(3) == 0) {
                Integer old = expected.remove(key);
                assertEquals(old == null ? -1 : old, map.remove(key), where);
            } else {
                int value = random.nextInt(1_000);
                expected.put(key, value);
                map.put(key, value);
            }
            assertEquals(expected.size(), map.size(), where);
            long probe = random.nextInt(400) - 200L;
            Integer want = expected.get(probe);
            assertEquals(want == null ? -1 : want, map.get(probe), where + ", probe " + probe);
        }
    }
}
