package io.fulcrum.margin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** dYdX v4 open-interest-scaled initial margin (MECHANISMS.md §2.1). */
class OpenInterestMarginTest {
    /** dYdX genesis.sh Mid-Cap: IMF 5 %, maintenance fraction 60 %, OI caps 40M to 100M (whole USDC here). */
    private static final OpenInterestMargin MID_CAP = new OpenInterestMargin(50_000, 600_000, 40_000_000, 100_000_000);

    @Test
    void openInterestHalfwayBetweenTheCapsGivesTheWorkedFraction() {
        // 50,000 + floor(950,000 x (70M - 40M) / (100M - 40M)) = 50,000 + 475,000 = 525,000.
        assertEquals(525_000, MID_CAP.effectiveInitialFractionPpm(70_000_000));
    }

    @Test
    void workedPositionNeedsInitial525000AndMaintenance30000() {
        // IMR = ceil(1,000,000 x 525,000 / 1e6) = 525,000; MMR = ceil(ceil(1,000,000 x 5 %) x 60 %) = 30,000.
        assertEquals(525_000, MID_CAP.initialRequirement(1_000_000, 70_000_000));
        assertEquals(30_000, MID_CAP.maintenanceRequirement(1_000_000));
    }

    @Test
    void atOrBelowTheLowerCapTheBaseFractionApplies() {
        assertEquals(50_000, MID_CAP.effectiveInitialFractionPpm(0));
        assertEquals(50_000, MID_CAP.effectiveInitialFractionPpm(40_000_000));
    }

    @Test
    void atOrAboveTheUpperCapTheFractionIsOneHundredPercent() {
        assertEquals(1_000_000, MID_CAP.effectiveInitialFractionPpm(100_000_000));
        assertEquals(1_000_000, MID_CAP.effectiveInitialFractionPpm(Long.MAX_VALUE));
    }

    @Test
    void theScaledPartRoundsDown() {
        // One unit over the lower cap: floor(950,000 x 1 / 60,000,000) = 0. One unit under the upper cap:
        // floor(950,000 x 59,999,999 / 60,000,000) = floor(949,999.98) = 949,999.
        assertEquals(50_000, MID_CAP.effectiveInitialFractionPpm(40_000_001));
        assertEquals(999_999, MID_CAP.effectiveInitialFractionPpm(99_999_999));
    }

    @Test
    void anUpperCapOfZeroTurnsScalingOff() {
        OpenInterestMargin largeCap = OpenInterestMargin.unscaled(20_000, 600_000);
        assertEquals(20_000, largeCap.effectiveInitialFractionPpm(Long.MAX_VALUE));
    }

    @Test
    void customLeverageCanOnlyRaiseTheFraction() {
        // 10x asks for 100,000: above the base 50,000, below the 525,000 that open interest already demands.
        long tenX = Leverage.of(10).initialFractionPpm();
        assertEquals(100_000, MID_CAP.effectiveInitialFractionPpm(0, tenX));
        assertEquals(525_000, MID_CAP.effectiveInitialFractionPpm(70_000_000, tenX));
        assertEquals(50_000, MID_CAP.effectiveInitialFractionPpm(0, 0));
        // 1,000,000 x 100,000 / 1e6 = 100,000.
        assertEquals(100_000, MID_CAP.initialRequirement(1_000_000, 0, tenX));
    }

    @Test
    void maintenanceRoundsTheBaseInitialRequirementUpBeforeTakingItsFraction() {
        // Notional 33: base IMR ceil(1.65) = 2, MMR ceil(2 x 0.6) = ceil(1.2) = 2 (ceil(33 x 3 %) would be 1).
        assertEquals(2, MID_CAP.maintenanceRequirement(33));
    }

    @Test
    void maintenanceIgnoresOpenInterestAndTheSignOfTheNotional() {
        assertEquals(30_000, MID_CAP.maintenanceRequirement(-1_000_000));
        assertEquals(525_000, MID_CAP.initialRequirement(-1_000_000, 70_000_000));
    }

    @Test
    void capsNearTheTopOfTheRangeDoNotOverflow() {
        // 950,000 x 2e18 needs 81 bits: 50,000 + floor(950,000 x 2e18 / 4e18) = 525,000.
        OpenInterestMargin wide = new OpenInterestMargin(50_000, 600_000, 0, 4_000_000_000_000_000_000L);
        assertEquals(525_000, wide.effectiveInitialFractionPpm(2_000_000_000_000_000_000L));
    }

    @Test
    void rejectsInvalidFractionsAndCaps() {
        assertEquals("initialFractionPpm must be in (0, 1,000,000]: 0", assertThrows(IllegalArgumentException.class,
                () -> new OpenInterestMargin(0, 600_000, 0, 0)).getMessage());
        assertEquals("maintenanceFractionPpm must be in [0, 1,000,000]: 1000001", assertThrows(
                IllegalArgumentException.class, () -> new OpenInterestMargin(50_000, 1_000_001, 0, 0)).getMessage());
        assertEquals("openInterestUpperCap 10 must not be below openInterestLowerCap 20", assertThrows(
                IllegalArgumentException.class, () -> new OpenInterestMargin(50_000, 600_000, 20, 10)).getMessage());
        assertEquals("openInterestLowerCap must be 0 when openInterestUpperCap is 0 (no scaling): 20", assertThrows(
                IllegalArgumentException.class, () -> new OpenInterestMargin(50_000, 600_000, 20, 0)).getMessage());
        assertEquals("openInterest must be non-negative: -1", assertThrows(IllegalArgumentException.class,
                () -> MID_CAP.effectiveInitialFractionPpm(-1)).getMessage());
        assertEquals("customFractionPpm must be in [0, 1,000,000]: 1000001", assertThrows(
                IllegalArgumentException.class, () -> MID_CAP.effectiveInitialFractionPpm(0, 1_000_001)).getMessage());
    }
}
