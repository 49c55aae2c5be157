package io.fulcrum.margin;

import static io.fulcrum.margin.UnifiedMarginStatus.FREE;
import static io.fulcrum.margin.UnifiedMarginStatus.LIQUIDATION;
import static io.fulcrum.margin.UnifiedMarginStatus.LIQUIDATION_WITH_LOSS_CLAIM;
import static io.fulcrum.margin.UnifiedMarginStatus.REDUCE_ONLY;
import static io.fulcrum.margin.UnifiedMarginStatus.REMINDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** MECHANISMS.md §5.4's bands, each boundary belonging to the worse band; maintenance margin 100 units. */
class UnifiedMarginStatusTest {
    @Test
    void above150PercentIsFreeAndExactly150IsAReminder() {
        assertEquals(FREE, UnifiedMarginStatus.of(151, 100));
        assertEquals(REMINDER, UnifiedMarginStatus.of(150, 100));
    }

    @Test
    void above120PercentIsAReminderAndExactly120IsReduceOnly() {
        assertEquals(REMINDER, UnifiedMarginStatus.of(121, 100));
        assertEquals(REDUCE_ONLY, UnifiedMarginStatus.of(120, 100));
    }

    @Test
    void above105PercentIsReduceOnlyAndExactly105IsLiquidation() {
        assertEquals(REDUCE_ONLY, UnifiedMarginStatus.of(106, 100));
        assertEquals(LIQUIDATION, UnifiedMarginStatus.of(105, 100));
    }

    @Test
    void above100PercentIsLiquidationAndExactly100ClaimsTheLoss() {
        assertEquals(LIQUIDATION, UnifiedMarginStatus.of(101, 100));
        assertEquals(LIQUIDATION_WITH_LOSS_CLAIM, UnifiedMarginStatus.of(100, 100));
        assertEquals(LIQUIDATION_WITH_LOSS_CLAIM, UnifiedMarginStatus.of(-5, 100));
    }

    @Test
    void aThresholdBetweenTwoIntegersIsComparedExactly() {
        // MM 7: 150 % is 10.5. Equity 10 (142.9 %) is a reminder, 11 (157.1 %) is free.
        assertEquals(REMINDER, UnifiedMarginStatus.of(10, 7));
        assertEquals(FREE, UnifiedMarginStatus.of(11, 7));
    }

    @Test
    void withoutMaintenanceMarginOnlyANegativeEquityIsALoss() {
        assertEquals(FREE, UnifiedMarginStatus.of(0, 0));
        assertEquals(LIQUIDATION_WITH_LOSS_CLAIM, UnifiedMarginStatus.of(-1, 0));
    }

    @Test
    void onlyFreeAndReminderMayIncreaseRiskAndOnlyTheLastTwoLiquidate() {
        assertTrue(FREE.mayIncreaseRisk() && REMINDER.mayIncreaseRisk());
        assertFalse(REDUCE_ONLY.mayIncreaseRisk() || REDUCE_ONLY.isLiquidating());
        assertTrue(LIQUIDATION.isLiquidating() && LIQUIDATION_WITH_LOSS_CLAIM.isLiquidating());
    }

    @Test
    void aNegativeMaintenanceMarginIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> UnifiedMarginStatus.of(1, -1));
    }
}
