package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeviationHeartbeatPublisherTest {
    /** 0.5 % deviation, 3,600 s heartbeat: ETH/USD-like (MECHANISMS.md §8.1). */
    private static final DeviationHeartbeatPublisher FEED = DeviationHeartbeatPublisher.of(5_000, 3_600_000);

    private static PriceTick eth(long time, long price) {
        return new PriceTick(time, "ETH-USD", price, 0);
    }

    private static List<Long> writtenPrices(List<PriceTick> offChain) {
        return FEED.publish(offChain).stream().map(PriceTick::price).toList();
    }

    @Test
    void theFirstTickIsAlwaysWritten() {
        assertEquals(List.of(eth(0, 2_000)), FEED.publish(List.of(eth(0, 2_000))));
    }

    @Test
    void aMoveOfExactlyTheThresholdIsWritten() {
        // §8.1: on-chain 2,000, off-chain 2,010: |10| × 1e6 = 10,000,000 ≥ 5,000 × 2,000 = 10,000,000.
        assertEquals(List.of(2_000L, 2_010L), writtenPrices(List.of(eth(0, 2_000), eth(1_000, 2_010))));
    }

    @Test
    void aMoveJustBelowTheThresholdIsNotWritten() {
        // Two decimals: 2,000.00 -> 2,009.99 is 200,000 -> 200,999:
        // 999 × 1e6 = 999,000,000 < 5,000 × 200,000 = 1,000,000,000.
        assertEquals(List.of(200_000L), writtenPrices(List.of(eth(0, 200_000), eth(1_000, 200_999))));
    }

    @Test
    void aFallOfTheThresholdIsWrittenToo() {
        // 2,000 -> 1,990: |−10| × 1e6 = 10,000,000 ≥ 10,000,000.
        assertEquals(List.of(2_000L, 1_990L), writtenPrices(List.of(eth(0, 2_000), eth(1_000, 1_990))));
    }

    @Test
    void theDeviationIsMeasuredFromTheLastWrittenRoundNotTheLastTick() {
        // 2,000 written; 2,006 (6e6 < 1e7) and 2,009 (9e6 < 1e7) are not; 2,010 is (1e7 ≥ 1e7).
        // Then against 2,010: 2,015 (5e6 < 5,000 × 2,010 = 10,050,000) is not, 2,021 (11e6) is.
        List<PriceTick> offChain = List.of(eth(0, 2_000), eth(1, 2_006), eth(2, 2_009), eth(3, 2_010),
                eth(4, 2_015), eth(5, 2_021));
        assertEquals(List.of(2_000L, 2_010L, 2_021L), writtenPrices(offChain));
    }

    @Test
    void theHeartbeatWritesTheCurrentPriceOnceItHasElapsed() {
        // Unchanged 2,000: not at 3,599,999 ms (one ms short of the heartbeat), written at 3,600,000.
        List<PriceTick> offChain = List.of(eth(0, 2_000), eth(3_599_999, 2_001), eth(3_600_000, 2_002));
        assertEquals(List.of(eth(0, 2_000), eth(3_600_000, 2_002)), FEED.publish(offChain));
    }

    @Test
    void theHeartbeatCountsFromTheLastRoundWhateverWroteIt() {
        // A deviation round at 1,000,000 ms restarts the heartbeat: nothing at 3,600,000,
        // the next heartbeat round at 1,000,000 + 3,600,000 = 4,600,000.
        List<PriceTick> offChain = List.of(eth(0, 2_000), eth(1_000_000, 2_010), eth(3_600_000, 2_011),
                eth(4_599_999, 2_011), eth(4_600_000, 2_011));
        assertEquals(List.of(0L, 1_000_000L, 4_600_000L),
                FEED.publish(offChain).stream().map(PriceTick::time).toList());
    }

    @Test
    void eachFeedIsTrackedOnItsOwn() {
        // BTC moves 0.1 % (not written), ETH moves 0.5 % (written): ETH's move does not count for BTC.
        PriceTick btc0 = new PriceTick(0, "BTC-USD", 100_000, 0);
        PriceTick eth0 = eth(0, 2_000);
        PriceTick btc1 = new PriceTick(1_000, "BTC-USD", 100_100, 0);
        PriceTick eth1 = eth(1_000, 2_010);
        assertEquals(List.of(btc0, eth0, eth1), FEED.publish(List.of(btc0, eth0, btc1, eth1)));
    }

    @Test
    void hugePricesAreComparedWithoutOverflow() {
        // last 4e18, move 2e16 = 0.5 %: 2e16 × 1e6 = 2e22 = 5,000 × 4e18, far beyond a long; written.
        // A move of 2e16 − 1 falls short and is not.
        long last = 4_000_000_000_000_000_000L;
        long move = 20_000_000_000_000_000L;
        assertEquals(List.of(last, last + move), writtenPrices(List.of(eth(0, last), eth(1, last + move))));
        assertEquals(List.of(last), writtenPrices(List.of(eth(0, last), eth(1, last + move - 1))));
    }

    @Test
    void aFeedGoingBackInTimeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FEED.publish(List.of(eth(2_000, 2_000), eth(1_000, 2_000))));
        assertEquals("ETH-USD goes back in time: 1000 ms after 2000 ms", e.getMessage());
    }

    @Test
    void aNonPositiveThresholdOrHeartbeatIsRefused() {
        IllegalArgumentException threshold = assertThrows(IllegalArgumentException.class,
                () -> DeviationHeartbeatPublisher.of(0, 3_600_000));
        assertEquals("the deviation threshold must be positive: 0 ppm", threshold.getMessage());
        IllegalArgumentException heartbeat = assertThrows(IllegalArgumentException.class,
                () -> DeviationHeartbeatPublisher.of(5_000, -1));
        assertEquals("the heartbeat must be positive: -1 ms", heartbeat.getMessage());
    }

    @Test
    void agreesWithABigIntegerReferenceOverRandomWalks() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            long ppm = 1 + random.nextInt(20_000);
            long heartbeat = 1 + random.nextInt(10_000);
            DeviationHeartbeatPublisher publisher = DeviationHeartbeatPublisher.of(ppm, heartbeat);
            List<PriceTick> offChain = new ArrayList<>();
            long[] time = {0, 0};
            long[] price = {1_000_000, 50_000};
            for (int i = 0; i < 200; i++) {
                int f = random.nextInt(2);
                time[f] += random.nextInt(1_000);
                price[f] = Math.max(1, price[f] + random.nextInt(2_001) - 1_000);
                offChain.add(new PriceTick(time[f], "F" + f, price[f], 0));
            }
            // Reference: the rule written out with BigInteger, per feed.
            Map<String, PriceTick> last = new HashMap<>();
            List<PriceTick> expected = new ArrayList<>();
            for (PriceTick tick : offChain) {
                PriceTick round = last.get(tick.feed());
                boolean write = round == null
                        || tick.time() - round.time() >= heartbeat
                        || BigInteger.valueOf(Math.abs(tick.price() - round.price())).multiply(BigInteger.valueOf(1_000_000))
                                .compareTo(BigInteger.valueOf(ppm).multiply(BigInteger.valueOf(round.price()))) >= 0;
                if (write) {
                    last.put(tick.feed(), tick);
                    expected.add(tick);
                }
            }
            assertEquals(expected, publisher.publish(offChain), "seed " + seed);
        }
    }
}
