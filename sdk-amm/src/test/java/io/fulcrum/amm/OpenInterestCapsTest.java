package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.OpenInterestLimit;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class OpenInterestCapsTest {
    private static final MarketId BTC = MarketId.of("BTC-USD");
    private static final MarketId ETH = MarketId.of("ETH-USD");
    private static final MarketId SOL = MarketId.of("SOL-USD");
    private static final MarketId EUR = MarketId.of("EUR-USD");
    private static final long TVL = 10_000_000;

    // Pool 90 % = 9,000,000; crypto 60 % = 6,000,000; forex 30 % = 3,000,000;
    // BTC 30 % = 3,000,000, ETH 20 % = 2,000,000, SOL 30 % = 3,000,000, EUR 25 % = 2,500,000.
    private final OpenInterestCaps caps = OpenInterestCaps.builder(OpenInterestCaps.AVANTIS_TOTAL_PPM)
            .assetClass("crypto", 600_000).assetClass("forex", 300_000)
            .pair(BTC, "crypto", 300_000).pair(ETH, "crypto", 200_000).pair(SOL, "crypto", 300_000)
            .pair(EUR, "forex", 250_000)
            .build();

    @Test
    void capsAreFractionsOfTheVault() {
        assertEquals(9_000_000, caps.totalCap(TVL));
        assertEquals(6_000_000, caps.classCap("crypto", TVL));
        assertEquals(2_500_000, caps.pairCap(EUR, TVL));
    }

    @Test
    void increaseUnderEveryCapFitsAndNamesTheTightest() {
        // BTC 2,500,000 + 400,000: pair headroom 500,000, crypto 6,000,000 - 4,300,000 = 1,700,000,
        // pool 9,000,000 - 6,700,000 = 2,300,000 -> fits, pair binds with 500,000.
        OpenInterestCaps.Verdict v = caps.check(TVL, Map.of(BTC, 2_500_000L, ETH, 1_800_000L, EUR, 2_400_000L), BTC, 400_000);
        assertTrue(v.fits(), v.reason());
        assertEquals("pair BTC-USD", v.bindingCap());
        assertEquals(500_000, v.headroom());
    }

    @Test
    void pairCapRefusesAnIncreaseOverIt() {
        // 2,500,000 + 600,000 > 3,000,000.
        OpenInterestCaps.Verdict v = caps.check(TVL, Map.of(BTC, 2_500_000L, ETH, 1_800_000L), BTC, 600_000);
        assertFalse(v.fits(), v.reason());
        assertEquals("pair BTC-USD", v.bindingCap());
        assertTrue(v.reason().startsWith("exceeds pair BTC-USD cap 3000000"), v.reason());
    }

    @Test
    void assetClassCapBindsBeforeThePairs() {
        // Crypto 2,500,000 + 1,800,000 + 1,500,000 = 5,800,000, headroom 200,000; SOL's own headroom 1,500,000;
        // pool 5,800,000 of 9,000,000. SOL + 300,000 > 200,000 -> refused by the class.
        OpenInterestCaps.Verdict v = caps.check(TVL, Map.of(BTC, 2_500_000L, ETH, 1_800_000L, SOL, 1_500_000L), SOL, 300_000);
        assertFalse(v.fits(), v.reason());
        assertEquals("asset class crypto", v.bindingCap());
        assertEquals(200_000, v.headroom());
    }

    @Test
    void poolCapBindsWhenEveryClassIsFull() {
        // Pool 50 % = 5,000,000; crypto 4,000,000 + forex 900,000 = 4,900,000 -> headroom 100,000;
        // EUR pair headroom 2,500,000 - 900,000 = 1,600,000, forex class 3,000,000 - 900,000 = 2,100,000.
        OpenInterestCaps small = OpenInterestCaps.builder(500_000).assetClass("crypto", 600_000)
                .assetClass("forex", 300_000).pair(BTC, "crypto", 600_000).pair(EUR, "forex", 250_000).build();
        OpenInterestCaps.Verdict v = small.check(TVL, Map.of(BTC, 4_000_000L, EUR, 900_000L), EUR, 100_001);
        assertFalse(v.fits(), v.reason());
        assertEquals("pool", v.bindingCap());
        assertTrue(small.check(TVL, Map.of(BTC, 4_000_000L, EUR, 900_000L), EUR, 100_000).fits());
    }

    @Test
    void unconfiguredPairIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> caps.check(TVL, Map.of(), MarketId.of("XAU-USD"), 1));
        assertTrue(e.getMessage().contains("XAU-USD"), e.getMessage());
    }

    @Test
    void pairOfAnUndeclaredClassIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> OpenInterestCaps.builder(900_000).pair(BTC, "crypto", 100_000));
        assertThrows(IllegalArgumentException.class, () -> OpenInterestCaps.builder(1_000_001));
    }

    /** BTC 2,500,000 and ETH 1,800,000; every other market 0. */
    private static final ToLongFunction<MarketId> BOOK = m -> Map.of(BTC, 2_500_000L, ETH, 1_800_000L).getOrDefault(m, 0L);

    @Test
    void asALimitAnIncreaseThatFitsIsNotRefused() {
        // BTC 2,500,000 + 400,000 = 2,900,000 <= 3,000,000; crypto 4,700,000 <= 6,000,000; pool 4,700,000 <= 9,000,000.
        OpenInterestLimit limit = caps;
        assertNull(limit.refusal(BTC, 400_000, BOOK, TVL));
    }

    @Test
    void asALimitAnIncreaseOverThePairCapIsRefusedNamingThePair() {
        // BTC 2,500,000 + 600,000 = 3,100,000 > 3,000,000 (crypto 4,900,000 and pool have more headroom).
        String reason = caps.refusal(BTC, 600_000, BOOK, TVL);
        assertTrue(reason != null && reason.contains("pair BTC-USD"), reason);
    }

    @Test
    void asALimitTheClassTotalSumsTheConfiguredPairs() {
        // Crypto 2,500,000 + 1,800,000 + SOL 1,500,000 = 5,800,000; SOL + 300,000 > 6,000,000 -> the class refuses,
        // although SOL alone (1,800,000 <= 3,000,000) fits.
        ToLongFunction<MarketId> book = m -> Map.of(BTC, 2_500_000L, ETH, 1_800_000L, SOL, 1_500_000L).getOrDefault(m, 0L);
        String reason = caps.refusal(SOL, 300_000, book, TVL);
        assertTrue(reason != null && reason.contains("asset class crypto"), reason);
        assertNull(caps.refusal(SOL, 200_000, book, TVL));
    }

    @Test
    void asALimitMarketsWithoutACapAreLeftOutOfTheTotals() {
        // XAU-USD is not configured: its 5,000,000 does not count towards the pool's 9,000,000.
        ToLongFunction<MarketId> book = m -> m.equals(MarketId.of("XAU-USD")) ? 5_000_000L : BOOK.applyAsLong(m);
        assertNull(caps.refusal(BTC, 400_000, book, TVL));
    }

    @Test
    void asALimitAMarketWithoutACapIsRefused() {
        String reason = caps.refusal(MarketId.of("XAU-USD"), 1, BOOK, TVL);
        assertTrue(reason != null && reason.contains("XAU-USD"), reason);
    }

    @Test
    void asALimitANegativeVaultValueLetsNothingGrow() {
        // Traders' profit above the cash: the vault counts as 0, every cap is 0.
        String reason = caps.refusal(EUR, 1, m -> 0L, -5_000);
        assertTrue(reason != null && reason.startsWith("exceeds"), reason);
    }
}
