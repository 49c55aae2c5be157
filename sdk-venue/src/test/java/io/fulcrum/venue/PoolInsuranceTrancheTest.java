package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.ALICE;
import static io.fulcrum.venue.TestVenue.BOB;
import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.PoolReport;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An insurance tranche in front of a pool's main liquidity (the layered vault of MECHANISMS.md
 * §4 and §9, the numbers of {@code PoolTranche}'s example): it earns 30 % of the fees, pays
 * traders' profits first and is repaid first from their losses.
 */
class PoolInsuranceTrancheTest {
    /** 4 % of every fill that opens, nothing on a close, so that each step below moves one thing. */
    private static final io.fulcrum.api.spi.PoolFeeRule FOUR_PERCENT_TO_OPEN =
            fill -> fill.opens() ? Fixed.ppm(fill.notional(), 40_000, RoundingMode.CEILING) : 0;

    private static Venue.Builder builder() {
        return TestVenue.builder(LiquidationPolicy.NONE, OraclePool.factory(PoolImpact.NONE, 0))
                .poolFees(BTC, FOUR_PERCENT_TO_OPEN)
                .poolInsuranceTranche(BTC, 300_000);
    }

    /** Main liquidity 100,000 from the maker, an insurance tranche of 10,000 from Bob. */
    private static TestVenue venue() {
        TestVenue t = TestVenue.withTraders(builder().build());
        t.accept(new Command.AddLiquidity(t.nextId(), t.now(), MAKER, BTC, USDC_ID, usdc("100000")));
        t.accept(new Command.AddInsuranceLiquidity(t.nextId(), t.now(), BOB, BTC, usdc("10000")));
        return t;
    }

    private static PoolReport report(TestVenue t) {
        return t.venue().pool(BTC).orElseThrow();
    }

    @Test
    void theTrancheTakesItsShareOfFeesAndPaysProfitsFirst() {
        // A 0.5 BTC long at 50,000 pays a 1,000 fee: 300 to insurance (10,300), 700 to main (100,700). At 100,000
        // the trader is up 25,000: the tranche is marked to 0, the main liquidity to 100,700 − 14,700 = 86,000.
        TestVenue t = venue();
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.5", TimeInForce.IOC));
        assertEquals(usdc("10300"), report(t).insuranceValue());
        t.publish("100000");

        assertEquals(List.of(0L, usdc("86000")), List.of(report(t).insuranceValue(), report(t).valueForWithdrawal()));

        // Realised, the profit exhausts the tranche (deficit 10,300) and the main liquidity pays 14,700.
        t.accept(t.order(ALICE, Side.SELL, "99900", "0.5", TimeInForce.IOC));
        PoolReport closed = report(t);
        assertEquals(List.of(0L, usdc("10300"), usdc("86000")),
                List.of(closed.insuranceValue(), closed.insuranceDeficit(), closed.valueForWithdrawal()));
    }

    @Test
    void tradersLossesRepayTheTrancheFirst() {
        // After the 25,000 profit above, a 0.1 BTC long at 100,000 pays 400 (120 to insurance) and closes at
        // 60,000, losing 4,000: all of it repays the tranche (deficit 10,300 → 6,300, cash 4,120). Bob's 10,000
        // insurance shares redeem for 4,120; the main liquidity holds 100,000 + 700 − 14,700 + 280 = 86,280.
        TestVenue t = venue();
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.5", TimeInForce.IOC));
        t.publish("100000");
        t.accept(t.order(ALICE, Side.SELL, "99900", "0.5", TimeInForce.IOC));
        t.accept(t.order(ALICE, Side.BUY, "100100", "0.1", TimeInForce.IOC));
        t.publish("60000");
        t.accept(t.order(ALICE, Side.SELL, "59900", "0.1", TimeInForce.IOC));

        PoolReport report = report(t);
        assertEquals(List.of(usdc("4120"), usdc("6300"), usdc("86280")),
                List.of(report.insuranceValue(), report.insuranceDeficit(), report.valueForWithdrawal()));
        Event.InsuranceLiquidityRemoved removed = t.accept(new Command.RemoveInsuranceLiquidity(t.nextId(), t.now(),
                BOB, BTC, usdc("10000"))).eventsOf(Event.InsuranceLiquidityRemoved.class).get(0);
        assertEquals(new Event.InsuranceLiquidityRemoved(BOB, BTC, usdc("10000"), usdc("4120"), 0), removed);
        assertTrue(t.venue().audit().isConserved());
    }

    @Test
    void theTrancheSurvivesASnapshot() {
        TestVenue t = venue();
        t.accept(t.order(ALICE, Side.BUY, "50100", "0.5", TimeInForce.IOC));
        t.publish("100000");
        t.accept(t.order(ALICE, Side.SELL, "99900", "0.5", TimeInForce.IOC));

        Venue restored = Venue.replay(builder(), t.venue().snapshot(), List.of());
        assertEquals(report(t), restored.pool(BTC).orElseThrow());
        assertEquals(t.venue().stateHash(), restored.stateHash());
    }

    @Test
    void aPoolWithoutATrancheRefusesInsuranceLiquidity() {
        TestVenue t = TestVenue.withTraders(TestVenue.builder(LiquidationPolicy.NONE,
                OraclePool.factory(PoolImpact.NONE, 0)).build());
        t.rejects(RejectReason.NO_INSURANCE_TRANCHE,
                new Command.AddInsuranceLiquidity(t.nextId(), t.now(), BOB, BTC, usdc("1000")));
    }
}
