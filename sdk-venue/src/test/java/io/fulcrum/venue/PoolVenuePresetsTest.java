package io.fulcrum.venue;

import static io.fulcrum.venue.TestVenue.BTC;
import static io.fulcrum.venue.TestVenue.BTC_SPEC;
import static io.fulcrum.venue.TestVenue.USDC;
import static io.fulcrum.venue.TestVenue.USDC_ID;
import static io.fulcrum.venue.TestVenue.btc;
import static io.fulcrum.venue.TestVenue.price;
import static io.fulcrum.venue.TestVenue.usdc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.amm.AvantisFees;
import io.fulcrum.amm.GmxPositionFees;
import io.fulcrum.amm.LossRebate;
import io.fulcrum.amm.OpenInterestCaps;
import io.fulcrum.amm.OracleConfidence;
import io.fulcrum.amm.OraclePool;
import io.fulcrum.amm.PoolImpact;
import io.fulcrum.amm.PriceImpact;
import io.fulcrum.amm.SkewFeeTable;
import io.fulcrum.api.AccountId;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.Event;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CollateralLossMargin;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two venues sdk-amm's README assembles, built and traded once each: a GMX-v2-like market
 * and an Avantis-like vault behind a crypto and a forex market.
 */
class PoolVenuePresetsTest {
    private static final MarketId EURUSD = MarketId.of("EURUSD-PERP");
    private static final MarketSpec EURUSD_SPEC = MarketSpec.builder(EURUSD, USDC)
            .sizeDecimals(0).priceDecimals(5).tickSize(1).lotSize(1000).minNotional(1_000_000)
            .riskTiers(List.of(RiskTier.forMaxLeverage(0, 500)))
            .build();
    private static final AccountId LP = AccountId.main(1);
    private static final AccountId TRADER = AccountId.main(2);

    private long id = 1;

    private CommandId next() {
        return CommandId.of(id++);
    }

    private void fund(Venue venue, AccountId account, String amount) {
        assertTrue(venue.apply(new Command.OpenAccount(next(), 1_000, account)).isAccepted());
        assertTrue(venue.apply(new Command.Deposit(next(), 1_000, account, USDC_ID, usdc(amount))).isAccepted());
    }

    @Test
    void aGmxLikeMarketChargesItsPositionFeeAndPricesFromTheTopOfTheInterval() {
        // BTC at 50,000.0 ± 10.0 with GMX's ETH impact factors: a 0.1 BTC long into an empty pool is charged
        // 0.06 % (it unbalances the pool) and executes above 50,010.
        PriceImpact impact = new PriceImpact(90_000_000L, 30_000_000L, 2, 2, 5_000, 4_000, 6);
        Venue gmx = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OraclePool.factory(impact::impactUsd, 0, OracleConfidence.GMX),
                        PushedPriceSource.of("BTC-USD", 60_000))
                .poolFees(BTC, GmxPositionFees.defaults(impact))
                .poolAutoDeleveraging(BTC, 850_000, 770_000)
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(USDC)))
                .build();
        fund(gmx, LP, "500000");
        fund(gmx, TRADER, "10000");
        gmx.apply(new Command.PublishPrice(next(), 1_000, "BTC-USD", price("50000"), price("10")));
        assertTrue(gmx.apply(new Command.AddLiquidity(next(), 1_000, LP, BTC, USDC_ID, usdc("500000"))).isAccepted());

        Event.Trade trade = gmx.apply(new Command.PlaceOrder(next(), 1_000, TRADER, BTC, Side.BUY, price("50100"),
                btc("0.1"), TimeInForce.IOC)).eventsOf(Event.Trade.class).get(0);

        assertTrue(trade.price() >= price("50010"), "at or above the top of the interval: " + trade.price());
        assertEquals(io.fulcrum.api.Fixed.ppm(trade.notional(), 600, java.math.RoundingMode.CEILING), trade.takerFee());
    }

    @Test
    void anAvantisLikeVaultBacksCryptoAndForexAtUpTo500x() {
        // EUR/USD at 1.10000: 50,000 EUR (55,000 notional) on 110 of margin is 500x. Its skew fee on a pool
        // with no open interest is the table's 1.0 long skew: 5 bps = 27.50.
        Venue avantis = Venue.builder()
                .settlementAsset(USDC)
                .market(BTC_SPEC, OraclePool.factory(PoolImpact.NONE, 0, OracleConfidence.refuseAbove(500)),
                        PushedPriceSource.of("BTC-USD", 60_000))
                .market(EURUSD_SPEC, OraclePool.factory(PoolImpact.NONE, 0), PushedPriceSource.of("EUR-USD", 60_000))
                .sharedPool(BTC, EURUSD)
                .openInterestLimit(BTC, OpenInterestCaps.builder(900_000)
                        .assetClass("crypto", 600_000).pair(BTC, "crypto", 300_000)
                        .assetClass("forex", 300_000).pair(EURUSD, "forex", 300_000).build())
                .poolFees(EURUSD, AvantisFees.fixed(SkewFeeTable.forexExample()).withLossRebate(LossRebate.of(100_000)))
                .poolInsuranceTranche(BTC, 300_000)
                .marginModel(CollateralLossMargin.avantis(HaircutCollateral.settlementOnly(USDC)))
                .build();
        fund(avantis, LP, "1000000");
        // The check prices the order at its 1.10010 limit: 110.01 of margin, 5.00 of loss against the mark and a
        // 27.5025 fee: 142.5125, so 142.52.
        fund(avantis, TRADER, "142.52");
        avantis.apply(new Command.PublishPrice(next(), 1_000, "BTC-USD", price("50000"), 0));
        avantis.apply(new Command.PublishPrice(next(), 1_000, "EUR-USD", 110_000, 0));
        assertTrue(avantis.apply(new Command.AddLiquidity(next(), 1_000, LP, EURUSD, USDC_ID, usdc("1000000")))
                .isAccepted());
        assertTrue(avantis.apply(new Command.SetLeverage(next(), 1_000, TRADER, EURUSD, 500)).isAccepted());

        io.fulcrum.api.CommandResult placed = avantis.apply(new Command.PlaceOrder(next(), 1_000, TRADER, EURUSD,
                Side.BUY, 110_010, 50_000, TimeInForce.IOC));
        assertTrue(placed.isAccepted(), placed::toString);
        Event.Trade trade = placed.eventsOf(Event.Trade.class).get(0);

        assertEquals(usdc("55000"), trade.notional());
        assertEquals(usdc("27.5"), trade.takerFee());
    }
}
