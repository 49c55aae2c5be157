package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VirtualAmmTest {
    // USDC at 6 decimals, sizes in 0.001 base, prices in 0.01 USDC: notional = size * price * 10.
    private static final MarketSpec MARKET = MarketSpec.builder(MarketId.of("ETH-PERP"), AssetSpec.of("USDC", 6))
            .sizeDecimals(3).priceDecimals(2).tickSize(1).lotSize(1)
            .riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    private static final long BASE = 1_000L;          // 1 base in size units
    private static final long USD = 1_000_000L;       // 1 USDC in settlement units
    private static final long PEG_ONE = 1_000_000L;

    /** 1,000 base / 1,000,000 quote, peg 1: price 1,000. */
    private static VirtualAmm balanced() {
        return VirtualAmm.of(MARKET, 1_000 * BASE, 1_000_000 * USD, PEG_ONE);
    }

    /** After traders bought 200 base: x = 800, y = 10^12 / 800 = 1,250,000 exactly, they paid 250,000. */
    private static VirtualAmm netLong200() {
        return balanced().trade(Side.BUY, 200 * BASE).after();
    }

    @Test
    void markIsPegTimesQuoteOverBase() {
        // 1,000,000 / 1,000 = 1,000.00 -> 100,000 price units.
        assertEquals(100_000, balanced().markPrice());
    }

    @Test
    void buyingTenBaseCostsAlongTheCurve() {
        // 1,000,000 * 1,000 / 990 - 1,000,000 = 10,101.0101... -> rounded up: 10,101.010102.
        VirtualAmm.Fill fill = balanced().trade(Side.BUY, 10 * BASE);
        assertEquals(10_101_010_102L, fill.quoteAmount());
        // y' = ceil(10^18 / 990,000) = 1,010,101,010,102 (10^18 = 1,000,000 size units * 10^12 quote units).
        assertEquals(990_000, fill.after().baseReserve());
        assertEquals(1_010_101_010_102L, fill.after().quoteReserve());
        // Average 10,101.010102 / 10 = 1,010.1010102 -> up for a buyer: 1,010.11.
        assertEquals(101_011, fill.averagePrice());
    }

    @Test
    void sellingTenBaseReceivesAlongTheCurveRoundedDown() {
        // 1,000,000 - 1,000,000 * 1,000 / 1,010 = 9,900.990099009... -> 9,900.990099.
        VirtualAmm.Fill fill = balanced().trade(Side.SELL, 10 * BASE);
        assertEquals(9_900_990_099L, fill.quoteAmount());
        assertEquals(-10 * BASE, fill.after().netBase());
        assertEquals(-9_900_990_099L, fill.after().netQuote());
        // 990.0990099 -> down for a seller: 990.09.
        assertEquals(99_009, fill.averagePrice());
    }

    @Test
    void tradesNeverShrinkKAndARoundTripNeverPaysTheTrader() {
        long seed = 20261121L;
        Random random = new Random(seed);
        VirtualAmm amm = balanced();
        for (int i = 0; i < 200; i++) {
            long size = 1 + random.nextInt(50 * (int) BASE);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            BigInteger k = amm.k();
            VirtualAmm.Fill there = amm.trade(side, size);
            VirtualAmm.Fill back = there.after().trade(side.opposite(), size);
            assertTrue(there.after().k().compareTo(k) >= 0, "seed " + seed + " step " + i + ": k shrank");
            long traderGain = side == Side.BUY ? back.quoteAmount() - there.quoteAmount()
                    : there.quoteAmount() - back.quoteAmount();
            assertTrue(traderGain <= 0, "seed " + seed + " step " + i + ": round trip paid the trader " + traderGain);
            amm = there.after();
        }
    }

    @Test
    void netLongPositionMovesTheMark() {
        // y / x = 1,250,000 / 800 = 1,562.50.
        VirtualAmm amm = netLong200();
        assertEquals(250_000 * USD, amm.netQuote());
        assertEquals(156_250, amm.markPrice());
        // Closing on the curve returns 1,250,000 - 10^9 / 1,000 = 250,000: all they paid.
        assertEquals(250_000 * USD, amm.exitValue());
    }

    @Test
    void counterpartyLosesWhenTheIndexRisesWithTradersNetLong() {
        // Traders paid 250,000 for 200 base; index 1,500: 250,000 - 200 * 1,500 = -50,000.
        assertEquals(-50_000 * USD, netLong200().counterpartyPnl(150_000));
    }

    @Test
    void counterpartyLossGrowsAsArbitrageursFollowARisingIndex() {
        // Arbitrageurs buy until the mark meets the index; with k = 10^9 (in whole units) the
        // counterparty's PnL at base reserve b is 10^9 / b - 10^6 - (1,000 - b) * 10^9 / b^2
        // = -10^6 * (1 - 1,000 / b)^2: 0 at b = 1,000, -62,500 at 800, -1,000,000 at 500, less what
        // the rounding keeps: each step rounds the quote reserve up, under one unit in the venue's favour.
        // At 900: y = ceil(10^18 / 900,000) = 1,111,111,111,112 (k = 10^18 + 800,000); at 800:
        // y = (10^18 + 800,000) / 800,000 = 1,250,000,000,001 exactly, so traders paid 250,000.000001
        // and the mark is 1,562.50: 250,000.000001 - 200 * 1,562.50 = -62,499.999999.
        VirtualAmm amm = balanced();
        long previous = 0;
        for (long b = 900; b >= 500; b -= 100) {
            amm = amm.trade(Side.BUY, amm.baseReserve() - b * BASE).after();
            long index = amm.markPrice();
            long pnl = amm.counterpartyPnl(index);
            assertTrue(pnl < previous, "at base " + b + " the loss must grow: " + pnl + " after " + previous);
            previous = pnl;
            if (b == 800) {
                assertEquals(-62_499_999_999L, pnl);
            }
        }
        // Five steps of under one unit each: within 5 units of -1,000,000.
        assertTrue(previous >= -1_000_000 * USD && previous <= -1_000_000 * USD + 5, "at base 500: " + previous);
    }

    @Test
    void repegUpWithTradersNetLongCostsTheProtocol() {
        // (1.2 - 1.0) * (1,250,000 - 10^9 / 1,000) = 0.2 * 250,000 = 50,000; mark 1.2 * 1,562.50 = 1,875.
        VirtualAmm.Adjustment repeg = netLong200().repeg(1_200_000);
        assertEquals(50_000 * USD, repeg.cost());
        assertEquals(187_500, repeg.after().markPrice());
        assertEquals(300_000 * USD, repeg.after().exitValue());
    }

    @Test
    void pegForTheIndexAndRepegDownIsAGain() {
        // peg = 1,500 / 1,562.5 = 0.96; cost (0.96 - 1) * 250,000 = -10,000.
        VirtualAmm amm = netLong200();
        long peg = amm.pegFor(150_000);
        assertEquals(960_000, peg);
        VirtualAmm.Adjustment repeg = amm.repeg(peg);
        assertEquals(-10_000 * USD, repeg.cost());
        assertEquals(150_000, repeg.after().markPrice());
    }

    @Test
    void deepeningLiquidityWithTradersNetLongCostsTheProtocol() {
        // x2: x = 1,600, y = 2,500,000, k = 4 * 10^9, exit = 2,500,000 - 4 * 10^9 / 1,800 = 277,777.777...
        // cost = 277,777.777... - 250,000 = 27,777.7777... -> up: 27,777.777778.
        VirtualAmm.Adjustment adjust = netLong200().adjustK(2, 1);
        assertEquals(27_777_777_778L, adjust.cost());
        assertEquals(156_250, adjust.after().markPrice());
        assertEquals(BigInteger.valueOf(4).multiply(netLong200().k()), adjust.after().k());
    }

    @Test
    void adjustmentsOfABalancedVammCostNothing() {
        assertEquals(0, balanced().repeg(2_000_000).cost());
        assertEquals(0, balanced().adjustK(3, 2).cost());
    }

    @Test
    void fundingIsThePremiumOverTwentyFourHours() {
        // (1,562.5 - 1,500) / 1,500 / 24 = 0.0017361111 -> 1,736,111 ppb per hour, longs pay.
        assertEquals(1_736_111, netLong200().fundingRatePpb(150_000));
        // (1,562.5 - 1,600) / 1,600 / 24 = -0.0009765625 -> towards zero: -976,562 ppb, shorts pay.
        assertEquals(-976_562, netLong200().fundingRatePpb(160_000));
    }

    @Test
    void buyingTheWholeBaseReserveIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> balanced().trade(Side.BUY, 1_000 * BASE));
        assertTrue(e.getMessage().contains("base reserve"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VirtualAmm.of(MARKET, 0, 1, 1));
    }

    @Test
    void shrinkingKBelowTheNetShortIsRejected() {
        // Net short 200 at x = 1,200: x / 10 = 120 cannot absorb the 200 the shorts would buy back.
        VirtualAmm netShort = balanced().trade(Side.SELL, 200 * BASE).after();
        assertThrows(IllegalArgumentException.class, () -> netShort.adjustK(1, 10));
    }
}
