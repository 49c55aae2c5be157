package io.fulcrum.orderbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The iceberg table finds every iceberg's slice size and reserve by slot, forgets removed ones,
 * and stays findable through collisions, growth and backward-shift deletion.
 */
class IcebergReserveTest {
    private final IcebergReserve reserve = new IcebergReserve(2);

    @Test
    void findsWhatWasPutAndForgetsWhatWasRemoved() {
        reserve.put(4, 10, 40);
        reserve.put(9, 5, 0);

        int four = reserve.find(4);
        assertEquals(10, reserve.display(four));
        assertEquals(40, reserve.hidden(four));
        reserve.setHidden(four, 30);
        assertEquals(30, reserve.hidden(reserve.find(4)));
        assertEquals(IcebergReserve.ABSENT, reserve.find(5));

        reserve.remove(4);
        reserve.remove(5);   // holds no iceberg: nothing happens

        assertEquals(IcebergReserve.ABSENT, reserve.find(4));
        assertEquals(5, reserve.display(reserve.find(9)));
        assertEquals(1, reserve.size());
        reserve.verify();
    }

    @Test
    void agreesWithAMapThroughRandomPutsAndRemovals() {
        Map<Integer, long[]> model = new HashMap<>();
        List<Integer> slots = new ArrayList<>();
        Random random = new Random(7);
        for (int step = 0; step < 20_000; step++) {
            if (slots.isEmpty() || random.nextInt(3) > 0) {
                int slot = random.nextInt(4_096);
                if (!model.containsKey(slot)) {
                    long display = 1 + random.nextInt(100);
                    long hidden = random.nextInt(1_000);
                    reserve.put(slot, display, hidden);
                    model.put(slot, new long[] {display, hidden});
                    slots.add(slot);
                }
            } else {
                int slot = slots.remove(random.nextInt(slots.size()));
                reserve.remove(slot);
                model.remove(slot);
            }
        }

        reserve.verify();
        assertEquals(model.size(), reserve.size());
        for (int slot = 0; slot < 4_096; slot++) {
            int entry = reserve.find(slot);
            long[] expected = model.get(slot);
            if (expected == null) {
                assertEquals(IcebergReserve.ABSENT, entry, "slot " + slot);
            } else {
                assertEquals(expected[0], reserve.display(entry), "display of slot " + slot);
                assertEquals(expected[1], reserve.hidden(entry), "hidden of slot " + slot);
            }
        }
    }

    @Test
    void growsAtHalfFull() {
        IcebergReserve table = new IcebergReserve(4);
        assertEquals(8, table.capacity());
        for (int slot = 0; slot < 5; slot++) {
            table.put(slot, 1, 1);
        }

        assertEquals(16, table.capacity());
        table.verify();
    }
}
