package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ETH;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.ONE_ETH;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static io.fulcrum.margin.Markets.ethPrice;
import static io.fulcrum.margin.Markets.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import org.junit.jupiter.api.Test;

/**
 * dYdX's rule for changes that leave an account under its initial requirement (MECHANISMS.md §2.2). The §2.2
 * worked state itself (net collateral 8,000, IMR 3,900, MMR 2,340) is CrossMarginTest's
 * {@code dydxSubaccountExampleHasEquity8000Initial3900Maintenance2340}; here ETH then squeezes to 3,500.
 */
class MarginTransitionTest {
    private static final CrossMargin CROSS = CrossMargin.with(HaircutCollateral.settlementOnly(USDC));
    private static final TestPrices SQUEEZE = new TestPrices().mark(BTC.id(), btcPrice(48_000)).mark(ETH.id(), ethPrice(3_500));

    /** dYdX keeps cash, not cost: long 1 BTC and short {@code eth} ETH with {@code cash} USDC (5 % / 3 %). */
    private static MarginState cashAccount(long cash, long eth) {
        return CROSS.evaluate(TestAccount.of(usdc(cash), PositionView.of(BTC, ONE_BTC, 0),
                PositionView.of(ETH, -eth * ONE_ETH, 0)), SQUEEZE);
    }

    /** §2.2's account after ETH rises to 3,500: NC = -10,000 + 48,000 - 35,000 = 3,000; IMR 5 % x 83,000; MMR 3 %. */
    private static final MarginState SQUEEZED = cashAccount(-10_000, 10);

    @Test
    void theSqueezedAccountIsUnderInitialButAboveMaintenance() {
        assertEquals(new MarginState(3_000 * USD, 4_150 * USD, 2_490 * USD), SQUEEZED);
    }

    @Test
    void buyingBackHalfTheShortIsAcceptedAlthoughStillUnderInitial() {
        // Buy 5 ETH at 3,500: cash -27,500; NC = -27,500 + 48,000 - 17,500 = 3,000; IMR 5 % x 65,500 = 3,275,
        // MMR 1,965 <= 2,490 and 3,000 x 2,490 >= 3,000 x 1,965.
        MarginState after = cashAccount(-27_500, 5);
        assertEquals(new MarginState(3_000 * USD, 3_275 * USD, 1_965 * USD), after);
        assertFalse(after.meetsInitial());
        assertTrue(MarginTransition.isAccepted(SQUEEZED, after));
    }

    @Test
    void sellingMoreIsRejectedBecauseMaintenanceGrows() {
        // Sell 5 ETH at 3,500: cash 7,500; NC = 7,500 + 48,000 - 52,500 = 3,000; MMR 3 % x 100,500 = 3,015 > 2,490.
        MarginState after = cashAccount(7_500, 15);
        assertEquals(3_015 * USD, after.maintenanceRequirement());
        assertFalse(MarginTransition.isAccepted(SQUEEZED, after));
    }

    @Test
    void anAccountThatEndsAboveInitialIsAcceptedWhateverItsMaintenanceDoes() {
        assertTrue(MarginTransition.isAccepted(new MarginState(100, 90, 10), new MarginState(100, 100, 60)));
    }

    @Test
    void anEqualCollateralRatioIsAccepted() {
        // 1,500 / 1,000 = 3,000 / 2,000: 1,500 x 2,000 = 3,000 x 1,000.
        assertTrue(MarginTransition.isAccepted(new MarginState(3_000, 4_000, 2_000), new MarginState(1_500, 2_000, 1_000)));
    }

    @Test
    void aRatioWorseByOneUnitIsRejected() {
        // 1,499 x 2,000 = 2,998,000 < 3,000 x 1,000.
        assertFalse(MarginTransition.isAccepted(new MarginState(3_000, 4_000, 2_000), new MarginState(1_499, 2_000, 1_000)));
    }

    @Test
    void maintenanceGrowingByOneUnitIsRejectedEvenIfTheRatioImproves() {
        // 3,000 / 2,001 is a better ratio than 2,000 / 2,000, but MMR grew.
        assertFalse(MarginTransition.isAccepted(new MarginState(2_000, 4_000, 2_000), new MarginState(3_000, 4_000, 2_001)));
    }

    @Test
    void withoutPositionsOnlyARiseInNegativeEquityIsAccepted() {
        assertTrue(MarginTransition.isAccepted(new MarginState(-100, 0, 0), new MarginState(-99, 0, 0)));
        assertFalse(MarginTransition.isAccepted(new MarginState(-100, 0, 0), new MarginState(-100, 0, 0)));
    }

    @Test
    void closingEveryPositionIntoNegativeEquityIsRejected() {
        // Maintenance goes to zero: the ratio is meaningless, and dYdX accepts only zero-to-zero improvements.
        assertFalse(MarginTransition.isAccepted(new MarginState(-50, 10, 5), new MarginState(-10, 0, 0)));
    }

    @Test
    void ratiosOfHugeFiguresCompareExactly() {
        // (3e18 - 1) x 2e18 = 6e36 - 2e18  >=  3e18 x (2e18 - 1) = 6e36 - 3e18: not riskier.
        // (3e18 - 2) x 2e18 = 6e36 - 4e18  <   6e36 - 3e18: riskier. Both products need 123 bits.
        MarginState before = new MarginState(3_000_000_000_000_000_000L, Long.MAX_VALUE, 2_000_000_000_000_000_000L);
        assertTrue(MarginTransition.isNotRiskier(before,
                new MarginState(2_999_999_999_999_999_999L, Long.MAX_VALUE, 1_999_999_999_999_999_999L)));
        assertFalse(MarginTransition.isNotRiskier(before,
                new MarginState(2_999_999_999_999_999_998L, Long.MAX_VALUE, 1_999_999_999_999_999_999L)));
    }

    @Test
    void negativeEquityComparesByTheSameCrossMultiplication() {
        // -50 / 500 = -100 / 1,000: -50 x 1,000 = -100 x 500. -51 / 500 is worse.
        assertTrue(MarginTransition.isNotRiskier(new MarginState(-100, 2_000, 1_000), new MarginState(-50, 1_000, 500)));
        assertFalse(MarginTransition.isNotRiskier(new MarginState(-100, 2_000, 1_000), new MarginState(-51, 1_000, 500)));
    }
}
