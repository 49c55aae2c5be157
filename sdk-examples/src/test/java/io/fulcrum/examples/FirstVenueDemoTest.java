package io.fulcrum.examples;

import static io.fulcrum.examples.FirstVenueDemo.ALICE;
import static io.fulcrum.examples.FirstVenueDemo.BOB;
import static io.fulcrum.examples.FirstVenueDemo.BTC;
import static io.fulcrum.examples.FirstVenueDemo.MAKER;
import static io.fulcrum.examples.FirstVenueDemo.USDC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.CommandResult;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MoneyAudit;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.venue.Venue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first venue's demo, worked by hand. Notional = BTC × price; fees 2 bps maker, 5 bps taker.
 *
 * <pre>
 * Maker's ladder around 50,000: asks 1 @ 50,010, 1 @ 50,020, 2 @ 50,050; bids 1 @ 49,990, 1 @ 49,980, 2 @ 49,950.
 *
 * Alice buys 1.5:  1 @ 50,010 (notional 50,010; maker fee 10.002, taker 25.005)
 *                0.5 @ 50,020 (notional 25,010; maker fee  5.002, taker 12.505)
 *   Alice: long 1.5, cost 75,020, balance 10,000 − 37.51 = 9,962.49
 * Bob sells 1:     1 @ 49,990 (notional 49,990; maker fee  9.998, taker 24.995)
 *   Bob: short 1, cost 49,990, balance 10,000 − 24.995 = 9,975.005
 *
 * Index 44,000 (after the maker re-quoted: asks 44,010 / 44,020 / 44,050, bids 43,990 / 43,980 / 43,950):
 *   Alice: equity 9,962.49 + (66,000 − 75,020) = 942.49 &lt; maintenance 5 % × 66,000 = 3,300: liquidated.
 *   The policy sells 1.5 IOC no worse than 44,000 × 0.95 = 41,800; the book fills
 *     1 @ 43,990 (notional 43,990; maker fee 8.798, taker 21.995)
 *   0.5 @ 43,980 (notional 21,990; maker fee 4.398, taker 10.995)
 *   Alice realises 65,980 − 75,020 = −9,040 and pays 32.99 more in fees:
 *   final balance 9,962.49 − 9,040 − 32.99 = 889.50; fees 37.51 + 32.99 = 70.50.
 *
 * Bob buys 1 @ 44,010 (notional 44,010; maker fee 8.802, taker 22.005):
 *   realised 49,990 − 44,010 = 5,980; fees 24.995 + 22.005 = 47; balance 9,975.005 + 5,980 − 22.005 = 15,933.
 *
 * Maker: sold 1.5 for 75,020, bought 1.5 back for 49,990 + 21,995 (half of the 43,990 fill),
 *   realising 3,035; then bought 1 (0.5 + 0.5) at 43,985 on average and sold it at 44,010: +25.
 *   Realised 3,060, fees 10.002 + 5.002 + 9.998 + 8.798 + 4.398 + 8.802 = 47, balance 1,003,013.
 *
 * Fee pool: 70.50 + 47 + 47 = 164.50.  Audit: 1,020,000 deposited = 889.5 + 15,933 + 1,003,013 + 164.5.
 *
 * Withdrawal of 1,000,000 by the maker, flat but still quoting bids 0.5 @ 43,980 + 2 @ 43,950 and
 * asks 1 @ 44,020 + 2 @ 44,050: if all asks fill it is short 3, initial 10 % × 3 × 44,000 = 13,200.
 *   Free collateral 1,003,013 − 13,200 = 989,813 &lt; 1,000,000: refused.
 * </pre>
 */
class FirstVenueDemoTest {
    private static FirstVenueDemo.Result result;
    private static String output;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = FirstVenueDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aliceFallsBelowMaintenanceAt44000WithEquity942Point49() {
        Event.MaintenanceBreached breach = only(Event.MaintenanceBreached.class);

        assertEquals(ALICE, breach.account());
        assertEquals(usdc("942.49"), breach.equity());
        assertEquals(usdc("3300"), breach.maintenanceRequirement());
    }

    @Test
    void aliceIsLiquidatedThroughTheMakersBidsAndKeeps889Point50() {
        CommandResult liquidation = resultWith(Event.MaintenanceBreached.class);
        Event.OrderAccepted order = liquidation.eventsOf(Event.OrderAccepted.class).get(0);
        List<Event.Trade> trades = liquidation.eventsOf(Event.Trade.class);

        assertEquals(Side.SELL, order.side());
        assertEquals(price("41800"), order.price());
        assertEquals(List.of(price("43990"), price("43980")), trades.stream().map(Event.Trade::price).toList());
        AccountReport alice = account(ALICE);
        PositionReport position = alice.position(BTC).orElseThrow();
        assertEquals(0, position.size());
        assertEquals(usdc("-9040"), position.realizedPnl());
        assertEquals(usdc("70.50"), position.fees());
        assertEquals(usdc("889.50"), alice.balance(USDC.id()));
    }

    @Test
    void bobClosesHisShortFrom49990At44010AndRealises5980() {
        AccountReport bob = account(BOB);
        PositionReport position = bob.position(BTC).orElseThrow();

        assertEquals(0, position.size());
        assertEquals(usdc("5980"), position.realizedPnl());
        assertEquals(usdc("47"), position.fees());
        assertEquals(usdc("15933"), bob.balance(USDC.id()));
    }

    @Test
    void theMakerEndsFlatWith3060RealisedAnd47PaidInFees() {
        AccountReport maker = account(MAKER);
        PositionReport position = maker.position(BTC).orElseThrow();

        assertEquals(0, position.size());
        assertEquals(usdc("3060"), position.realizedPnl());
        assertEquals(usdc("47"), position.fees());
        assertEquals(usdc("1003013"), maker.balance(USDC.id()));
    }

    @Test
    void theFeePoolHolds164Point50() {
        assertEquals(usdc("164.50"), result.venue().feePool());
    }

    @Test
    void aWithdrawalBeyondFreeCollateralIsRefusedWithItsTypedReasonAndChangesNothing() {
        List<CommandResult> refused = result.results().stream().filter(CommandResult::isRejected).toList();

        assertEquals(1, refused.size(), "exactly one command of the script is refused");
        assertEquals(RejectReason.INSUFFICIENT_FREE_COLLATERAL, refused.get(0).reason());
        assertTrue(refused.get(0).message().endsWith("free collateral is 989813.000000 USDC"), refused.get(0).message());
        assertEquals(usdc("1003013"), account(MAKER).balance(USDC.id()));
        assertTrue(output.contains("REFUSED Maker's withdrawal of 1000000.000000 USDC: INSUFFICIENT_FREE_COLLATERAL"),
                "the refusal is printed with its reason");
    }

    @Test
    void moneyIsConservedToTheUnit() {
        MoneyAudit.Line usdc = result.venue().audit().lines().get(0);

        assertTrue(result.venue().audit().isConserved());
        assertEquals(USDC.id(), usdc.asset());
        assertEquals(usdc("1020000"), usdc.netDeposits());
        assertEquals(usdc("1019835.50"), usdc.balances()); // 889.5 + 15,933 + 1,003,013
        assertEquals(0, usdc.costBases());
        assertEquals(usdc("164.50"), usdc.feePool());
        assertTrue(output.contains("USDC: 1020000.000000 = 1019835.500000 - 0.000000 + 164.500000  conserved"));
    }

    @Test
    void everyRunPrintsTheSameTextAndEndsInTheSameState() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Venue again = FirstVenueDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8)).venue();

        assertEquals(output, bytes.toString(StandardCharsets.UTF_8));
        assertEquals(result.venue().stateHash(), again.stateHash());
        assertTrue(output.contains("== State hash: " + again.stateHash()));
    }

    private static <E extends Event> E only(Class<E> type) {
        List<E> events = result.results().stream().flatMap(r -> r.eventsOf(type).stream()).toList();
        assertEquals(1, events.size(), () -> "expected one " + type.getSimpleName() + ", got " + events);
        return events.get(0);
    }

    private static CommandResult resultWith(Class<? extends Event> type) {
        return result.results().stream().filter(r -> !r.eventsOf(type).isEmpty()).findFirst().orElseThrow();
    }

    private static AccountReport account(AccountId id) {
        return result.venue().account(id).orElseThrow();
    }

    private static long usdc(String amount) {
        return USDC.toUnits(amount);
    }

    private static long price(String decimal) {
        return Fixed.parse(decimal, FirstVenueDemo.BTC_SPEC.priceDecimals());
    }
}
