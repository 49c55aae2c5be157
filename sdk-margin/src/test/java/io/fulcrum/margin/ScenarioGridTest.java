package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.margin.ScenarioGrid.Scenario;
import io.fulcrum.margin.ScenarioGrid.VolShock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioGridTest {
    @Test
    void span16ListsSpansScenariosInSpansOrder() {
        // MECHANISMS.md §6.1: 1/2 0 up/down, 3/4 +1/3, 5/6 −1/3, 7/8 +2/3, 9/10 −2/3, 11/12 +3/3,
        // 13/14 −3/3, 15/16 ±3 ranges at 35 %.
        List<Scenario> s = ScenarioGrid.span16().scenarios();
        assertEquals(16, s.size());
        assertEquals(new Scenario(0, 3, VolShock.UP, 1_000_000), s.get(0));
        assertEquals(new Scenario(0, 3, VolShock.DOWN, 1_000_000), s.get(1));
        assertEquals(new Scenario(-1, 3, VolShock.UP, 1_000_000), s.get(4));
        assertEquals(new Scenario(-3, 3, VolShock.DOWN, 1_000_000), s.get(13));
        assertEquals(new Scenario(3, 1, VolShock.NONE, 350_000), s.get(14));
        assertEquals(new Scenario(-3, 1, VolShock.NONE, 350_000), s.get(15));
    }

    @Test
    void evenlySpacedCombinesEveryMoveWithEveryVolatilityMove() {
        // §6.4: −16 % … +16 % in 4 % steps (k/4 of a 16 % range) × vol −/0/+: 9 × 3 = 27.
        List<Scenario> s = ScenarioGrid.evenlySpaced(4, VolShock.DOWN, VolShock.NONE, VolShock.UP).scenarios();
        assertEquals(27, s.size());
        assertEquals(new Scenario(-4, 4, VolShock.DOWN, 1_000_000), s.get(0));
        assertEquals(new Scenario(0, 4, VolShock.UP, 1_000_000), s.get(14));
        assertEquals(new Scenario(4, 4, VolShock.UP, 1_000_000), s.get(26));
    }

    @Test
    void aScenarioRepeatingAnEarlierMoveIsRejectedEvenWithAnotherDenominator() {
        // 2/6 is 1/3.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.builder()
                .scenario(1, 3, VolShock.UP).scenario(new Scenario(2, 6, VolShock.UP, 500_000)));
        assertTrue(e.getMessage().contains("repeats the move"), e.getMessage());
    }

    @Test
    void aWeightAbove100PercentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scenario(1, 1, VolShock.NONE, 1_000_001));
        assertEquals("scenario weight must be in (0, 1,000,000] ppm: 1000001", e.getMessage());
    }

    @Test
    void aMoveBeyondTenRangesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Scenario(-31, 3, VolShock.NONE, 1_000_000));
        assertEquals("scenario move -31/3 exceeds 10 scan ranges", e.getMessage());
    }

    @Test
    void anEmptyGridIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.builder().build());
    }

    @Test
    void evenlySpacedNeedsAVolatilityMove() {
        assertThrows(IllegalArgumentException.class, () -> ScenarioGrid.evenlySpaced(4));
    }
}
