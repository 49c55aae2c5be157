package io.fulcrum.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.MarketId;
import java.util.Map;
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
}
