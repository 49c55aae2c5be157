package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.CancelReason;
import io.fulcrum.api.Command;
import io.fulcrum.api.Event;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.LiquidationOrder;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.PriceObservation;
import io.fulcrum.api.spi.PriceReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Records a price feed's observation, re-prices the markets and collateral assets that read
 * it, then re-examines accounts: each one below maintenance is reported and handed to the
 * liquidation policy, whose orders go to the book.
 */
final class PriceHandler {
    private final Ledger ledger;
    private final OrderHandler orders;
    private final CancelHandler cancels;
    private final Map<String, List<MarketRuntime>> marketsByFeed;
    private final Map<String, Integer> assetsByFeed;

    PriceHandler(Ledger ledger, OrderHandler orders, CancelHandler cancels,
            Map<String, List<MarketRuntime>> marketsByFeed, Map<String, Integer> assetsByFeed) {
        this.ledger = ledger;
        this.orders = orders;
        this.cancels = cancels;
        this.marketsByFeed = marketsByFeed;
        this.assetsByFeed = assetsByFeed;
    }

    void publish(Command.PublishPrice c, List<Event> events) {
        List<MarketRuntime> markets = marketsByFeed.getOrDefault(c.feed(), List.of());
        Integer asset = assetsByFeed.get(c.feed());
        if (markets.isEmpty() && asset == null) {
            throw Rejection.of(RejectReason.UNKNOWN_PRICE_FEED, c.feed());
        }
        if (c.price() <= 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_PRICE, c.feed() + " at " + c.price());
        }
        if (c.confidence() < 0) {
            throw Rejection.of(RejectReason.NON_POSITIVE_AMOUNT, "confidence must not be negative: " + c.confidence());
        }
        if (c.price() >= Ledger.MAX_AMOUNT) {
            throw Rejection.of(RejectReason.ARITHMETIC_OVERFLOW, "price " + c.price() + " is not below 2^60");
        }
        ledger.observations.put(c.feed(), new PriceObservation(c.feed(), c.price(), c.confidence(), c.time()));
        events.add(new Event.PricePublished(c.feed(), c.price(), c.confidence(), c.time()));
        if (asset != null) {
            ledger.assetPrices[asset] = c.price();
        }
        for (MarketRuntime market : markets) {
            PriceReading reading = market.priceSource.read(ledger.observations::get, c.time());
            if (!reading.isOk()) {
                continue;
            }
            market.indexPrice = reading.price();
            market.markPrice = market.markPriceRule.markPrice(new MarkInputs(market.spec, c.time(), market.indexPrice,
                    market.engine.bestBid(), market.engine.bestAsk(), market.lastTradePrice));
            events.add(new Event.MarkPriceChanged(market.spec.id(), market.indexPrice, market.markPrice));
        }
        examineAccounts(c.time(), events);
    }

    /**
     * Checks every account holding risk, in account order. (An incremental health index that
     * visits only accounts a move can have pushed over a threshold is a later step; the result is
     * the same.)
     */
    private void examineAccounts(long now, List<Event> events) {
        List<AccountState> breached = new ArrayList<>();
        for (Map.Entry<AccountId, AccountState> e : ledger.accounts.entrySet()) {
            AccountState account = e.getValue();
            if (!account.hasRisk()) {
                continue;
            }
            MarginState state = ledger.evaluate(account);
            if (state.isBelowMaintenance()) {
                events.add(new Event.MaintenanceBreached(account.id, state.equity(), state.maintenanceRequirement()));
                breached.add(account);
            }
        }
        for (AccountState account : breached) {
            MarginState state = ledger.evaluate(account);
            if (!state.isBelowMaintenance()) {
                continue; // an earlier liquidation's fills restored it
            }
            List<LiquidationOrder> plan = ledger.config.liquidationPolicy()
                    .liquidationOrders(new LedgerAccountView(ledger, account), state, ledger);
            for (LiquidationOrder order : plan) {
                // Its resting orders go first, so they cannot fill against the liquidation.
                cancels.cancelAllOf(account, ledger.market(order.market()), CancelReason.LIQUIDATION, events);
                orders.liquidate(account, order, now, events);
            }
        }
    }
}
