package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.PositionReport;
import io.fulcrum.venue.Venue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both methods of {@link FundingTickBenchmark} really pay funding on a small population, every
 * command accepted and the money audit conserved: {@code indexed} moves the index and settles no
 * one, {@code perAccount} also settles every holder once.
 *
 * <p>Worked numbers for every test: 0.0125 % (125,000 ppb) at 50,000.0 (500,000 price units)
 * moves the index by 500,000 × 125,000 × 10^(6 − 4 − 1 − 3) = 625,000,000 millionths of a USDC
 * unit per 0.0001 BTC; a holder's 0.01 BTC (100 size units) settles 100 × 625,000,000 / 10^6 =
 * 62,500 units, 0.0625 USDC (= 500 USDC of notional × 0.000125). Each trader deposited
 * 1,000 USDC = 1,000,000,000 units and paid no fee (the venue has none).
 */
class FundingTickBenchmarkTest {
    private static final int HOLDERS = 20;
    private static final long DEPOSIT = 1_000_000_000;
    private static final long PAYMENT = 62_500;

    private static List<CommandResult> tick(FundingTickBenchmark.FundingVenue venue, boolean payEveryone) {
        List<CommandResult> results = new ArrayList<>();
        venue.tick(payEveryone, results::add);
        results.forEach(r -> assertTrue(r.isAccepted(), () -> "refused: " + r));
        return results;
    }

    private static List<Event.FundingSettled> settled(List<CommandResult> results) {
        List<Event.FundingSettled> settled = new ArrayList<>();
        results.forEach(r -> settled.addAll(r.eventsOf(Event.FundingSettled.class)));
        return settled;
    }

    private static long balance(Venue venue, AccountId account) {
        return venue.account(account).orElseThrow().balance(OrderStream.MARKET.settlement().id());
    }

    private static long size(Venue venue, AccountId account) {
        return venue.account(account).orElseThrow().position(FundingTickBenchmark.FundingVenue.MARKET)
                .map(PositionReport::size).orElse(0L);
    }

    @Test
    void setUpGivesEveryTraderHalfTheLongsOrHalfTheShortsAndLeavesTheMakerFlat() {
        // 20 traders alternate buy / sell 0.01 BTC (100 units) from the maker: 10 longs, 10 shorts, maker 0.
        FundingTickBenchmark.FundingVenue venue = new FundingTickBenchmark.FundingVenue(HOLDERS);
        AccountId[] holders = venue.holders();

        assertEquals(HOLDERS, holders.length);
        for (int i = 0; i < holders.length; i++) {
            assertEquals(i % 2 == 0 ? 100 : -100, size(venue.venue(), holders[i]), holders[i].toString());
        }
        assertEquals(0, size(venue.venue(), AccountId.main(FundingTickBenchmark.FundingVenue.MAKER_OWNER)));
        assertTrue(venue.venue().audit().isConserved());
    }

    @Test
    void anIndexedTickPaysIntoTheIndexAndSettlesNoOne() {
        FundingTickBenchmark.FundingVenue venue = new FundingTickBenchmark.FundingVenue(HOLDERS);
        AccountId aLong = venue.holders()[0];
        long equityBefore = venue.venue().margin(aLong).orElseThrow().equity();

        List<CommandResult> results = tick(venue, false);

        assertEquals(1, results.size(), "one AdvanceTime");
        assertEquals(List.of(new Event.FundingRateApplied(FundingTickBenchmark.FundingVenue.MARKET, 125_000, 500_000,
                625_000_000)), results.get(0).eventsOf(Event.FundingRateApplied.class));
        assertEquals(List.of(), settled(results));
        for (AccountId holder : venue.holders()) {
            assertEquals(DEPOSIT, balance(venue.venue(), holder), "balances stay: " + holder);
        }
        assertEquals(equityBefore - PAYMENT, venue.venue().margin(aLong).orElseThrow().equity(),
                "the long's pending 0.0625 counts in its equity at once");
        assertTrue(venue.venue().audit().isConserved());
    }

    @Test
    void aPerAccountTickSettlesEveryHolderOnceLongsPayingShorts() {
        FundingTickBenchmark.FundingVenue venue = new FundingTickBenchmark.FundingVenue(HOLDERS);
        AccountId[] holders = venue.holders();

        List<CommandResult> results = tick(venue, true);

        assertEquals(1 + HOLDERS, results.size(), "one AdvanceTime, then one SettleFunding per holder");
        assertEquals(1, results.get(0).eventsOf(Event.FundingRateApplied.class).size());
        Map<AccountId, Long> paid = new HashMap<>();
        for (Event.FundingSettled e : settled(results)) {
            assertNull(paid.put(e.account(), e.amount()), "settled twice: " + e.account());
        }
        assertEquals(HOLDERS, paid.size(), "every holder settled once, the flat maker not at all");
        for (int i = 0; i < holders.length; i++) {
            long owed = i % 2 == 0 ? PAYMENT : -PAYMENT;
            assertEquals(owed, paid.get(holders[i]), holders[i].toString());
            assertEquals(DEPOSIT - owed, balance(venue.venue(), holders[i]), holders[i].toString());
        }
        // 10 longs pay 10 × 62,500 and 10 shorts receive as much: nothing stays in the funding pool.
        assertEquals(0, venue.venue().audit().lines().get(0).fundingPool());
        assertTrue(venue.venue().audit().isConserved());
    }

    @Test
    void theNextTickPaysTheOppositeRateSoBalancesStayBounded() {
        // Tick 2 pays −125,000 ppb: the index goes back by 625,000,000 to 0 and the shorts pay the longs 0.0625.
        FundingTickBenchmark.FundingVenue venue = new FundingTickBenchmark.FundingVenue(HOLDERS);
        tick(venue, true);

        List<CommandResult> second = tick(venue, true);

        assertEquals(List.of(new Event.FundingRateApplied(FundingTickBenchmark.FundingVenue.MARKET, -125_000, 500_000,
                0)), second.get(0).eventsOf(Event.FundingRateApplied.class));
        for (AccountId holder : venue.holders()) {
            assertEquals(DEPOSIT, balance(venue.venue(), holder), "back to the deposit: " + holder);
        }
        assertTrue(venue.venue().audit().isConserved());
    }

    @Test
    void manyTicksOfBothMethodsOnOneVenueAreAllAcceptedAndEachPays() {
        // The benchmark's own use: one venue, ticks an hour apart, ids increasing; 50 of each method interleaved.
        FundingTickBenchmark.FundingVenue venue = new FundingTickBenchmark.FundingVenue(HOLDERS);
        long clockBefore = venue.venue().time();

        for (int k = 0; k < 100; k++) {
            List<CommandResult> results = tick(venue, k % 2 == 1);
            assertEquals(1, results.get(0).eventsOf(Event.FundingRateApplied.class).size(), "tick " + k + " pays");
        }

        assertEquals(clockBefore + 100 * FundingTickBenchmark.FundingVenue.HOUR, venue.venue().time());
        assertTrue(venue.venue().audit().isConserved());
    }
}
