package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC_ASSET;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AssetId;
import io.fulcrum.api.AssetSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HaircutCollateralTest {
    private static final long ONE_BTC = 100_000_000L;                 // 8 decimals
    private static final AssetSpec USDE = AssetSpec.of("USDE", 6);
    private static final AssetSpec PTS = AssetSpec.of("PTS", 0);      // whole units only
    private static final AssetSpec DIME = AssetSpec.of("DIME", 1);    // tenths

    private static final HaircutCollateral BTC_AT_5_PERCENT =
            HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 50_000).build();

    private static TestPrices btcAt60k() {
        return new TestPrices().asset(BTC_ASSET.id(), 60_000 * USD);
    }

    @Test
    void theSettlementAssetCountsInFull() {
        assertEquals(1_000 * USD, BTC_AT_5_PERCENT.collateralValue(USDC, 1_000 * USD, new TestPrices()));
        assertEquals(-250 * USD, BTC_AT_5_PERCENT.collateralValue(USDC, -250 * USD, new TestPrices()));
    }

    @Test
    void oneBtcAt60000WithAFivePercentHaircutIsWorth57000() {
        assertEquals(57_000 * USD, BTC_AT_5_PERCENT.collateralValue(BTC_ASSET, ONE_BTC, btcAt60k()));
    }

    @Test
    void anUnlistedAssetCountsNothing() {
        TestPrices prices = btcAt60k().asset(USDE.id(), 650_000);
        assertEquals(0, BTC_AT_5_PERCENT.collateralValue(USDE, 1_000 * USD, prices));
    }

    @Test
    void settlementOnlyCountsNothingElse() {
        HaircutCollateral usdcOnly = HaircutCollateral.settlementOnly(USDC);
        assertEquals(0, usdcOnly.collateralValue(BTC_ASSET, ONE_BTC, btcAt60k()));
        assertEquals(7 * USD, usdcOnly.collateralValue(USDC, 7 * USD, btcAt60k()));
    }

    @Test
    void aHoldingWithoutAPriceCountsNothing() {
        assertEquals(0, BTC_AT_5_PERCENT.collateralValue(BTC_ASSET, ONE_BTC, new TestPrices()));
    }

    @Test
    void aDebtCountsInFullWithoutHaircut() {
        // Owing 0.5 BTC at 60,000 is -30,000, not -28,500.
        assertEquals(-30_000 * USD, BTC_AT_5_PERCENT.collateralValue(BTC_ASSET, -ONE_BTC / 2, btcAt60k()));
    }

    @Test
    void aDebtOfAnUnlistedAssetStillCounts() {
        TestPrices prices = new TestPrices().asset(USDE.id(), 650_000);
        assertEquals(-650_000, BTC_AT_5_PERCENT.collateralValue(USDE, -1_000_000, prices));
    }

    @Test
    void aDebtWithoutAPriceIsAnErrorNotAZero() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BTC_AT_5_PERCENT.collateralValue(BTC_ASSET, -ONE_BTC, new TestPrices()));
        assertEquals("a debt of -1.00000000 BTC cannot be valued: the asset has no price (0)", e.getMessage());
    }

    @Test
    void aHoldingsValueRoundsDown() {
        // 7 PTS at 3 units each = 21, 5 % off = 19.95 -> 19.
        HaircutCollateral policy = HaircutCollateral.builder(USDC).haircut(PTS.id(), 50_000).build();
        assertEquals(19, policy.collateralValue(PTS, 7, new TestPrices().asset(PTS.id(), 3)));
        // 0.7 DIME at 3 units each = 2.1 -> 2, before any haircut.
        HaircutCollateral noHaircut = HaircutCollateral.builder(USDC).haircut(DIME.id(), 0).build();
        assertEquals(2, noHaircut.collateralValue(DIME, 7, new TestPrices().asset(DIME.id(), 3)));
    }

    @Test
    void aDebtsValueRoundsAwayFromZero() {
        // Owing 0.7 DIME at 3 units each = -2.1 -> -3: the debt counts at least in full.
        HaircutCollateral policy = HaircutCollateral.builder(USDC).haircut(DIME.id(), 0).build();
        assertEquals(-3, policy.collateralValue(DIME, -7, new TestPrices().asset(DIME.id(), 3)));
    }

    @Test
    void aFullHaircutCountsNothing() {
        HaircutCollateral policy = HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 1_000_000).build();
        assertEquals(0, policy.collateralValue(BTC_ASSET, ONE_BTC, btcAt60k()));
    }

    /** MECHANISMS.md §5.4: BTC 100 % up to 100M, 97.5 % from 100M to 120M, 95 % from 120M to 150M. */
    private static HaircutCollateral binanceTieredBtc() {
        return HaircutCollateral.builder(USDC).tieredHaircut(BTC_ASSET.id(), List.of(
                new HaircutTier(0, 0),
                new HaircutTier(100_000_000 * USD, 25_000),
                new HaircutTier(120_000_000 * USD, 50_000))).build();
    }

    @Test
    void tieredHaircutOf6000BtcAt20000Is119500000() {
        // 6,000 BTC x 20,000 = 120M -> 100M x 100 % + 20M x 97.5 % = 119,500,000.
        TestPrices prices = new TestPrices().asset(BTC_ASSET.id(), 20_000 * USD);
        assertEquals(119_500_000 * USD, binanceTieredBtc().collateralValue(BTC_ASSET, 6_000 * ONE_BTC, prices));
    }

    @Test
    void tieredHaircutAppliesEachBandToItsOwnSlice() {
        TestPrices prices = new TestPrices().asset(BTC_ASSET.id(), 20_000 * USD);
        // 4,500 BTC = 90M: all in the first band.
        assertEquals(90_000_000 * USD, binanceTieredBtc().collateralValue(BTC_ASSET, 4_500 * ONE_BTC, prices));
        // 6,500 BTC = 130M: 100M + 20M x 97.5 % + 10M x 95 % = 129,000,000.
        assertEquals(129_000_000 * USD, binanceTieredBtc().collateralValue(BTC_ASSET, 6_500 * ONE_BTC, prices));
    }

    @Test
    void theSettlementAssetWithOtherDecimalsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BTC_AT_5_PERCENT.collateralValue(AssetSpec.of("USDC", 2), 100, new TestPrices()));
        assertEquals("settlement asset USDC has 6 decimals, not 2", e.getMessage());
    }

    @Test
    void theSettlementAssetCannotBeListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HaircutCollateral.builder(USDC).haircut(USDC.id(), 10_000));
        assertEquals("USDC is the settlement asset: it always counts in full", e.getMessage());
    }

    @Test
    void anAssetCannotBeListedTwice() {
        HaircutCollateral.Builder builder = HaircutCollateral.builder(USDC).haircut(BTC_ASSET.id(), 50_000);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> builder.haircut(BTC_ASSET.id(), 60_000));
        assertEquals("BTC is already listed", e.getMessage());
    }

    @Test
    void haircutBandsMustStartAtZero() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HaircutCollateral.builder(USDC)
                .tieredHaircut(BTC_ASSET.id(), List.of(new HaircutTier(5, 0))));
        assertEquals("BTC: the first haircut band must start at value 0", e.getMessage());
    }

    @Test
    void haircutBandFloorsMustIncreaseStrictly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HaircutCollateral.builder(USDC)
                .tieredHaircut(BTC_ASSET.id(), List.of(new HaircutTier(0, 0), new HaircutTier(0, 10))));
        assertEquals("BTC: haircut band floors must increase strictly: 0 then 0", e.getMessage());
    }

    @Test
    void haircutsMustNotDecreaseWithValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HaircutCollateral.builder(USDC)
                .tieredHaircut(BTC_ASSET.id(), List.of(new HaircutTier(0, 50_000), new HaircutTier(100, 10_000))));
        assertEquals("BTC: haircuts must not decrease with value: band 1 has 10000 ppm after 50000 ppm", e.getMessage());
    }

    @Test
    void haircutBandsMustBeGivenAndNotNull() {
        assertEquals("BTC: at least one haircut band is needed", assertThrows(IllegalArgumentException.class,
                () -> HaircutCollateral.builder(USDC).tieredHaircut(BTC_ASSET.id(), List.of())).getMessage());
        List<HaircutTier> withNull = new ArrayList<>();
        withNull.add(null);
        assertEquals("BTC: haircut band 0 is null", assertThrows(IllegalArgumentException.class,
                () -> HaircutCollateral.builder(USDC).tieredHaircut(BTC_ASSET.id(), withNull)).getMessage());
    }

    @Test
    void aHaircutIsAShareOfOneMillionPpm() {
        assertEquals("haircut must be in [0, 1,000,000] ppm: 1000001",
                assertThrows(IllegalArgumentException.class, () -> HaircutTier.flat(1_000_001)).getMessage());
        assertEquals("haircut must be in [0, 1,000,000] ppm: -1",
                assertThrows(IllegalArgumentException.class, () -> HaircutTier.flat(-1)).getMessage());
        assertEquals("haircut value floor must be non-negative: -1",
                assertThrows(IllegalArgumentException.class, () -> new HaircutTier(-1, 0)).getMessage());
    }

    @Test
    void listedHaircutsCanBeReadBack() {
        assertEquals(List.of(HaircutTier.flat(50_000)), BTC_AT_5_PERCENT.haircuts(BTC_ASSET.id()));
        assertEquals(List.of(), BTC_AT_5_PERCENT.haircuts(AssetId.of("ETH")));
        assertEquals(USDC, BTC_AT_5_PERCENT.settlement());
    }
}
