package io.fulcrum.margin;

import static io.fulcrum.margin.InsuranceDraw.NO_CAP;
import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Insurance-fund policies: routing, caps and fee shares (MECHANISMS.md §2.4, §5.3, §9); money in USDC units. */
class InsuranceFundsTest {
    private static final MarketId BTC = MarketId.of("BTC-PERP");
    private static final MarketId BTC_USDT = MarketId.of("BTC-USDT");
    private static final MarketId ETH = MarketId.of("ETH-PERP");
    private static final MarketId SOL = MarketId.of("SOL-PERP");
    private static final MarketId MEME = MarketId.of("MEME-PERP");
    private static final AccountId ALICE = AccountId.main(1);
    /** dYdX's 1,000,000 USDC per subaccount per block (§2.3), used both per shortfall and per block. */
    private static final long DYDX_CAP = 1_000_000 * USD;

    @Test
    void aSharedFundDrawsTheLeastOfShortfallBalanceAndCap() {
        InsuranceFund fund = InsuranceFunds.shared("insurance-fund", DYDX_CAP, 0);
        // The cap binds: min(1,500,000, 10,000,000, 1,000,000) = 1,000,000.
        assertEquals(1_000_000 * USD, draw(fund, BTC, 1_500_000 * USD, 10_000_000 * USD));
        // The shortfall binds: min(100, 10,000,000, 1,000,000) = 100.
        assertEquals(100 * USD, draw(fund, BTC, 100 * USD, 10_000_000 * USD));
        // The balance binds: min(100, 40, 1,000,000) = 40.
        assertEquals(40 * USD, draw(fund, BTC, 100 * USD, 40 * USD));
    }

    @Test
    void aSharedFundBacksEveryMarket() {
        InsuranceFund fund = InsuranceFunds.shared("insurance-fund", DYDX_CAP, 0);
        assertEquals("insurance-fund", fund.fundFor(BTC));
        assertEquals("insurance-fund", fund.fundFor(ETH));
    }

    @Test
    void withNoCapTheFundPaysAsMuchAsItHolds() {
        InsuranceFund fund = InsuranceFunds.shared("insurance-fund", NO_CAP, 0);
        // min(1,500,000, 10,000,000) = 1,500,000; min(1,500,000, 600) = 600.
        assertEquals(1_500_000 * USD, draw(fund, BTC, 1_500_000 * USD, 10_000_000 * USD));
        assertEquals(600 * USD, draw(fund, BTC, 1_500_000 * USD, 600 * USD));
    }

    @Test
    void aZeroCapPaysNothingButTheFundStillEarnsItsFeeShare() {
        InsuranceFund fund = InsuranceFunds.shared("insurance-fund", 0, 100_000);
        assertEquals(0, draw(fund, BTC, 100 * USD, 10_000_000 * USD));
        assertEquals(100_000, fund.feeSharePpm(BTC));
    }

    @Test
    void anEmptyOrNegativeFundDrawsNothing() {
        InsuranceFund fund = InsuranceFunds.shared("insurance-fund", DYDX_CAP, 0);
        assertEquals(0, draw(fund, BTC, 100 * USD, 0));
        assertEquals(0, draw(fund, BTC, 100 * USD, -5 * USD));
    }

    @Test
    void aClaimNeedsAPositiveShortfall() {
        assertThrows(IllegalArgumentException.class, () -> InsuranceClaim.first(BTC, ALICE, 0, 500 * USD));
        assertThrows(IllegalArgumentException.class, () -> InsuranceClaim.first(BTC, ALICE, -100 * USD, 500 * USD));
    }

    @Test
    void perMarketGivesEachIsolatedMarketItsOwnFundAndTheRestTheSharedOne() {
        // dYdX (§2.4): cross markets share insurance-fund, an isolated market has insurance-fund:<market>.
        InsuranceFund fund = InsuranceFunds.perMarket("insurance-fund", Set.of(ETH), DYDX_CAP, 0);
        assertEquals("insurance-fund:ETH-PERP", fund.fundFor(ETH));
        assertEquals("insurance-fund", fund.fundFor(BTC));
        assertEquals("insurance-fund", fund.fundFor(SOL));
    }

    @Test
    void anIsolatedMarketsFundDrawsUnderTheSameCap() {
        InsuranceFund fund = InsuranceFunds.perMarket("insurance-fund", Set.of(ETH), DYDX_CAP, 0);
        // min(1,500,000, 2,000,000, 1,000,000) = 1,000,000; min(1,500,000, 300,000, 1,000,000) = 300,000.
        assertEquals(1_000_000 * USD, draw(fund, ETH, 1_500_000 * USD, 2_000_000 * USD));
        assertEquals(300_000 * USD, draw(fund, ETH, 1_500_000 * USD, 300_000 * USD));
    }

    @Test
    void perMarketKeepsItsOwnCopyOfTheIsolatedMarkets() {
        Set<MarketId> isolated = new HashSet<>(Set.of(ETH));
        InsuranceFund fund = InsuranceFunds.perMarket("insurance-fund", isolated, DYDX_CAP, 0);
        isolated.add(BTC);
        assertEquals("insurance-fund", fund.fundFor(BTC));
    }

    @Test
    void contractGroupsShareAFundAndUngroupedMarketsUseTheDefault() {
        // Binance (§5.3): BTC contracts in one fund, ETH in another, the rest in a default fund.
        InsuranceFund fund = InsuranceFunds.byGroup(
                Map.of(BTC, "btc-fund", BTC_USDT, "btc-fund", ETH, "eth-fund"), "alt-fund", NO_CAP, 0);
        assertEquals("btc-fund", fund.fundFor(BTC));
        assertEquals("btc-fund", fund.fundFor(BTC_USDT));
        assertEquals("eth-fund", fund.fundFor(ETH));
        assertEquals("alt-fund", fund.fundFor(SOL));
    }

    @Test
    void byGroupKeepsItsOwnCopyOfTheGroups() {
        Map<MarketId, String> groups = new HashMap<>(Map.of(BTC, "btc-fund"));
        InsuranceFund fund = InsuranceFunds.byGroup(groups, "alt-fund", NO_CAP, 0);
        groups.put(SOL, "sol-fund");
        assertEquals("alt-fund", fund.fundFor(SOL));
    }

    @Test
    void aMarketCapLimitsThatMarketOnly() {
        // Drift-like (§9): SOL-PERP may cost the fund 50,000 in all, MEME-PERP (Speculative tier) nothing.
        InsuranceFund fund = InsuranceFunds.withMarketCaps(InsuranceFunds.shared("insurance-fund", NO_CAP, 0),
                Map.of(SOL, 50_000 * USD, MEME, 0L));
        // A shortfall of 80,000 against a fund of 10,000,000: SOL min(80,000, 50,000) = 50,000; MEME 0;
        // BTC, uncapped, 80,000.
        assertEquals(50_000 * USD, draw(fund, SOL, 80_000 * USD, 10_000_000 * USD));
        assertEquals(0, draw(fund, MEME, 80_000 * USD, 10_000_000 * USD));
        assertEquals(80_000 * USD, draw(fund, BTC, 80_000 * USD, 10_000_000 * USD));
    }

    @Test
    void aMarketCapCountsEverythingTheMarketHasDrawn() {
        // Drift's quote_max_insurance − quote_settled_insurance: 30,000 drawn so far leaves 20,000 of the 50,000, then 0.
        InsuranceFund fund = InsuranceFunds.withMarketCaps(InsuranceFunds.shared("insurance-fund", NO_CAP, 0),
                Map.of(SOL, 50_000 * USD));
        assertEquals(20_000 * USD, fund.drawFor(new InsuranceClaim(SOL, ALICE, 80_000 * USD, 10_000_000 * USD, 0, 0,
                30_000 * USD)));
        assertEquals(0, fund.drawFor(new InsuranceClaim(SOL, ALICE, 80_000 * USD, 10_000_000 * USD, 0, 0,
                50_000 * USD)));
    }

    @Test
    void aBlockCapLimitsWhatOneAccountDrawsInABlock() {
        // dYdX (§2.3): 1,000,000 per subaccount per block. A 1,500,000 shortfall draws 1,000,000; after 700,000
        // earlier in the block, 300,000; another account's draws do not count against this one.
        InsuranceFund fund = InsuranceFunds.withBlockCaps(InsuranceFunds.shared("insurance-fund", NO_CAP, 0), DYDX_CAP,
                NO_CAP);
        assertEquals(1_000_000 * USD, draw(fund, BTC, 1_500_000 * USD, 10_000_000 * USD));
        assertEquals(300_000 * USD, fund.drawFor(new InsuranceClaim(BTC, ALICE, 1_500_000 * USD, 10_000_000 * USD,
                700_000 * USD, 700_000 * USD, 0)));
        assertEquals(1_000_000 * USD, fund.drawFor(new InsuranceClaim(BTC, ALICE, 1_500_000 * USD, 10_000_000 * USD,
                0, 5_000_000 * USD, 0)));
    }

    @Test
    void aFundCapLimitsWhatTheFundPaysInABlockForEveryone() {
        // 2,000,000 a block for the fund: 1,200,000 already paid to others leaves 800,000 for this account.
        InsuranceFund fund = InsuranceFunds.withBlockCaps(InsuranceFunds.shared("insurance-fund", NO_CAP, 0), DYDX_CAP,
                2_000_000 * USD);
        assertEquals(800_000 * USD, fund.drawFor(new InsuranceClaim(BTC, ALICE, 1_500_000 * USD, 10_000_000 * USD,
                0, 1_200_000 * USD, 0)));
    }

    @Test
    void blockCapsKeepTheBasesRoutingAndFeeShareAndRejectNegativeCaps() {
        InsuranceFund fund = InsuranceFunds.withBlockCaps(
                InsuranceFunds.perMarket("insurance-fund", Set.of(ETH), NO_CAP, 100_000), DYDX_CAP, NO_CAP);
        assertEquals("insurance-fund:ETH-PERP", fund.fundFor(ETH));
        assertEquals(100_000, fund.feeSharePpm(BTC));
        assertThrows(IllegalArgumentException.class, () -> InsuranceFunds.withBlockCaps(fund, -1, NO_CAP));
        assertThrows(IllegalArgumentException.class, () -> InsuranceFunds.withBlockCaps(fund, NO_CAP, -1));
    }

    @Test
    void aMarketCapNeverRaisesWhatTheBaseAllows() {
        InsuranceFund fund = InsuranceFunds.withMarketCaps(InsuranceFunds.shared("insurance-fund", DYDX_CAP, 0),
                Map.of(SOL, 5_000_000 * USD));
        // The base's cap binds: min(3,000,000, 10,000,000, 1,000,000, 5,000,000) = 1,000,000.
        assertEquals(1_000_000 * USD, draw(fund, SOL, 3_000_000 * USD, 10_000_000 * USD));
        // The balance binds: min(80,000, 30,000, 1,000,000, 5,000,000) = 30,000.
        assertEquals(30_000 * USD, draw(fund, SOL, 80_000 * USD, 30_000 * USD));
    }

    @Test
    void marketCapsKeepTheBasesRoutingAndFeeShare() {
        InsuranceFund fund = InsuranceFunds.withMarketCaps(
                InsuranceFunds.perMarket("insurance-fund", Set.of(ETH), DYDX_CAP, 100_000), Map.of(ETH, 0L));
        assertEquals("insurance-fund:ETH-PERP", fund.fundFor(ETH));
        assertEquals("insurance-fund", fund.fundFor(BTC));
        assertEquals(100_000, fund.feeSharePpm(ETH));
        assertEquals(100_000, fund.feeSharePpm(BTC));
    }

    @Test
    void everyMarketsFundEarnsTheFeeShare() {
        InsuranceFund fund = InsuranceFunds.perMarket("insurance-fund", Set.of(ETH), DYDX_CAP, 100_000);
        assertEquals(100_000, fund.feeSharePpm(ETH));
        assertEquals(100_000, fund.feeSharePpm(BTC));
        // As the venue pays it (floor): 10 % of an 84.15 fee = 8.415 into insurance-fund:ETH-PERP.
        assertEquals(8_415_000, Fixed.ppm(84_150_000, fund.feeSharePpm(ETH), RoundingMode.FLOOR));
    }

    @Test
    void theWholeRangeOfFeeSharesAndAZeroCapAreAccepted() {
        assertEquals(0, InsuranceFunds.shared("f", 0, 0).feeSharePpm(BTC));
        assertEquals(1_000_000, InsuranceFunds.shared("f", 0, 1_000_000).feeSharePpm(BTC));
    }

    @Test
    void sharedRejectsABlankNameANegativeCapAndAFeeShareOutOfRange() {
        assertMessage(NullPointerException.class, "name", () -> InsuranceFunds.shared(null, 0, 0));
        assertMessage(IllegalArgumentException.class, "name must not be blank: '  '",
                () -> InsuranceFunds.shared("  ", 0, 0));
        assertMessage(IllegalArgumentException.class, "maxPerShortfall must not be negative: -1",
                () -> InsuranceFunds.shared("f", -1, 0));
        assertMessage(IllegalArgumentException.class, "feeSharePpm must be between 0 and 1,000,000: 1000001",
                () -> InsuranceFunds.shared("f", 0, 1_000_001));
        assertMessage(IllegalArgumentException.class, "feeSharePpm must be between 0 and 1,000,000: -1",
                () -> InsuranceFunds.shared("f", 0, -1));
    }

    @Test
    void perMarketRejectsABlankSharedNameAndNullMarkets() {
        assertMessage(IllegalArgumentException.class, "sharedName must not be blank: ''",
                () -> InsuranceFunds.perMarket("", Set.of(ETH), 0, 0));
        assertMessage(NullPointerException.class, "isolatedMarkets",
                () -> InsuranceFunds.perMarket("f", null, 0, 0));
        Set<MarketId> withNull = new HashSet<>();
        withNull.add(null);
        assertMessage(NullPointerException.class, "isolatedMarkets contains a null market",
                () -> InsuranceFunds.perMarket("f", withNull, 0, 0));
        assertMessage(IllegalArgumentException.class, "maxPerShortfall must not be negative: -5",
                () -> InsuranceFunds.perMarket("f", Set.of(ETH), -5, 0));
    }

    @Test
    void byGroupRejectsBlankFundNamesAndNullMarkets() {
        assertMessage(IllegalArgumentException.class, "groups' fund for ETH-PERP must not be blank: ' '",
                () -> InsuranceFunds.byGroup(Map.of(ETH, " "), "alt-fund", 0, 0));
        assertMessage(IllegalArgumentException.class, "defaultFund must not be blank: ''",
                () -> InsuranceFunds.byGroup(Map.of(ETH, "eth-fund"), "", 0, 0));
        Map<MarketId, String> withNull = new HashMap<>();
        withNull.put(null, "f");
        assertMessage(NullPointerException.class, "groups contains a null market",
                () -> InsuranceFunds.byGroup(withNull, "alt-fund", 0, 0));
        assertMessage(IllegalArgumentException.class, "feeSharePpm must be between 0 and 1,000,000: 2000000",
                () -> InsuranceFunds.byGroup(Map.of(), "alt-fund", 0, 2_000_000));
    }

    @Test
    void withMarketCapsRejectsANegativeCapAndNulls() {
        InsuranceFund base = InsuranceFunds.shared("f", NO_CAP, 0);
        assertMessage(IllegalArgumentException.class, "caps' cap for SOL-PERP must not be negative: -1",
                () -> InsuranceFunds.withMarketCaps(base, Map.of(SOL, -1L)));
        assertMessage(NullPointerException.class, "base", () -> InsuranceFunds.withMarketCaps(null, Map.of()));
        Map<MarketId, Long> nullCap = new HashMap<>();
        nullCap.put(SOL, null);
        assertMessage(NullPointerException.class, "caps' cap for SOL-PERP",
                () -> InsuranceFunds.withMarketCaps(base, nullCap));
    }

    @Test
    void toStringShowsRoutingCapAndFeeShare() {
        assertEquals("InsuranceFunds[all markets -> insurance-fund, at most 1000000000000 per shortfall, fee share 0 ppm]",
                InsuranceFunds.shared("insurance-fund", DYDX_CAP, 0).toString());
        assertEquals("InsuranceFunds[ETH-PERP -> insurance-fund:ETH-PERP, SOL-PERP -> insurance-fund:SOL-PERP, "
                + "others -> insurance-fund, no cap per shortfall, fee share 100000 ppm]",
                InsuranceFunds.perMarket("insurance-fund", Set.of(SOL, ETH), NO_CAP, 100_000).toString());
        assertEquals("InsuranceFunds.withMarketCaps(InsuranceFunds[all markets -> f, no cap per shortfall, "
                + "fee share 0 ppm], caps per market {MEME-PERP=0})",
                InsuranceFunds.withMarketCaps(InsuranceFunds.shared("f", NO_CAP, 0), Map.of(MEME, 0L)).toString());
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    /** What {@code fund} pays for a first claim of {@code shortfall} in {@code market} against {@code balance}. */
    private static long draw(InsuranceFund fund, MarketId market, long shortfall, long balance) {
        return fund.drawFor(InsuranceClaim.first(market, ALICE, shortfall, balance));
    }
}
