package io.fulcrum.margin;

import static io.fulcrum.margin.DydxLiquidationMath.MAINNET_BANKRUPTCY_ADJUSTMENT_PPM;
import static io.fulcrum.margin.DydxLiquidationMath.MAINNET_MAX_LIQUIDATION_FEE_PPM;
import static io.fulcrum.margin.DydxLiquidationMath.MAINNET_MAX_POSITION_PORTION_PPM;
import static io.fulcrum.margin.DydxLiquidationMath.MAINNET_SPREAD_TO_MAINTENANCE_PPM;
import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.BTC_SATS;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** dYdX v4's liquidation arithmetic (MECHANISMS.md §2.3, §2.4); money in USDC units. */
class DydxLiquidationMathTest {
    private static final long BA = MAINNET_BANKRUPTCY_ADJUSTMENT_PPM;
    private static final long SMMR = MAINNET_SPREAD_TO_MAINTENANCE_PPM;
    private static final long FEE = MAINNET_MAX_LIQUIDATION_FEE_PPM;
    private static final long BUDGET = 100_000 * USD;

    // --- bankruptcy quote ---

    @Test
    void closingAWholeLongMustReceiveItsNotionalLessAllItsCollateral() {
        // §2.3: 1 BTC long at 50,000, PMMR = TMMR 1,500, TNC 1,000. DNNV = −50,000, DMMR = −1,500:
        // B = 50,000 − 1,000 × 1,500 / 1,500 = 49,000.
        assertEquals(49_000 * USD,
                DydxLiquidationMath.bankruptcyQuote(-50_000 * USD, -1_500 * USD, 1_000 * USD, 1_500 * USD));
    }

    @Test
    void aPartialCloseUsesOnlyItsShareOfTheCollateral() {
        // 0.1 BTC of it: DNNV −5,000, DMMR −150: B = 5,000 − 1,000 × 150 / 1,500 = 5,000 − 100 = 4,900.
        assertEquals(4_900 * USD,
                DydxLiquidationMath.bankruptcyQuote(-5_000 * USD, -150 * USD, 1_000 * USD, 1_500 * USD));
    }

    @Test
    void closingAShortGivesTheMostTheAccountMayPayAsANegativeQuote() {
        // 1 BTC short at 50,000: DNNV = 0 − (−50,000) = +50,000: B = −50,000 − 1,000 = −51,000.
        assertEquals(-51_000 * USD,
                DydxLiquidationMath.bankruptcyQuote(50_000 * USD, -1_500 * USD, 1_000 * USD, 1_500 * USD));
    }

    @Test
    void negativeCollateralRaisesTheBankruptcyQuoteAboveTheNotional() {
        // TNC −500: B = 50,000 − (−500) × 1,500 / 1,500 = 50,500.
        assertEquals(50_500 * USD,
                DydxLiquidationMath.bankruptcyQuote(-50_000 * USD, -1_500 * USD, -500 * USD, 1_500 * USD));
    }

    @Test
    void theBankruptcyQuoteRoundsTowardPositiveInfinityForEitherSignOfCollateral() {
        // DNNV −100 units, DMMR −1, TMMR 3. TNC 1,000: 100 − 333.33… = −233.33… → −233.
        assertEquals(-233, DydxLiquidationMath.bankruptcyQuote(-100, -1, 1_000, 3));
        // TNC −1,000: 100 + 333.33… = 433.33… → 434.
        assertEquals(434, DydxLiquidationMath.bankruptcyQuote(-100, -1, -1_000, 3));
    }

    @Test
    void theBankruptcyQuoteRejectsARisingMaintenanceAndAnAccountWithoutMaintenance() {
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.bankruptcyQuote(-100, 1, 1_000, 3));
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.bankruptcyQuote(-100, -1, 1_000, 0));
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.bankruptcyQuote(-100, -4, 1_000, 3));
    }

    // --- fillable price ---

    @Test
    void theWorkedExampleLongIsFillableAt49250() {
        // §2.3: ABR = 1 − 1,000 / 1,500 = 1/3; spread 1.5 × 1,500 = 2,250; 50,000 − 750 = 49,250.
        assertEquals(btcPrice(49_250), DydxLiquidationMath.fillablePrice(BTC, ONE_BTC, 50_000 * USD, 1_500 * USD,
                1_000 * USD, 1_500 * USD, BA, SMMR));
    }

    @Test
    void theSameShortIsFillableAbove() {
        // (−50,000 − 750) / −1 = 50,750.
        assertEquals(btcPrice(50_750), DydxLiquidationMath.fillablePrice(BTC, -ONE_BTC, -50_000 * USD, 1_500 * USD,
                1_000 * USD, 1_500 * USD, BA, SMMR));
    }

    @Test
    void anAccountAtItsMaintenanceIsFillableAtTheOracle() {
        // TNC = TMMR: ABR = 0.
        assertEquals(btcPrice(50_000), DydxLiquidationMath.fillablePrice(BTC, ONE_BTC, 50_000 * USD, 1_500 * USD,
                1_500 * USD, 1_500 * USD, BA, SMMR));
    }

    @Test
    void negativeCollateralTakesTheWholeSpread() {
        // TNC −500: 1 − (−500 / 1,500) = 4/3, clamped to 1: 50,000 − 2,250 = 47,750.
        assertEquals(btcPrice(47_750), DydxLiquidationMath.fillablePrice(BTC, ONE_BTC, 50_000 * USD, 1_500 * USD,
                -500 * USD, 1_500 * USD, BA, SMMR));
    }

    @Test
    void theBankruptcyAdjustmentScalesTheRating() {
        // BA 50 %: ABR = 0.5 × 1/3 = 1/6; 2,250 / 6 = 375; 50,000 − 375 = 49,625.
        assertEquals(btcPrice(49_625), DydxLiquidationMath.fillablePrice(BTC, ONE_BTC, 50_000 * USD, 1_500 * USD,
                1_000 * USD, 1_500 * USD, 500_000, SMMR));
    }

    @Test
    void theFillablePriceRoundsTowardTheOracle() {
        // PMMR 1,500, TMMR 2,100, TNC 1,500: ABR = 600 / 2,100 = 2/7; 2/7 × 2,250 = 642.857142…
        // Long: 49,357.142857… = 493,571.43 price units (0.1 USDC) → up to 493,572.
        assertEquals(493_572, DydxLiquidationMath.fillablePrice(BTC, ONE_BTC, 50_000 * USD, 1_500 * USD,
                1_500 * USD, 2_100 * USD, BA, SMMR));
        // Short: 50,642.857142… = 506,428.57 → down to 506,428.
        assertEquals(506_428, DydxLiquidationMath.fillablePrice(BTC, -ONE_BTC, -50_000 * USD, 1_500 * USD,
                1_500 * USD, 2_100 * USD, BA, SMMR));
    }

    @Test
    void theFillablePriceIsInTheMarketsPriceUnitsWhenNotionalsAreFractional() {
        // BTC-SATS: sizes 1e-8 BTC, prices 0.01 USDC; 1 BTC = 100,000,000 sats. 49,250.00 = 4,925,000.
        assertEquals(4_925_000, DydxLiquidationMath.fillablePrice(BTC_SATS, 100_000_000, 50_000 * USD,
                1_500 * USD, 1_000 * USD, 1_500 * USD, BA, SMMR));
    }

    @Test
    void theFillablePriceRejectsANotionalOfTheWrongSignAndAPositionMaintenanceAboveTheTotal() {
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.fillablePrice(BTC, ONE_BTC,
                -50_000 * USD, 1_500 * USD, 1_000 * USD, 1_500 * USD, BA, SMMR));
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.fillablePrice(BTC, ONE_BTC,
                50_000 * USD, 1_600 * USD, 1_000 * USD, 1_500 * USD, BA, SMMR));
        assertThrows(IllegalArgumentException.class, () -> DydxLiquidationMath.fillablePrice(BTC, 0,
                0, 1_500 * USD, 1_000 * USD, 1_500 * USD, BA, SMMR));
    }

    // --- insurance fund delta ---

    @Test
    void aSurplusPaysTheFeeOfTheWorkedExample() {
        // §2.3: 5,610 − 5,100 = 510; min(1.5 % × 5,610 = 84.15, 510) = 84.15.
        assertEquals(84_150_000, DydxLiquidationMath.insuranceFundDelta(5_610 * USD, 5_100 * USD, FEE));
    }

    @Test
    void theFeeIsCappedByTheSurplus() {
        // 5,000 − 4,990 = 10; min(75, 10) = 10.
        assertEquals(10 * USD, DydxLiquidationMath.insuranceFundDelta(5_000 * USD, 4_990 * USD, FEE));
    }

    @Test
    void aFillBelowBankruptcyIsPaidByTheFund() {
        // TNC −500: B = 50,500, a fill at 48,000 (above the fillable 47,750): d = −2,500.
        assertEquals(-2_500 * USD, DydxLiquidationMath.insuranceFundDelta(48_000 * USD, 50_500 * USD, FEE));
    }

    @Test
    void aShortBoughtBackAboveItsBankruptcyQuoteIsPaidByTheFund() {
        // Pays 51,200 where it may pay 51,000: d = −51,200 − (−51,000) = −200.
        assertEquals(-200 * USD, DydxLiquidationMath.insuranceFundDelta(-51_200 * USD, -51_000 * USD, FEE));
        // Pays 50,750: d = 250; the fee on |−50,750| is 761.25, capped at 250.
        assertEquals(250 * USD, DydxLiquidationMath.insuranceFundDelta(-50_750 * USD, -51_000 * USD, FEE));
    }

    @Test
    void aFillExactlyAtBankruptcyMovesNothing() {
        assertEquals(0, DydxLiquidationMath.insuranceFundDelta(49_000 * USD, 49_000 * USD, FEE));
    }

    @Test
    void theFeeRoundsUpAgainstTheAccount() {
        // 1,000,001 units × 1.5 % = 15,000.015 → 15,001 (the surplus 1,000,001 does not bind).
        assertEquals(15_001, DydxLiquidationMath.insuranceFundDelta(1_000_001, 0, FEE));
    }

    @Test
    void theWorkedExampleFilledAtItsFillablePriceGivesTheFundTheWholeSurplus() {
        // B = 49,000 (above); filled at 49,250: surplus 250 < 1.5 % × 49,250 = 738.75.
        long bankruptcy = DydxLiquidationMath.bankruptcyQuote(-50_000 * USD, -1_500 * USD, 1_000 * USD, 1_500 * USD);
        assertEquals(250 * USD, DydxLiquidationMath.insuranceFundDelta(49_250 * USD, bankruptcy, FEE));
    }

    // --- block limits ---

    @Test
    void aBlockLiquidatesTenPercentOfALargePosition() {
        // max(10 % × 50,000 = 5,000, min(1,000, 50,000)) = 5,000; budget 100,000.
        assertEquals(5_000 * USD, DydxLiquidationMath.sizePerBlock(50_000 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
        // A short's negative notional counts by magnitude.
        assertEquals(5_000 * USD, DydxLiquidationMath.sizePerBlock(-50_000 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
    }

    @Test
    void aBlockLiquidatesAtLeastTheMinimumNotional() {
        // 10 % × 6,000 = 600 < 1,000.
        assertEquals(1_000 * USD, DydxLiquidationMath.sizePerBlock(6_000 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
    }

    @Test
    void aPositionBelowTheMinimumIsLiquidatedWhole() {
        // max(40, min(1,000, 400)) = 400.
        assertEquals(400 * USD, DydxLiquidationMath.sizePerBlock(400 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
    }

    @Test
    void theAccountsBlockBudgetCapsTheSize() {
        // 10 % × 2,000,000 = 200,000 > 100,000; with 30,000 left → 30,000.
        assertEquals(100_000 * USD, DydxLiquidationMath.sizePerBlock(2_000_000 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
        assertEquals(30_000 * USD, DydxLiquidationMath.sizePerBlock(2_000_000 * USD, 1_000 * USD,
                MAINNET_MAX_POSITION_PORTION_PPM, 30_000 * USD));
    }

    @Test
    void thePortionRoundsUp() {
        // 10 % of 15 units = 1.5 → 2.
        assertEquals(2, DydxLiquidationMath.sizePerBlock(15, 0, MAINNET_MAX_POSITION_PORTION_PPM, BUDGET));
    }

    @Test
    void theBlockSizeIsTheLimitsShareOfThePositionRoundedDownToTheLot() {
        // 5 BTC (50,000 units) worth 250,000, limit 25,000: 50,000 × 25,000 / 250,000 = 5,000.
        assertEquals(5_000, DydxLiquidationMath.blockSize(5 * ONE_BTC, 250_000 * USD, 25_000 * USD, 1));
        // Limit 24,990 with lots of 100: 4,998 → 4,900.
        assertEquals(4_900, DydxLiquidationMath.blockSize(-5 * ONE_BTC, 250_000 * USD, 24_990 * USD, 100));
    }

    @Test
    void theBlockSizeIsTheWholePositionWithinTheLimitAndAtLeastOneLotOtherwise() {
        assertEquals(ONE_BTC, DydxLiquidationMath.blockSize(ONE_BTC, 50_000 * USD, 50_000 * USD, 1));
        // A 1-unit limit rounds down to 0 lots, raised to one lot of 100.
        assertEquals(100, DydxLiquidationMath.blockSize(5 * ONE_BTC, 250_000 * USD, 1, 100));
        // An exhausted budget closes nothing.
        assertEquals(0, DydxLiquidationMath.blockSize(5 * ONE_BTC, 250_000 * USD, 0, 100));
    }
}
