package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Command;
import io.fulcrum.api.CommandId;
import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.Side;
import io.fulcrum.api.TimeInForce;
import io.fulcrum.margin.CrossMargin;
import io.fulcrum.margin.FlatFeeSchedule;
import io.fulcrum.margin.HaircutCollateral;
import io.fulcrum.oracle.PushedPriceSource;
import io.fulcrum.orderbook.OrderBook;
import io.fulcrum.venue.Venue;
import java.util.List;

/**
 * The README's "embed it in 30 lines": a whole venue inside your own process. It lists USDC and
 * one BTC-PERP order book with a pushed index and cross margin, opens a seller and a buyer with
 * 10,000 USDC each, publishes the index at 50,000, rests a sell of 0.1 BTC at 50,000 and crosses
 * it with a buy, then prints the buyer's account: long 0.1 BTC, 9,997.5 USDC after the 2.5 USDC
 * taker fee (5 bps of 5,000). The lines between the {@code embed:} markers are the README's
 * snippet, verbatim (a test keeps the two equal).
 */
public final class EmbedIt {
    private EmbedIt() {}

    /** Runs the example (printing the report) and returns the buyer's account. */
    public static AccountReport run() {
        // embed:start
        AssetSpec usdc = AssetSpec.of("USDC", 6);                        // amounts in 0.000001 USDC
        MarketSpec btc = MarketSpec.builder(MarketId.of("BTC-PERP"), usdc)
                .sizeDecimals(4).lotSize(10)                             // sizes in 0.0001 BTC, lot 0.001
                .priceDecimals(1).tickSize(5)                            // prices in 0.1 USDC, tick 0.5
                .riskTiers(List.of(RiskTier.flat(100_000, 50_000)))      // 10 % initial, 5 % maintenance
                .build();
        Venue venue = Venue.builder()
                .settlementAsset(usdc)
                .market(btc, OrderBook::new, PushedPriceSource.of("BTC-USD", 60_000))  // stale after 60 s
                .marginModel(CrossMargin.with(HaircutCollateral.settlementOnly(usdc)))
                .feeSchedule(FlatFeeSchedule.of(200, 500))               // 2 bps maker, 5 bps taker
                .build();
        AccountId seller = AccountId.main(1);
        AccountId buyer = AccountId.main(2);
        long id = 0;                                                     // you number commands ...
        long now = 1_000;                                                // ... and give them their time
        for (AccountId account : List.of(seller, buyer)) {
            venue.apply(new Command.OpenAccount(CommandId.of(++id), now, account));
            venue.apply(new Command.Deposit(CommandId.of(++id), now, account, usdc.id(), usdc.toUnits("10000")));
        }
        venue.apply(new Command.PublishPrice(CommandId.of(++id), now, "BTC-USD", 500_000, 0));  // index 50,000.0
        venue.apply(new Command.PlaceOrder(CommandId.of(++id), now, seller, btc.id(), Side.SELL,
                500_000, 1_000, TimeInForce.GTC));                       // rests: sell 0.1 BTC at 50,000.0
        venue.apply(new Command.PlaceOrder(CommandId.of(++id), now, buyer, btc.id(), Side.BUY,
                500_000, 1_000, TimeInForce.IOC));                       // crosses it: buys the 0.1 BTC
        AccountReport report = venue.account(buyer).orElseThrow();
        System.out.println(report);        // long 1_000 (0.1 BTC); USDC 9_997_500_000 (9,997.5 after a 2.5 fee)
        // embed:end
        return report;
    }

    /** Runs the example. */
    public static void main(String[] args) {
        run();
    }
}
