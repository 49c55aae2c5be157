package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlatFeeScheduleTest {
    private static final AccountId MAKER = AccountId.main(1);
    private static final AccountId TAKER = AccountId.main(2);

    @Test
    void twoAndFiveBasisPointsOn50000Charge10And25() {
        FlatFeeSchedule fees = FlatFeeSchedule.of(200, 500);
        assertEquals(10 * USD, fees.makerFee(MAKER, BTC, 50_000 * USD));
        assertEquals(25 * USD, fees.takerFee(TAKER, BTC, 50_000 * USD));
    }

    @Test
    void aFeeRoundsUp() {
        // 5 bps of 15 units is 0.0075: the taker pays 1 unit; 2 bps of 15 units: the maker pays 1.
        FlatFeeSchedule fees = FlatFeeSchedule.of(200, 500);
        assertEquals(1, fees.takerFee(TAKER, BTC, 15));
        assertEquals(1, fees.makerFee(MAKER, BTC, 15));
        assertEquals(0, fees.takerFee(TAKER, BTC, 0));
    }

    @Test
    void aOneBasisPointRebateOn50000Pays5() {
        assertEquals(-5 * USD, FlatFeeSchedule.of(-100, 500).makerFee(MAKER, BTC, 50_000 * USD));
    }

    @Test
    void aRebateRoundsTowardZero() {
        FlatFeeSchedule fees = FlatFeeSchedule.of(-100, 500);
        // 1 bp of 15,000 units is 1.5: the maker receives 1. Of 15 units it is 0.0015: nothing.
        assertEquals(-1, fees.makerFee(MAKER, BTC, 15_000));
        assertEquals(0, fees.makerFee(MAKER, BTC, 15));
    }

    @Test
    void aRebateEqualToTheTakerFeeIsAllowed() {
        FlatFeeSchedule fees = FlatFeeSchedule.of(-500, 500);
        assertEquals(-25 * USD, fees.makerFee(MAKER, BTC, 50_000 * USD));
    }

    @Test
    void aRebateAboveTheTakerFeeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatFeeSchedule.of(-600, 500));
        assertEquals("maker rebate of 600 ppm exceeds the taker fee of 500 ppm: the venue would pay out more on a fill"
                + " than it collects", e.getMessage());
    }

    @Test
    void ratesOutsideOneMillionPpmAreRefused() {
        assertEquals("taker fee must be in [0, 1,000,000] ppm: -1",
                assertThrows(IllegalArgumentException.class, () -> FlatFeeSchedule.of(0, -1)).getMessage());
        assertEquals("taker fee must be in [0, 1,000,000] ppm: 1000001",
                assertThrows(IllegalArgumentException.class, () -> FlatFeeSchedule.of(0, 1_000_001)).getMessage());
        assertEquals("maker fee must be at most 1,000,000 ppm: 1000001",
                assertThrows(IllegalArgumentException.class, () -> FlatFeeSchedule.of(1_000_001, 500)).getMessage());
    }

    @Test
    void aNegativeNotionalIsRefused() {
        FlatFeeSchedule fees = FlatFeeSchedule.of(200, 500);
        assertEquals("a fill's notional is non-negative: -1",
                assertThrows(IllegalArgumentException.class, () -> fees.takerFee(TAKER, BTC, -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> fees.makerFee(MAKER, BTC, -1));
    }

    @Test
    void theRebatePaidNeverExceedsTheTakerFeeCollected() {
        long seed = 271_828L;
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long taker = random.nextInt(1_001);
            long maker = -random.nextInt((int) taker + 1);
            long notional = random.nextLong() >>> (1 + random.nextInt(40));
            FlatFeeSchedule fees = FlatFeeSchedule.of(maker, taker);
            long collected = fees.takerFee(TAKER, BTC, notional) + fees.makerFee(MAKER, BTC, notional);
            assertTrue(collected >= 0, "seed " + seed + ", case " + i + ": " + fees + " on " + notional + " nets " + collected);
        }
    }
}
