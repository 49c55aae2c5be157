package io.fulcrum.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.oracle.internal.Medians;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A thin-market attack on the venue's own book: for one second the attacker pushes bid, ask and
 * last trade up 30 % while the oracle and the external perp venues stay at 10,000. Hyperliquid's
 * mark (MECHANISMS.md §1.2) should barely move; a mark read off the book alone moves the full 30 %.
 */
class MarkManipulationTest {
    private static final long ORACLE = 10_000;
    private static final String[] EXTERNAL = {"binance", "okx", "bybit", "gate", "mexc"};
    private static final long[] WEIGHTS = {3, 2, 2, 1, 1};
    /** 10 minutes of a calm book, sampled every second. */
    private static final int CALM_SECONDS = 600;
    private static final long ATTACK_TIME = (CALM_SECONDS + 1) * 1_000L;

    /** The book-only mark the attacker targets: median(bid, ask, last). */
    private static final MarkPriceRule BOOK_ONLY = (inputs, state) ->
            Medians.medianOfThree(inputs.bestBid(), inputs.bestAsk(), inputs.lastTradePrice());

    private final Map<String, PriceObservation> feeds = new HashMap<>();

    private static HyperliquidMark rule(boolean withExternalFeeds) {
        HyperliquidMark.Builder builder = HyperliquidMark.builder();
        if (withExternalFeeds) {
            for (int i = 0; i < EXTERNAL.length; i++) {
                builder.externalPerpFeed(EXTERNAL[i], WEIGHTS[i], 5_000);
            }
        }
        return builder.build();
    }

    private MarkInputs inputs(long time, long bid, long ask, long last) {
        for (String feed : EXTERNAL) {
            feeds.put(feed, new PriceObservation(feed, ORACLE, 0, time));
        }
        return new MarkInputs(HyperliquidMarkTest.MARKET, time, ORACLE, bid, ask, last, feeds::get, BookDepth.EMPTY);
    }

    /** Runs the calm book (bid 9,995 / ask 10,005 / last 10,000) for 10 minutes, then the attack. */
    private long markDuringAttack(MarkPriceRule rule) {
        long[] state = new long[rule.stateSize()];
        for (int second = 0; second <= CALM_SECONDS; second++) {
            assertEquals(ORACLE, rule.markPrice(inputs(second * 1_000L, 9_995, 10_005, 10_000), state),
                    "calm mark at " + second + " s");
        }
        return rule.markPrice(inputs(ATTACK_TIME, 12_995, 13_005, 13_000), state);
    }

    @Test
    void aBookOnlyMarkMovesTheFullThirtyPercent() {
        // median(12,995, 13,005, 13,000) = 13,000: +3,000 = +30 % of the oracle.
        assertEquals(13_000, markDuringAttack(BOOK_ONLY));
    }

    @Test
    void hyperliquidsMarkMovesByTheBasisEmaOnly() {
        // input2 = 13,000 and input3 = 10,000 (externals unmoved); input1 = 10,000 + basis EMA.
        // The basis was 0 for 600 s; den after 600 one-second steps ≈ 1,000 / (1 − e^−1/150) ·
        // (1 − e^−4) ≈ 147,762 (the 150-s EMA has not fully converged). The attack's sample is
        // 3,000 with t = 1,000 ms: basis = 3,000 · 1,000 / 147,762 ≈ 20.3 → 20.
        // mark = median(10,020, 13,000, 10,000) = 10,020: +0.2 % instead of +30 %.
        assertEquals(10_020, markDuringAttack(rule(true)));
    }

    @Test
    void withoutExternalFeedsTheBookEmaStillHoldsTheMarkNearTheOracle() {
        // Inputs 1 and 2 only, so the 30-s book EMA joins. Its den has converged to
        // 1,000 / (1 − e^−1/30) ≈ 30,503; the attack's sample 13,000 moves it by
        // 3,000 · 1,000 / 30,503 ≈ 98.4 → 10,098. mark = median(10,020, 13,000, 10,098) = 10,098: +1 %.
        long mark = markDuringAttack(rule(false));
        assertEquals(10_098, mark);
        assertTrue(mark - ORACLE < (13_000 - ORACLE) / 20, "moved " + (mark - ORACLE) + ", under 1/20 of the push");
    }

    @Test
    void theMarkReturnsOnceTheBookIsRestored() {
        // One second after the attack the book is calm again: den ≈ 147,762 · e^−1/150 + 1,000
        // ≈ 147,780, and the basis sample 0 pulls the EMA from ≈ 20.30 to
        // ≈ 20.30 · (1 − 1,000 / 147,780) ≈ 20.16 → 20, so input1 is still 10,020; but input2 and
        // input3 are 10,000 again: mark = median(10,020, 10,000, 10,000) = 10,000.
        HyperliquidMark rule = rule(true);
        long[] state = new long[rule.stateSize()];
        for (int second = 0; second <= CALM_SECONDS; second++) {
            rule.markPrice(inputs(second * 1_000L, 9_995, 10_005, 10_000), state);
        }
        rule.markPrice(inputs(ATTACK_TIME, 12_995, 13_005, 13_000), state);
        assertEquals(ORACLE, rule.markPrice(inputs(ATTACK_TIME + 1_000, 9_995, 10_005, 10_000), state));
    }
}
