package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.spi.BookDepth;
import io.fulcrum.api.spi.FeedObservations;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.MarkPriceRule;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.oracle.HyperliquidMark;
import io.fulcrum.oracle.PriceAggregator;
import io.fulcrum.venue.Venue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link OracleBenchmark} measures what it says: each index source reads its clean {@code OK}
 * price, the marks take their full path at every call, and the two venues take the same
 * accepted price updates that move the index every time, trade nothing, breach nothing and
 * leave every position as the set-up made it. Otherwise the ratios would compare different
 * work.
 */
class OracleBenchmarkTest {
    private static final long LOT = OrderStream.MARKET.lotSize();
    private static final int OPERATIONS = 300;

    @Test
    void theEightFeedWeightedMedianReadsOkAtTheHandComputedMedian() {
        // Sorted with weights: 499,900 (1), 499,950 (1), 499,980 (2), 500,000 (3), ...; cumulative
        // 1, 2, 4, 7 of 12, and 2 · 7 ≥ 12 first at 500,000.
        PriceReading reading = OracleInputs.aggregated8(PriceAggregator.weightedMedian())
                .read(OracleInputs.observations(), OracleInputs.READ_TIME);

        assertEquals(PriceStatus.OK, reading.status(), reading.detail());
        assertEquals(500_000, reading.price());
        assertTrue(reading.flags().isEmpty(), "no flag: " + reading.flags());
    }

    @Test
    void theEightFeedConfidenceVoteReadsOkAtTheHandComputedVote() {
        // 24 votes p − c, p, p + c, sorted: 499,840 499,900 499,900 499,950 499,950 499,960 499,970
        // 499,980 499,980 500,000 500,000 500,010 | 500,010 500,020 500,020 500,040 500,050 500,050
        // 500,080 500,100 500,150 500,160 500,200 500,250. Even count: p50 = (v[11] + v[12]) / 2 =
        // 500,010; p25 = v[24 >> 2] = v[6] = 499,970; p75 = v[23 − 6] = v[17] = 500,050;
        // confidence max(500,010 − 499,970, 500,050 − 500,010) = 40.
        PriceReading reading = OracleInputs.aggregated8(PriceAggregator.confidenceVote())
                .read(OracleInputs.observations(), OracleInputs.READ_TIME);

        assertEquals(PriceStatus.OK, reading.status(), reading.detail());
        assertEquals(500_010, reading.price());
        assertEquals(40, reading.confidence());
        assertTrue(reading.flags().isEmpty(), "no flag: " + reading.flags());
    }

    @Test
    void theSingleFeedReadsOk() {
        PriceReading reading = OracleInputs.single().read(OracleInputs.observations(), OracleInputs.READ_TIME);

        assertEquals(PriceStatus.OK, reading.status(), reading.detail());
        assertEquals(500_000, reading.price());
    }

    @Test
    void theHyperliquidMarkSamplesBothEmasAtEveryCallAndMarksTheMedianOfThree() {
        // Basis sample ((499,950 − 500,000) + (500,050 − 500,000)) / 2 = 0, so input 1 = 500,000;
        // book median median(499,950, 500,050, 500,000) = 500,000; external perp weighted median:
        // 499,900 (1), 499,990 (3), 500,020 (6 of 9) → 500,020. median(500,000, 500,000, 500,020)
        // = 500,000.
        HyperliquidMark rule = OracleInputs.hyperliquidMark();
        FeedObservations observations = OracleInputs.observations();
        long[] state = new long[rule.stateSize()];
        long time = OracleInputs.READ_TIME;
        for (int call = 0; call < OPERATIONS; call++) {
            time += 1_000;
            assertEquals(500_000, rule.markPrice(OracleInputs.markInputs(time, observations), state), "call " + call);
            assertEquals(time, state[0], "the basis EMA sampled at call " + call);
            assertEquals(time, state[3], "the book-median EMA sampled at call " + call);
        }
        assertEquals(500_000, MarkPriceRule.INDEX.markPrice(OracleInputs.markInputs(time, observations), new long[0]));
    }

    @Test
    void theExternalPerpMedianDecidesTheMarkWhenTheOtherTwoInputsDisagree() {
        // Last trade 500,040: book median median(499,950, 500,050, 500,040) = 500,040; input 1
        // stays 500,000 (basis 0). With the perps (500,020) the median of three is 500,020.
        // Without them there are two inputs, so the book EMA (500,040 after its first sample)
        // joins: median(500,000, 500,040, 500,040) = 500,040.
        HyperliquidMark rule = OracleInputs.hyperliquidMark();
        long time = OracleInputs.READ_TIME;

        assertEquals(500_020, rule.markPrice(new MarkInputs(OrderStream.MARKET, time, 500_000, 499_950, 500_050,
                500_040, OracleInputs.observations(), BookDepth.EMPTY), new long[rule.stateSize()]));
        assertEquals(500_040, rule.markPrice(new MarkInputs(OrderStream.MARKET, time, 500_000, 499_950, 500_050,
                500_040, feed -> null, BookDepth.EMPTY), new long[rule.stateSize()]));
    }

    @Test
    void bothVenuesTakeTheSameUpdatesThatMoveTheIndexAndTradeNothing() {
        OracleVenueReplay plain = new OracleVenueReplay(OracleVenueReplay.Variant.PLAIN);
        OracleVenueReplay guarded = new OracleVenueReplay(OracleVenueReplay.Variant.GUARDED);
        Map<AccountId, List<Long>> before = positions(plain.venue());
        assertEquals(before, positions(guarded.venue()), "the set-ups make the same positions");

        boolean guardedMarkLeftTheIndex = false;
        for (int k = 0; k < OPERATIONS; k++) {
            Event.MarkPriceChanged p = onlyMarkChange(plain.publishNext(), "plain", k);
            Event.MarkPriceChanged g = onlyMarkChange(guarded.publishNext(), "guarded", k);
            assertEquals(OracleVenueReplay.priceOf(k), p.indexPrice(), "plain index at operation " + k);
            assertEquals(p.indexPrice(), p.markPrice(), "plain marks at the index, operation " + k);
            if (k >= 4) {
                // Three of the five feeds were published at k, k − 2 and k − 4 with priceOf(k).
                assertEquals(OracleVenueReplay.priceOf(k), g.indexPrice(), "guarded index at operation " + k);
            }
            guardedMarkLeftTheIndex |= g.markPrice() != g.indexPrice();
        }

        assertTrue(guardedMarkLeftTheIndex, "the guarded venue's mark is Hyperliquid's, not the index");
        assertEquals(OPERATIONS, plain.operations());
        assertEquals(OPERATIONS, guarded.operations());
        for (OracleVenueReplay replay : List.of(plain, guarded)) {
            Venue venue = replay.venue();
            assertEquals(MarketStatus.OPEN, venue.marketStatus(OracleVenueReplay.MARKET));
            assertEquals(before, positions(venue), "positions unchanged");
            assertTrue(venue.audit().isConserved());
            // 250 lots sold into bids of 50 from 499,900 down take 5 levels; 300 bought take 6 asks
            // from 500,200 up.
            assertEquals(499_400, venue.bestBid(OracleVenueReplay.MARKET));
            assertEquals(500_800, venue.bestAsk(OracleVenueReplay.MARKET));
        }
    }

    @Test
    void theSetUpGivesEveryTraderAndTheMakerAPosition() {
        Map<AccountId, List<Long>> positions = positions(new OracleVenueReplay(OracleVenueReplay.Variant.GUARDED).venue());

        assertEquals(OracleVenueReplay.TRADERS + 1, positions.size());
        // Odd owners buy 1 + owner % 10 lots, even owners sell as many.
        assertEquals(2 * LOT, positions.get(AccountId.main(1)).get(0));
        assertEquals(-3 * LOT, positions.get(AccountId.main(2)).get(0));
        assertEquals(-1 * LOT, positions.get(AccountId.main(100)).get(0));
        // Odd sizes 2, 4, 6, 8, 10 ten times (300 lots) against even 3, 5, 7, 9, 1 ten times (250):
        // the maker sold 300 and bought 250.
        assertEquals(-50 * LOT, positions.get(AccountId.main(OracleVenueReplay.MAKER_OWNER)).get(0));
    }

    @Test
    void aVenueRunsOnAcrossManyOperationsWithIncreasingIdsAndTimes() {
        OracleVenueReplay guarded = new OracleVenueReplay(OracleVenueReplay.Variant.GUARDED);
        long timeBefore = guarded.venue().time();
        for (int k = 0; k < 3 * OPERATIONS; k++) {
            guarded.publishNext();
        }
        assertEquals(timeBefore + 3L * OPERATIONS * OracleVenueReplay.STEP_MS, guarded.venue().time());
        assertNotEquals(0, guarded.venue().markPrice(OracleVenueReplay.MARKET));
    }

    /** The one mark change an accepted update made; fails on any trade, breach, alert or status change. */
    private static Event.MarkPriceChanged onlyMarkChange(CommandResult result, String variant, int k) {
        assertTrue(result.isAccepted(), variant + " operation " + k + ": " + result.message());
        List<Event.MarkPriceChanged> marks = result.eventsOf(Event.MarkPriceChanged.class);
        assertEquals(1, marks.size(), variant + " operation " + k + ": " + result.events());
        for (Event event : result.events()) {
            assertTrue(event instanceof Event.PricePublished || event instanceof Event.MarkPriceChanged,
                    variant + " operation " + k + " emitted " + event);
        }
        return marks.get(0);
    }

    /** Size and cost basis of every account's BTC position, by account. */
    private static Map<AccountId, List<Long>> positions(Venue venue) {
        Map<AccountId, List<Long>> positions = new HashMap<>();
        for (AccountId account : venue.accounts()) {
            AccountReport report = venue.account(account).orElseThrow();
            report.position(OracleVenueReplay.MARKET).filter(p -> p.size() != 0)
                    .ifPresent(p -> positions.put(account, List.of(p.size(), p.costBasis())));
        }
        return positions;
    }
}
