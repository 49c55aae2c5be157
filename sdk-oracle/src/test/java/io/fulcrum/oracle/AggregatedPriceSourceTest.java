package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.PriceFlag;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AggregatedPriceSourceTest {
    private static final List<String> FIVE = List.of("binance", "okx", "bybit", "kraken", "coinbase");

    /** Latest observations by feed, as the venue records them. */
    private static final class Observations implements FeedObservations {
        private final Map<String, PriceObservation> latest = new HashMap<>();

        Observations publish(String feed, long price, long time) {
            return publish(feed, price, 0, time);
        }

        Observations publish(String feed, long price, long confidence, long time) {
            latest.put(feed, new PriceObservation(feed, price, confidence, time));
            return this;
        }

        @Override
        public PriceObservation latest(String feed) {
            return latest.get(feed);
        }
    }

    /** A Chainlink-style median of the five feeds, each stale after 60 s, at least three fresh. */
    private static final AggregatedPriceSource MEDIAN_OF_FIVE = AggregatedPriceSource.median("BTC-USD", 60_000, 3,
            FIVE.toArray(String[]::new));

    /** Five BTC prices at one decimal around 50,000.0, all published at {@code time}. */
    private static Observations calmMarket(long time) {
        return new Observations()
                .publish("binance", 500_100, time)
                .publish("okx", 500_050, time)
                .publish("bybit", 500_000, time)
                .publish("kraken", 499_950, time)
                .publish("coinbase", 499_900, time);
    }

    /** USDe/USD at 6 decimals, Hyperliquid-style weights 3, 2, 2, 1, 1, 60 s limits, a 2 % divergence limit. */
    private static AggregatedPriceSource usde(DivergenceRule rule) {
        return AggregatedPriceSource.builder("USDe-USD")
                .source("binance", 3, 60_000).source("okx", 2, 60_000).source("bybit", 2, 60_000)
                .source("kraken", 1, 60_000).source("coinbase", 1, 60_000)
                .minFreshSources(3)
                .divergence(20_000, rule)
                .build();
    }

    /** USDe at 0.65 on Binance only (10 Oct 2025), 1.00 on the four others. */
    private static Observations usdeDepegOnBinance() {
        return new Observations()
                .publish("binance", 650_000, 1_000)
                .publish("okx", 1_000_000, 1_000)
                .publish("bybit", 1_000_000, 1_000)
                .publish("kraken", 1_000_000, 1_000)
                .publish("coinbase", 1_000_000, 1_000);
    }

    // --- aggregation and freshness ---

    @Test
    void fiveFreshSourcesReadTheirMedian() {
        // Sorted [499,900, 499,950, 500,000, 500,050, 500,100], index 2 → 500,000.
        assertEquals(PriceReading.ok(500_000, 0), MEDIAN_OF_FIVE.read(calmMarket(1_000), 2_000));
    }

    @Test
    void oneOfFiveSourcesSpikingTenfoldLeavesTheMedianUnmovedAndIsFlaggedDiverged() {
        // Binance 500,100 → 5,001,000 (10×). Sorted [499,900, 499,950, 500,000, 500,050, 5,001,000], index 2 → 500,000,
        // as before the spike. Divergence limit 1 % (10,000 ppm): |5,001,000 − 500,000| = 4,501,000,
        // 4,501,000 · 10^6 > 10,000 · 500,000 = 5·10^9 → diverged; the others lie ≤ 100 away, 10^8 ≤ 5·10^9.
        AggregatedPriceSource source = AggregatedPriceSource.builder("BTC-USD")
                .aggregator(PriceAggregator.median())
                .source("binance", 1, 60_000).source("okx", 1, 60_000).source("bybit", 1, 60_000)
                .source("kraken", 1, 60_000).source("coinbase", 1, 60_000)
                .divergence(10_000, DivergenceRule.USE_AGGREGATE)
                .build();
        Observations observations = calmMarket(1_000).publish("binance", 5_001_000, 1_500);
        assertEquals(PriceReading.flagged(500_000, 0, Set.of(PriceFlag.SOURCE_DIVERGED),
                        "binance 5001000 diverged from the aggregate 500000 by more than 10000 ppm"),
                source.read(observations, 2_000));
    }

    @Test
    void twoOfFiveSourcesStaleReadOkFromTheThreeFreshFlaggedSourceStale() {
        // okx and kraken last published at t = 0: age 90,000 ms > 60,000 ms at t = 90,000. The fresh three
        // (binance 500,100, bybit 500,000, coinbase 499,900) have median 500,000; 3 fresh ≥ 3 needed.
        Observations observations = calmMarket(80_000).publish("okx", 510_000, 0).publish("kraken", 510_000, 0);
        assertEquals(PriceReading.flagged(500_000, 0, Set.of(PriceFlag.SOURCE_STALE),
                        "3 of 5 sources fresh: okx stale (age 90000 ms > 60000 ms), kraken stale (age 90000 ms > 60000 ms)"),
                MEDIAN_OF_FIVE.read(observations, 90_000));
    }

    @Test
    void threeOfFiveSourcesStaleReadStaleBelowTheMinimum() {
        // Only binance and coinbase are fresh: 2 < 3. The stale price is the median of all five observations,
        // [499,900, 500,100, 510,000, 510,000, 510,000] → index 2 → 510,000.
        Observations observations = calmMarket(80_000)
                .publish("okx", 510_000, 0).publish("bybit", 510_000, 0).publish("kraken", 510_000, 0);
        assertEquals(PriceReading.stale(510_000, "2 of 5 sources fresh, need 3: okx stale (age 90000 ms > 60000 ms), "
                        + "bybit stale (age 90000 ms > 60000 ms), kraken stale (age 90000 ms > 60000 ms)"),
                MEDIAN_OF_FIVE.read(observations, 90_000));
    }

    @Test
    void allSourcesStaleReadStaleNamingEachOne() {
        // Everything published at t = 0, read at t = 60,001: every age is 60,001 ms > 60,000 ms.
        // The last known median is the calm market's, 500,000.
        assertEquals(PriceReading.stale(500_000, "0 of 5 sources fresh, need 3: "
                        + "binance stale (age 60001 ms > 60000 ms), okx stale (age 60001 ms > 60000 ms), "
                        + "bybit stale (age 60001 ms > 60000 ms), kraken stale (age 60001 ms > 60000 ms), "
                        + "coinbase stale (age 60001 ms > 60000 ms)"),
                MEDIAN_OF_FIVE.read(calmMarket(0), 60_001));
    }

    @Test
    void anAgeOfExactlyTheLimitIsFresh() {
        // Published at t = 0 and read at t = 60,000: age 60,000 ms, not more than 60,000 ms.
        assertEquals(PriceReading.ok(500_000, 0), MEDIAN_OF_FIVE.read(calmMarket(0), 60_000));
    }

    @Test
    void exactlyTheMinimumOfFreshSourcesIsEnoughAndOneFewerIsNot() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 2, "binance", "okx", "bybit");
        // At t = 70,000: binance (age 9,000 ms) and okx (age 10,000 ms) fresh, bybit stale (age 70,000 ms):
        // 2 fresh ≥ 2; the median of [500,000, 501,000] is the upper one, 501,000.
        Observations observations = new Observations()
                .publish("binance", 500_000, 61_000).publish("okx", 501_000, 60_000).publish("bybit", 502_000, 0);
        PriceReading twoFresh = source.read(observations, 70_000);
        assertEquals(PriceStatus.OK, twoFresh.status());
        assertEquals(501_000, twoFresh.price());
        // At t = 120,001 okx is 60,001 ms old, stale; binance (59,001 ms) is the only fresh one: 1 < 2.
        assertEquals(PriceStatus.STALE, source.read(observations, 120_001).status());
    }

    @Test
    void anObservationStampedAfterNowIsFresh() {
        assertEquals(PriceReading.ok(500_000, 0), MEDIAN_OF_FIVE.read(calmMarket(5_000), 4_000));
    }

    @Test
    void beforeAnySourcePublishesTheReadingIsMissing() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 1, "binance", "okx");
        assertEquals(PriceReading.missing("no source has a usable price: binance has not published, okx has not published"),
                source.read(new Observations(), 1_000));
    }

    @Test
    void aSourceThatNeverPublishedIsLeftOutAndReported() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 1, "binance", "okx");
        Observations observations = new Observations().publish("binance", 500_000, 1_000);
        assertEquals(PriceReading.flagged(500_000, 0, Set.of(PriceFlag.SOURCE_STALE),
                "1 of 2 sources fresh: okx has not published"), source.read(observations, 1_000));
    }

    @Test
    void aNonPositivePriceIsLeftOutAndReported() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 1, "binance", "okx");
        Observations observations = new Observations().publish("binance", 500_000, 1_000).publish("okx", 0, 1_000);
        assertEquals(PriceReading.flagged(500_000, 0, Set.of(PriceFlag.SOURCE_STALE),
                "1 of 2 sources fresh: okx published a non-positive price, 0"), source.read(observations, 1_000));
    }

    @Test
    void aNegativeConfidenceIsLeftOutAndReported() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 1, "binance", "okx");
        Observations observations = new Observations().publish("binance", 500_000, 1_000)
                .publish("okx", 400_000, -1, 1_000);
        assertEquals(PriceReading.flagged(500_000, 0, Set.of(PriceFlag.SOURCE_STALE),
                "1 of 2 sources fresh: okx published an invalid confidence, -1"), source.read(observations, 1_000));
    }

    @Test
    void onlyUnusablePricesReadMissing() {
        AggregatedPriceSource source = AggregatedPriceSource.median("BTC-USD", 60_000, 1, "binance");
        assertEquals(PriceReading.missing("no source has a usable price: binance published a non-positive price, -5"),
                source.read(new Observations().publish("binance", -5, 1_000), 1_000));
    }

    @Test
    void theWeightsOfTheBuilderReachTheAggregator() {
        // Default aggregator: weighted median. a = 100 (w3), b = 200 (w1), c = 300 (w1): total 5, cumulative at 100
        // is 3, 2 · 3 ≥ 5 → 100 (the unweighted median would be 200).
        AggregatedPriceSource source = AggregatedPriceSource.builder("X")
                .source("a", 3, 1_000).source("b", 1, 1_000).source("c", 1, 1_000).build();
        Observations observations = new Observations().publish("a", 100, 0).publish("b", 200, 0).publish("c", 300, 0);
        assertEquals(PriceReading.ok(100, 0), source.read(observations, 0));
    }

    // --- the USDe depeg under each divergence rule ---

    @Test
    void aDepegOnOneSourceOnlyKeepsTheAggregateUnderUseAggregate() {
        // Weighted median: 650,000 (cumulative 3 of 9, 2 · 3 < 9), then 1,000,000 (cumulative 5, 2 · 5 ≥ 9) → 1,000,000.
        // Binance: 350,000 · 10^6 = 3.5·10^11 > 20,000 · 1,000,000 = 2·10^10 → diverged.
        assertEquals(PriceReading.flagged(1_000_000, 0, Set.of(PriceFlag.SOURCE_DIVERGED),
                        "binance 650000 diverged from the aggregate 1000000 by more than 20000 ppm"),
                usde(DivergenceRule.USE_AGGREGATE).read(usdeDepegOnBinance(), 2_000));
    }

    @Test
    void aDepegOnOneSourceOnlyReadsTheLowestPriceUnderUseWorst() {
        assertEquals(PriceReading.flagged(650_000, 0, Set.of(PriceFlag.SOURCE_DIVERGED, PriceFlag.WORST_SOURCE_USED),
                        "binance 650000 diverged from the aggregate 1000000 by more than 20000 ppm; "
                                + "using the lowest fresh price, 650000 from binance"),
                usde(DivergenceRule.USE_WORST).read(usdeDepegOnBinance(), 2_000));
    }

    @Test
    void aDepegOnOneSourceOnlyReadsUnreliableUnderFreeze() {
        assertEquals(PriceReading.unreliable(1_000_000, 0, Set.of(PriceFlag.SOURCE_DIVERGED),
                        "binance 650000 diverged from the aggregate 1000000 by more than 20000 ppm"),
                usde(DivergenceRule.FREEZE).read(usdeDepegOnBinance(), 2_000));
    }

    @Test
    void aSourceExactlyAtTheDivergenceLimitHasNotDiverged() {
        // 2 % of 1,000,000 is 20,000: binance at 980,000 is exactly at the limit (20,000 · 10^6 = 20,000 · 10^6),
        // at 979,999 it is beyond (20,001 · 10^6 > 2·10^10).
        AggregatedPriceSource source = usde(DivergenceRule.FREEZE);
        assertEquals(PriceReading.ok(1_000_000, 0), source.read(usdeDepegOnBinance().publish("binance", 980_000, 1_000), 2_000));
        assertEquals(PriceStatus.UNRELIABLE,
                source.read(usdeDepegOnBinance().publish("binance", 979_999, 1_000), 2_000).status());
    }

    @Test
    void useWorstWithoutADivergenceKeepsTheAggregate() {
        // binance at 990,000 is 1 % away, inside 2 %: no divergence, so the weighted median 1,000,000 stands.
        assertEquals(PriceReading.ok(1_000_000, 0),
                usde(DivergenceRule.USE_WORST).read(usdeDepegOnBinance().publish("binance", 990_000, 1_000), 2_000));
    }

    // --- confidence and outliers ---

    /** Pyth-style confidence vote over three publishers, with a confidence limit. */
    private static AggregatedPriceSource pyth(long maxConfidencePpm) {
        return AggregatedPriceSource.builder("ETH-USD")
                .aggregator(PriceAggregator.confidenceVote())
                .source("p1", 1, 10_000).source("p2", 1, 10_000).source("p3", 1, 10_000)
                .maxConfidencePpm(maxConfidencePpm)
                .build();
    }

    /** MECHANISMS.md §8.2's first vector × 100: (10,000 ± 100), (10,100 ± 100), (11,000 ± 1,000) → 10,100 ± 100. */
    private static Observations threePublishers() {
        return new Observations()
                .publish("p1", 10_000, 100, 0).publish("p2", 10_100, 100, 0).publish("p3", 11_000, 1_000, 0);
    }

    @Test
    void aConfidenceWithinTheLimitReadsOk() {
        // 100 · 10^6 = 10^8 ≤ 10,000 · 10,100 = 1.01·10^8.
        assertEquals(PriceReading.ok(10_100, 100), pyth(10_000).read(threePublishers(), 0));
    }

    @Test
    void aConfidenceTooWideReadsUnreliable() {
        // 100 · 10^6 = 10^8 > 9,900 · 10,100 = 99,990,000.
        assertEquals(PriceReading.unreliable(10_100, 100, Set.of(PriceFlag.CONFIDENCE_TOO_WIDE),
                "confidence 100 is wider than 9900 ppm of the price 10100"), pyth(9_900).read(threePublishers(), 0));
    }

    @Test
    void aVoteWithoutAnyConfidenceReadsUnreliable() {
        Observations noConfidence = new Observations()
                .publish("p1", 10_000, 0, 0).publish("p2", 10_100, 0, 0).publish("p3", 11_000, 0, 0);
        assertEquals(PriceReading.unreliable(0, 0, Set.of(PriceFlag.OUTLIER_REJECTED),
                "confidence vote left out p1 10000, p2 10100, p3 11000"), pyth(10_000).read(noConfidence, 0));
    }

    @Test
    void outliersDroppedByTheAggregatorAreFlagged() {
        // Trimmed mean, no trim, outliers beyond 10 %: median of [100, 101, 102, 103, 150] is 102; 150 is 48 away,
        // 48 · 10^6 > 100,000 · 102 → dropped. Mean of [100, 101, 102, 103] = 406 / 4 = 101.5 → 102 (half to even);
        // confidence ceil((103 − 100) / 2) = 2.
        PriceAggregator trimmed = PriceAggregator.trimmedMean(0, 100_000);
        AggregatedPriceSource source = AggregatedPriceSource.builder("X").aggregator(trimmed)
                .source("a", 1, 1_000).source("b", 1, 1_000).source("c", 1, 1_000).source("d", 1, 1_000)
                .source("e", 1, 1_000).build();
        Observations observations = new Observations().publish("a", 100, 0).publish("b", 101, 0).publish("c", 150, 0)
                .publish("d", 102, 0).publish("e", 103, 0);
        assertEquals(PriceReading.flagged(102, 2, Set.of(PriceFlag.OUTLIER_REJECTED), trimmed + " left out c 150"),
                source.read(observations, 0));
    }

    // --- description ---

    @Test
    void feedsAreListedInBuilderOrder() {
        assertEquals(FIVE, MEDIAN_OF_FIVE.feeds());
        assertEquals(List.of("binance", "okx", "bybit", "kraken", "coinbase"), usde(DivergenceRule.FREEZE).feeds());
    }

    @Test
    void theSourceDescribesItself() {
        AggregatedPriceSource source = AggregatedPriceSource.builder("USDe-USD")
                .source("binance", 3, 60_000).source("okx", 2, 30_000)
                .maxConfidencePpm(1_000).divergence(20_000, DivergenceRule.FREEZE).build();
        assertEquals("AggregatedPriceSource[USDe-USD: weighted median of binance (weight 3, max age 60000 ms), "
                + "okx (weight 2, max age 30000 ms), min fresh 1, max confidence 1000 ppm, divergence 20000 ppm -> FREEZE]",
                source.toString());
        assertEquals("USDe-USD", source.name());
    }

    // --- builder validation ---

    private static String illegalArgument(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static String illegalState(Executable call) {
        return assertThrows(IllegalStateException.class, call).getMessage();
    }

    @Test
    void theBuilderRefusesBadNames() {
        assertEquals("a price source name must not be blank", illegalArgument(() -> AggregatedPriceSource.builder(" ")));
        assertThrows(NullPointerException.class, () -> AggregatedPriceSource.builder(null));
        assertEquals("X: a feed name must not be blank",
                illegalArgument(() -> AggregatedPriceSource.builder("X").source("", 1, 1)));
        assertThrows(NullPointerException.class, () -> AggregatedPriceSource.builder("X").source(null, 1, 1));
        assertEquals("X: feed okx was already added",
                illegalArgument(() -> AggregatedPriceSource.builder("X").source("okx", 1, 1).source("okx", 2, 2)));
    }

    @Test
    void theBuilderRefusesBadSourceValues() {
        assertEquals("X: the weight of okx must be positive: 0",
                illegalArgument(() -> AggregatedPriceSource.builder("X").source("okx", 0, 1)));
        assertEquals("X: the maximum age of okx must be positive: 0 ms",
                illegalArgument(() -> AggregatedPriceSource.builder("X").source("okx", 1, 0)));
        assertEquals("X: the total weight would exceed 9223372036854775807 with b's 2",
                illegalArgument(() -> AggregatedPriceSource.builder("X").source("a", Long.MAX_VALUE - 1, 1)
                        .source("b", 2, 1)));
    }

    @Test
    void theBuilderRefusesBadGuardValues() {
        assertEquals("X: minFreshSources must be at least 1: 0",
                illegalArgument(() -> AggregatedPriceSource.builder("X").minFreshSources(0)));
        assertEquals("X: maxConfidencePpm must be positive: 0",
                illegalArgument(() -> AggregatedPriceSource.builder("X").maxConfidencePpm(0)));
        assertEquals("X: maxDivergencePpm must be positive: -1",
                illegalArgument(() -> AggregatedPriceSource.builder("X").divergence(-1, DivergenceRule.FREEZE)));
        assertThrows(NullPointerException.class, () -> AggregatedPriceSource.builder("X").divergence(1, null));
        assertThrows(NullPointerException.class, () -> AggregatedPriceSource.builder("X").aggregator(null));
    }

    @Test
    void eachSingleSettingMayBeGivenOnce() {
        assertEquals("X: aggregator was already set to median", illegalState(() -> AggregatedPriceSource.builder("X")
                .aggregator(PriceAggregator.median()).aggregator(PriceAggregator.weightedMedian())));
        assertEquals("X: minFreshSources was already set to 2",
                illegalState(() -> AggregatedPriceSource.builder("X").minFreshSources(2).minFreshSources(3)));
        assertEquals("X: maxConfidencePpm was already set to 1000",
                illegalState(() -> AggregatedPriceSource.builder("X").maxConfidencePpm(1_000).maxConfidencePpm(2_000)));
        assertEquals("X: divergence was already set to 20000 ppm, FREEZE", illegalState(() -> AggregatedPriceSource
                .builder("X").divergence(20_000, DivergenceRule.FREEZE).divergence(10_000, DivergenceRule.USE_WORST)));
    }

    @Test
    void buildNeedsASourceAndNoMoreFreshSourcesThanSources() {
        assertEquals("X: add at least one source", illegalState(() -> AggregatedPriceSource.builder("X").build()));
        assertEquals("X: minFreshSources is 3 but only 2 sources were added", illegalState(() -> AggregatedPriceSource
                .builder("X").source("a", 1, 1).source("b", 1, 1).minFreshSources(3).build()));
        assertEquals(2, AggregatedPriceSource.builder("X").source("a", 1, 1).source("b", 1, 1).minFreshSources(2).build()
                .feeds().size());
    }
}
