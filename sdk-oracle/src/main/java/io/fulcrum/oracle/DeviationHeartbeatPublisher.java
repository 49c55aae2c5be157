package io.fulcrum.oracle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rounds a Chainlink data feed writes on chain, given the off-chain prices its nodes observe
 * (MECHANISMS.md §8.1): a new round is written when the off-chain price deviates from the last
 * on-chain answer by the deviation threshold or more, or when the heartbeat has elapsed since the
 * last round. Between rounds the on-chain answer stands still, however the market moves; replaying
 * only the written rounds shows what a venue reading the feed would have seen.
 *
 * <p>{@link #publish(List)} keeps, per feed, the first tick, then every tick with
 * <ul>
 *   <li>{@code |price − last| × 1,000,000 ≥ deviationPpm × last} (the deviation, "at least", exact
 *       integer arithmetic), or
 *   <li>{@code time − lastTime ≥ heartbeatMs} (the heartbeat: that round writes the tick's current
 *       price, whether it moved or not),
 * </ul>
 * where {@code last} and {@code lastTime} are the price and time of the feed's last written round.
 *
 * <p>Example (§8.1): at 0.5 % ({@code deviationPpm} 5,000) with the answer at 2,000, an off-chain
 * 2,010 is written: 10 × 1,000,000 = 10,000,000 ≥ 5,000 × 2,000 = 10,000,000. At two price decimals,
 * 2,009.99 (200,999 against 200,000) is not: 999 × 1,000,000 = 999,000,000 is below 1,000,000,000.
 *
 * <p>Simplification: the off-chain stream is sampled at the recorded ticks, so a heartbeat round is
 * written at the first tick at or after the heartbeat, stamped with that tick's time, rather than at
 * the exact moment the heartbeat elapses. Heartbeats seen in practice: 3,600 s for ETH/USD and
 * BTC/USD, 86,400 s for USDC/USD (§8.1; thresholds vary per feed). Immutable and thread-safe.
 */
public final class DeviationHeartbeatPublisher {
    private static final long PPM = 1_000_000L;

    private final long deviationPpm;
    private final long heartbeatMs;

    private DeviationHeartbeatPublisher(long deviationPpm, long heartbeatMs) {
        if (deviationPpm <= 0) {
            throw new IllegalArgumentException("the deviation threshold must be positive: " + deviationPpm + " ppm");
        }
        if (heartbeatMs <= 0) {
            throw new IllegalArgumentException("the heartbeat must be positive: " + heartbeatMs + " ms");
        }
        this.deviationPpm = deviationPpm;
        this.heartbeatMs = heartbeatMs;
    }

    /**
     * A feed writing on a deviation of {@code deviationPpm} parts per million (5,000 = 0.5 %) or
     * after {@code heartbeatMs} milliseconds without a round; both positive.
     */
    public static DeviationHeartbeatPublisher of(long deviationPpm, long heartbeatMs) {
        return new DeviationHeartbeatPublisher(deviationPpm, heartbeatMs);
    }

    /** The deviation threshold, ppm. */
    public long deviationPpm() {
        return deviationPpm;
    }

    /** The heartbeat, ms. */
    public long heartbeatMs() {
        return heartbeatMs;
    }

    /**
     * The ticks of {@code offChain} an on-chain feed would write as rounds, in their order. Each
     * feed is tracked on its own, so ticks of several feeds may be interleaved.
     *
     * @throws IllegalArgumentException if a feed's ticks go back in time
     */
    public List<PriceTick> publish(List<PriceTick> offChain) {
        Objects.requireNonNull(offChain, "offChain");
        Map<String, PriceTick> lastWritten = new HashMap<>();
        Map<String, Long> lastSeenTime = new HashMap<>();
        List<PriceTick> written = new ArrayList<>();
        for (PriceTick tick : offChain) {
            Objects.requireNonNull(tick, "a tick");
            Long previousTime = lastSeenTime.put(tick.feed(), tick.time());
            if (previousTime != null && tick.time() < previousTime) {
                throw new IllegalArgumentException(tick.feed() + " goes back in time: " + tick.time()
                        + " ms after " + previousTime + " ms");
            }
            PriceTick last = lastWritten.get(tick.feed());
            if (last == null || heartbeatElapsed(last, tick) || deviates(last.price(), tick.price())) {
                lastWritten.put(tick.feed(), tick);
                written.add(tick);
            }
        }
        return List.copyOf(written);
    }

    private boolean heartbeatElapsed(PriceTick last, PriceTick tick) {
        long elapsed = tick.time() - last.time();
        // Times never decrease per feed, so a negative difference means it overflowed: very long.
        return elapsed < 0 || elapsed >= heartbeatMs;
    }

    /** {@code |price − last| × 1e6 ≥ deviationPpm × last}, compared as exact 128-bit products. */
    private boolean deviates(long last, long price) {
        long move = Math.abs(price - last);   // both positive, so the difference cannot overflow
        return compareProducts(move, PPM, deviationPpm, last) >= 0;
    }

    /** Compares {@code a × b} with {@code c × d} for non-negative longs, without overflow. */
    static int compareProducts(long a, long b, long c, long d) {
        int high = Long.compareUnsigned(Math.multiplyHigh(a, b), Math.multiplyHigh(c, d));
        return high != 0 ? high : Long.compareUnsigned(a * b, c * d);
    }

    @Override
    public String toString() {
        return "DeviationHeartbeatPublisher[" + deviationPpm + " ppm, heartbeat " + heartbeatMs + " ms]";
    }
}
