package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * GMX's position fee (MECHANISMS.md §3.4: 0.04 % on a positive impact, 0.06 % otherwise) decided by
 * the §3.1 impact with ETH factors f⁻ 9e-11, f⁺ 3e-11, exponent 2. ETH at 2,000.00 (price 200,000),
 * sizes in 0.001 ETH, USDC at 6 decimals: 1 ETH = 1,000 size units = 2,000,000,000 USDC units, so
 * 500 ETH long / 300 ETH short is the worked 1,000,000 / 600,000 USD.
 */
class GmxPositionFeesTest {
    private static final AssetSpec USDC = AssetSpec.of("USDC", 6);
    private static final MarketSpec ETH = MarketSpec.builder(MarketId.of("ETH-PERP"), USDC).sizeDecimals(3)
            .priceDecimals(2).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final PriceImpact GMX_ETH = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);
    private static final long PRICE = 200_000;
    private static final long LONG_OI = eth(500);
    private static final long SHORT_OI = eth(300);
    private static final GmxPositionFees FEES = GmxPositionFees.defaults(GMX_ETH);

    private static long eth(long whole) {
        return whole * 1_000;
    }

    private static long usdc(long dollars) {
        return dollars * 1_000_000;
    }

    /** A fill of {@code quantity} at 2,000 by a trader holding {@code positionSize} (entry 2,000). */
    private static PoolFill fill(Side side, long quantity, long tradersLong, long tradersShort, long positionSize) {
        long notional = ETH.notional(quantity, PRICE, RoundingMode.HALF_EVEN);
        long cost = Long.signum(positionSize) * ETH.notional(positionSize, PRICE, RoundingMode.HALF_EVEN);
        return new PoolFill(ETH, AccountId.main(7), side, quantity, PRICE, notional, tradersLong, tradersShort,
                positionSize, cost, Math.abs(cost) / 10, 0);
    }

    @Test
    void theSizeAndPriceUnitsMakeTheWorkedUsdOpenInterest() {
        // 500,000 units x 200,000 x 10^(6 - 3 - 2) = 1e12 = 1,000,000 USDC.
        assertEquals(usdc(1_000_000), ETH.notional(LONG_OI, PRICE, RoundingMode.HALF_EVEN));
        assertEquals(usdc(600_000), ETH.notional(SHORT_OI, PRICE, RoundingMode.HALF_EVEN));
    }

    @Test
    void aLongThatWidensTheGapPaysSixBps() {
        // 100,000 long (50 ETH): gap 400,000 -> 500,000, impact 9e-11 x (400,000^2 - 500,000^2) = -8.10 < 0
        // -> 0.06 % x 100,000 = 60 USDC.
        assertEquals(usdc(60), FEES.fee(fill(Side.BUY, eth(50), LONG_OI, SHORT_OI, 0)));
    }

    @Test
    void aShortThatNarrowsTheGapPaysFourBps() {
        // 300,000 short (150 ETH): gap 400,000 -> 100,000, impact 3e-11 x (400,000^2 - 100,000^2) = +4.50 > 0
        // -> 0.04 % x 300,000 = 120 USDC.
        assertEquals(usdc(120), FEES.fee(fill(Side.SELL, eth(150), LONG_OI, SHORT_OI, 0)));
    }

    @Test
    void sellingOutOfALongIsALongDecreaseThatBalancesTheLongHeavyBook() {
        // Trader long 250 ETH sells 50 ETH (100,000): long 1,000,000 -> 900,000, gap 400,000 -> 300,000,
        // impact > 0 -> 0.04 % x 100,000 = 40 USDC.
        assertEquals(usdc(40), FEES.fee(fill(Side.SELL, eth(50), LONG_OI, SHORT_OI, eth(250))));
    }

    @Test
    void buyingBackAShortIsAShortDecreaseThatWidensTheLongHeavyBook() {
        // Trader short 100 ETH buys back 50 ETH (100,000): short 600,000 -> 500,000, gap 400,000 -> 500,000,
        // impact < 0 -> 0.06 % x 100,000 = 60 USDC.
        assertEquals(usdc(60), FEES.fee(fill(Side.BUY, eth(50), LONG_OI, SHORT_OI, -eth(100))));
    }

    @Test
    void aFlipPaysTheCloseAndTheOpenEachAtItsOwnRate() {
        // Trader long 150 ETH sells 300 ETH (600,000).
        // Close 150 ETH: long 1,000,000 -> 700,000 vs short 600,000, gap 400,000 -> 100,000, impact +4.50
        //   -> 0.04 % x 300,000 = 120.
        // Open 150 ETH short on 700,000 / 600,000 -> short 900,000: crossover, 3e-11 x 100,000^2 - 9e-11 x 200,000^2
        //   = 0.30 - 3.60 = -3.30 -> 0.06 % x 300,000 = 180.
        // 120 + 180 = 300.
        assertEquals(usdc(300), FEES.fee(fill(Side.SELL, eth(300), LONG_OI, SHORT_OI, eth(150))));
    }

    @Test
    void theSameSellWithoutAPositionIsOneOpenAtOneRate() {
        // A fresh 600,000 short: crossover 3e-11 x 400,000^2 - 9e-11 x 200,000^2 = 4.80 - 3.60 = +1.20 > 0
        // -> 0.04 % x 600,000 = 240 (the flip above pays 300).
        assertEquals(usdc(240), FEES.fee(fill(Side.SELL, eth(300), LONG_OI, SHORT_OI, 0)));
    }

    @Test
    void aZeroImpactPaysTheUnbalancingRateAsInGmx() {
        // No impact factors: the balancing 300,000 short has impact 0, not > 0 -> 0.06 % x 300,000 = 180.
        PriceImpact none = new PriceImpact(0, 0, 2, 2, 5_000, 4_000, 6);
        assertEquals(usdc(180), GmxPositionFees.defaults(none).fee(fill(Side.SELL, eth(150), LONG_OI, SHORT_OI, 0)));
    }

    @Test
    void customRatesReplaceTheDefaults() {
        // of(impact, 500, 700): the widening 100,000 long pays 0.07 % = 70, the narrowing 300,000 short 0.05 % = 150.
        GmxPositionFees fees = GmxPositionFees.of(GMX_ETH, 500, 700);
        assertEquals(usdc(70), fees.fee(fill(Side.BUY, eth(50), LONG_OI, SHORT_OI, 0)));
        assertEquals(usdc(150), fees.fee(fill(Side.SELL, eth(150), LONG_OI, SHORT_OI, 0)));
    }

    @Test
    void theFeeRoundsUp() {
        // 0.001 ETH at 2,000.01 = 1 x 200,001 x 10 = 2,000,010 units; 0.06 % of it = 1,200.006 -> 1,201.
        long notional = ETH.notional(1, 200_001, RoundingMode.HALF_EVEN);
        assertEquals(2_000_010, notional);
        PoolFill f = new PoolFill(ETH, AccountId.main(7), Side.BUY, 1, 200_001, notional, LONG_OI, SHORT_OI, 0, 0, 0, 0);
        assertEquals(1_201, FEES.fee(f));
    }

    @Test
    void anImpactAtAnotherUsdScaleIsRejected() {
        PriceImpact cents = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GmxPositionFees.defaults(cents).fee(fill(Side.BUY, eth(50), LONG_OI, SHORT_OI, 0)));
        assertTrue(e.getMessage().contains("2 decimals") && e.getMessage().contains("settles at 6"), e.getMessage());
    }

    @Test
    void badConfigurationIsRejectedAtConstruction() {
        assertThrows(NullPointerException.class, () -> GmxPositionFees.defaults(null));
        assertThrows(IllegalArgumentException.class, () -> GmxPositionFees.of(GMX_ETH, -1, 600));
        assertThrows(IllegalArgumentException.class, () -> GmxPositionFees.of(GMX_ETH, 400, 1_000_001));
    }

    @Test
    void aCloseLargerThanItsSideIsRejected() {
        // The trader claims 600 ETH long while the traders hold 500 ETH long in all.
        assertThrows(IllegalArgumentException.class,
                () -> FEES.fee(fill(Side.SELL, eth(600), LONG_OI, SHORT_OI, eth(600))));
    }
}
