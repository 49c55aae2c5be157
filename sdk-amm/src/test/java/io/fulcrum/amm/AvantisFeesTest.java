package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.PoolFill;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Avantis' fees as a pool fee rule (MECHANISMS.md §4 worked examples). USDC at 6 decimals. ETH: sizes
 * in 0.001 ETH, prices in cents, so 1 ETH at 2,000.00 = 1,000 x 200,000 x 10 = 2,000,000,000 units
 * ($2,000). EUR: sizes in 0.01 EUR, prices in 0.0001 USD, so notional = size x price exactly.
 */
class AvantisFeesTest {
    private static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), USDC).sizeDecimals(3)
            .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final MarketSpec EUR = MarketSpec.builder(MarketId.of("EUR-USD"), USDC).sizeDecimals(2)
            .priceDecimals(4).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final AvantisFees CRYPTO = AvantisFees.fixed(SkewFeeTable.flat(600, 600));
    private static final AvantisFees CRYPTO_REBATE = CRYPTO.withLossRebate(LossRebate.of(100_000));
    private static final AvantisFees ZFP = AvantisFees.zeroFee(ZeroFeePerp.exampleTiers());

    private static long usdc(long dollars) {
        return dollars * 1_000_000;
    }

    private static long eth(double whole) {
        return Math.round(whole * 1_000);
    }

    private static PoolFill fill(MarketSpec market, Side side, long quantity, long price, long tradersLong,
            long tradersShort, long positionSize, long positionCost, long collateral, long memo) {
        long notional = market.notional(quantity, price, RoundingMode.HALF_EVEN);
        return new PoolFill(market, AccountId.main(7), side, quantity, price, notional, tradersLong, tradersShort,
                positionSize, positionCost, collateral, memo);
    }

    /** A fill at an ETH price in whole dollars, with the traders' book in whole ETH. */
    private static PoolFill ethFill(Side side, double quantity, long dollars, long longEth, long shortEth,
            double positionEth, long positionCostDollars, long collateralDollars, long memo) {
        return fill(ETH, side, eth(quantity), dollars * 100, eth(longEth), eth(shortEth), eth(positionEth),
                usdc(positionCostDollars), usdc(collateralDollars), memo);
    }

    @Test
    void forexLongThatLeavesTheBookEightyPercentLongPays120() {
        // 2,400 EUR at 1.25 = $3,000 long into long 797,000 / short 200,000 ($): after it 800,000 / 200,000,
        // oiPct = floor(100 x 200,000 / 1,000,000) = 20, decile 2: 500 - 5 x 20 = 400 ppm = 4 bps; 3,000 x 4 bps = $1.20.
        PoolFill f = fill(EUR, Side.BUY, 240_000, 12_500, 63_760_000, 16_000_000, 0, 0, 0, 0);
        assertEquals(usdc(3_000), f.notional());
        assertEquals(1_200_000, AvantisFees.fixed(SkewFeeTable.forexExample()).fee(f));
    }

    @Test
    void cryptoOpenPaysSixBps() {
        // $100 x 30x = $3,000 (1.5 ETH at 2,000): 3,000 x 6 bps = $1.80.
        assertEquals(1_800_000, CRYPTO.fee(ethFill(Side.BUY, 1.5, 2_000, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void cryptoCloseInProfitPaysSixBpsOnTheAdjustedSize() {
        // Long 1.5 ETH, cost $3,000, collateral $100, sold at 2,100: exit 1.5 x 2,100 = 3,150, gross +150,
        // margin fee 0: adjusted = 3,000 + 150 - 0 = 3,150; 3,150 x 0.0006 = $1.89.
        assertEquals(1_890_000, CRYPTO.fee(ethFill(Side.SELL, 1.5, 2_100, 2, 0, 1.5, 3_000, 100, 0)));
    }

    @Test
    void aShortsAdjustedSizeIsItsEntryPlusItsProfit() {
        // Short 1.5 ETH, cost $3,000, bought back at 1,900: exit 2,850, gross 3,000 - 2,850 = +150;
        // adjusted 3,000 + 150 = 3,150 (not the exit 2,850); x 6 bps = $1.89.
        assertEquals(1_890_000, CRYPTO.fee(ethFill(Side.BUY, 1.5, 1_900, 0, 2, -1.5, -3_000, 100, 0)));
    }

    @Test
    void aFlipPaysTheCloseFeeThenTheOpenFeeAtTheSkewTheCloseLeft() {
        // Forex-shaped table on ETH. A trader long 1 ETH ($2,000), alone in the book, sells 2.5 ETH at 2,000.
        // Close 1 ETH: gross 0, 3 bps x 2,000 = 0.60. Open 1.5 ETH short ($3,000) into long 0 / short 0:
        // oiPct 0, decile 0: 500 ppm = 5 bps x 3,000 = 1.50. Total $2.10.
        // (Judged on the book before the fill, long 2,000, it would be oiPct floor(100 x 2,000 / 5,000) = 40 -> 3 bps.)
        AvantisFees forex = AvantisFees.fixed(SkewFeeTable.forexExample());
        assertEquals(2_100_000, forex.fee(ethFill(Side.SELL, 2.5, 2_000, 1, 0, 1, 2_000, 200, 0)));
    }

    @Test
    void zeroFeeProfitPaysTheTierShareOfGrossPnl() {
        // Long 100x $100 = $10,000 (5 ETH) from 2,000, closed at 2,020: exit 10,100, gross $100, ROI 100 %
        // -> example tier 10 % -> fee $10.
        assertEquals(usdc(10), ZFP.fee(ethFill(Side.SELL, 5, 2_020, 5, 0, 5, 10_000, 100, 0)));
    }

    @Test
    void zeroFeePartialCloseJudgesTheRoiOnItsCollateralShare() {
        // Close half (2.5 ETH) at 2,020: exit 5,050 vs entry 5,000, gross $50; collateral share $50 -> ROI 100 %
        // -> 10 % = $5. (On the whole $100 the ROI would be 50 % and the share 20 %: $10.)
        assertEquals(usdc(5), ZFP.fee(ethFill(Side.SELL, 2.5, 2_020, 5, 0, 5, 10_000, 100, 0)));
    }

    @Test
    void zeroFeeChargesNothingToOpenOrToCloseAtALoss() {
        assertEquals(0, ZFP.fee(ethFill(Side.BUY, 5, 2_000, 0, 0, 0, 0, 0, 0)));
        // Closed at 1,980: gross -$100.
        assertEquals(0, ZFP.fee(ethFill(Side.SELL, 5, 1_980, 5, 0, 5, 10_000, 100, 0)));
    }

    @Test
    void openingOnTheLessCrowdedSideLocksTheRebateRate() {
        // $5,000 long (2.5 ETH) into long $400,000 (200 ETH) / short $600,000 (300 ETH): 405,000 < 600,000 -> 10 %.
        assertEquals(100_000, CRYPTO_REBATE.memoOnOpen(ethFill(Side.BUY, 2.5, 2_000, 200, 300, 0, 0, 0, 0)));
    }

    @Test
    void openingOnTheMoreCrowdedSideLocksNothing() {
        // $5,000 long into long $600,000 / short $400,000: 605,000 is not < 400,000 -> 0.
        assertEquals(0, CRYPTO_REBATE.memoOnOpen(ethFill(Side.BUY, 2.5, 2_000, 300, 200, 0, 0, 0, 0)));
    }

    @Test
    void aLossWithALockedRateIsRebatedOffTheCloseFee() {
        // Long 50x $100 = $5,000 (2.5 ETH) from 2,000, closed at 1,990: exit 4,975, gross -25.
        // Close fee (5,000 - 25) x 6 bps = 2.985; rebate min(25, 100) x 10 % = 2.50; fee 2.985 - 2.50 = $0.485.
        assertEquals(485_000, CRYPTO_REBATE.fee(ethFill(Side.SELL, 2.5, 1_990, 300, 300, 2.5, 5_000, 100, 100_000)));
    }

    @Test
    void aLossOnAPositionOpenedOnTheCrowdedSideGetsNoRebate() {
        // Same close with memo 0: only the close fee, $2.985.
        assertEquals(2_985_000, CRYPTO_REBATE.fee(ethFill(Side.SELL, 2.5, 1_990, 300, 300, 2.5, 5_000, 100, 0)));
    }

    @Test
    void aPartialCloseIsRebatedUpToItsCollateralShare() {
        // Close 1.25 of 2.5 ETH (cost $5,000, collateral $100) at 1,900: exit 2,375, entry 2,500, gross -125;
        // collateral share 50: rebate min(125, 50) x 10 % = 5.00; close fee 2,375 x 6 bps = 1.425;
        // fee 1.425 - 5.00 = -$3.575 (the pool pays).
        assertEquals(-3_575_000, CRYPTO_REBATE.fee(ethFill(Side.SELL, 1.25, 1_900, 300, 300, 2.5, 5_000, 100, 100_000)));
    }

    @Test
    void zeroFeeWithRebatePaysTheRebateOnALoss() {
        // ZFP charges nothing on the -25 loss; the 10 % rebate pays back 2.50: fee -$2.50.
        AvantisFees zfp = ZFP.withLossRebate(LossRebate.of(100_000));
        assertEquals(-2_500_000, zfp.fee(ethFill(Side.SELL, 2.5, 1_990, 300, 300, 2.5, 5_000, 100, 100_000)));
    }

    @Test
    void addingOnTheCrowdedSideAveragesTheLockedRateBySize() {
        // Held 2.5 ETH at 10 %, adds 2.5 ETH into long 600,000 / short 400,000 (locked 0):
        // 100,000 + floor((0 - 100,000) x 2.5 / 5) = 50,000 ppm.
        assertEquals(50_000, CRYPTO_REBATE.memoOnOpen(ethFill(Side.BUY, 2.5, 2_000, 300, 200, 2.5, 5_000, 100, 100_000)));
    }

    @Test
    void theNewSideOfAFlipLocksItsOwnRate() {
        // Long 1 ETH with memo 0 sells 3.5 ETH into long 300 / short 200 ETH: after the close long 299 ETH
        // ($598,000) / short $400,000; the 2.5 ETH ($5,000) short leaves 405,000 < 598,000 -> 10 %.
        assertEquals(100_000, CRYPTO_REBATE.memoOnOpen(ethFill(Side.SELL, 3.5, 2_000, 300, 200, 1, 2_000, 40, 0)));
    }

    @Test
    void withLossRebateLeavesTheOriginalWithoutOne() {
        // Without a rebate nothing is locked, and a memo on the position is not paid out: fee $2.985 as above.
        assertNotSame(CRYPTO, CRYPTO_REBATE);
        assertEquals(0, CRYPTO.memoOnOpen(ethFill(Side.BUY, 2.5, 2_000, 200, 300, 0, 0, 0, 0)));
        assertEquals(2_985_000, CRYPTO.fee(ethFill(Side.SELL, 2.5, 1_990, 300, 300, 2.5, 5_000, 100, 100_000)));
    }

    @Test
    void missingPartsAreRejected() {
        assertThrows(NullPointerException.class, () -> AvantisFees.fixed(null));
        assertThrows(NullPointerException.class, () -> AvantisFees.zeroFee(null));
        assertThrows(NullPointerException.class, () -> CRYPTO.withLossRebate(null));
    }

    @Test
    void aNegativeCollateralIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CRYPTO.fee(ethFill(Side.SELL, 1.5, 2_100, 2, 0, 1.5, 3_000, -100, 0)));
    }
}
