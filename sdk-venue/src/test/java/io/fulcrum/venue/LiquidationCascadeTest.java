package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.MAKER;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.api.spi.LiquidationPolicy;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.FullCloseLiquidation;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.margin.PartialLiquidation;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A liquidation cascade through a thin book: ten traders long 1 BTC each from 50,000 on 7,000
 * (bankrupt at 43,000, below maintenance under 45,263), the index falling 1,000 a step to
 * 40,000, and a market maker who after each step bids only 0.2 BTC every 100 below the index,
 * ten levels deep. Liquidation orders may trade down to 10 % under the mark; no fees.
 *
 * <p>Full closes sell 1 BTC per account into 2 BTC of bids a step, so at most two accounts get
 * out per step and the rest wait while the price falls through their bankruptcy price. Partial
 * closes sell only what restores maintenance plus 10 %, so the same bids serve more accounts
 * sooner. The figures below were worked out independently of the venue, with a 40-line model of
 * these rules (ladder, band, lot rounding, the partial-size formula).
 */
class LiquidationCascadeTest {
    private static final int TRADERS = 10;

    /** The traders' negative equity at 40,000, in all: the bad debt the cascade leaves. */
    private static long badDebt(LiquidationPolicy policy) {
        TestVenue t = TestVenue.withTraders(Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OrderBook::new, PushedPriceSource.of(TestVenue.FEED, 60_000))
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .feeSchedule(FlatFeeSchedule.of(0, 0))
                .liquidationPolicy(policy)
                .build());
        List<AccountId> traders = new ArrayList<>();
        t.place(MAKER, Side.SELL, "50000", String.valueOf(TRADERS), TimeInForce.GTC);
        for (int i = 0; i < TRADERS; i++) {
            AccountId trader = AccountId.main(10 + i);
            t.openWith(trader, "7000");
            t.accept(t.order(trader, Side.BUY, "50000", "1", TimeInForce.IOC));
            traders.add(trader);
        }
        quoteBelow(t, 50_000);
        for (int index = 49_000; index >= 40_000; index -= 1_000) {
            t.publish(String.valueOf(index));
            quoteBelow(t, index);
        }
        long debt = 0;
        for (AccountId trader : traders) {
            debt += Math.max(0, -t.venue().margin(trader).orElseThrow().equity());
        }
        assertTrue(t.venue().audit().isConserved());
        return debt;
    }

    /** The maker's thin ladder: 0.2 BTC at every 100 from {@code index} − 100 down to {@code index} − 1,000. */
    private static void quoteBelow(TestVenue t, int index) {
        t.accept(new Command.CancelAll(t.nextId(), t.now(), MAKER, BTC));
        for (int level = 1; level <= 10; level++) {
            t.place(MAKER, Side.BUY, String.valueOf(index - 100 * level), "0.2", TimeInForce.GTC);
        }
    }

    @Test
    void partialLiquidationLeavesLessBadDebtThanFullCloses() {
        long full = badDebt(FullCloseLiquidation.withBand(100_000));
        long partial = badDebt(PartialLiquidation.of(100_000, 100_000));

        assertEquals(usdc("4200"), full, () -> "full closes left " + Fixed.format(full, 6));
        assertEquals(usdc("282.4"), partial, () -> "partial closes left " + Fixed.format(partial, 6));
        assertTrue(partial < full);
    }
}
