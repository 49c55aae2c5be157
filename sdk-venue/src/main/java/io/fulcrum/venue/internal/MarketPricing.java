package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.MarkInputs;
import io.fulcrum.api.spi.PriceReading;
import io.fulcrum.api.spi.PriceView;
import java.util.List;

/**
 * Re-prices one market at a moment, in the order DESIGN.md gives: the price source's reading,
 * then the oracle guards (which may hold the index, restrict the market, band its prices and
 * widen its margin), then the mark-price rule on the index that results.
 *
 * <p>A reading that is not usable leaves index and mark where they were and is reported as a
 * {@link Event.PriceAlert} when the source's condition changes; the guards are then asked for
 * their verdict at this time without a new price.
 */
final class MarketPricing {
    private final Ledger ledger;

    MarketPricing(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Re-prices {@code market} at {@code now}. Reports {@code MarkPriceChanged} when the index or
     * mark moved, or whenever {@code announce} is set and the market has a usable price (a price
     * publish always confirms the price). Returns true if the index or mark moved.
     */
    boolean reprice(MarketRuntime market, long now, boolean announce, List<Event> events) {
        PriceReading reading = market.priceSource.read(ledger.observations::get, now);
        market.alerts.observe(market.spec.id().symbol(), reading, events);
        GuardVerdict verdict = reading.isOk() ? market.verdictOnIndex(now, reading.price()) : market.verdictAt(now);
        applyStatus(market, verdict, events);
        long index = verdict.holdsPrice() ? verdict.heldPrice() : reading.isOk() ? reading.price() : PriceView.NO_PRICE;
        if (index == PriceView.NO_PRICE) {
            return false;
        }
        long mark = market.markPriceRule.markPrice(new MarkInputs(market.spec, now, index, market.engine.bestBid(),
                market.engine.bestAsk(), market.lastTradePrice, ledger.observations::get, market.engine::depth),
                market.markState);
        if (mark <= 0) {
            throw new IllegalStateException(market.spec.id() + ": the mark rule " + market.markPriceRule
                    + " returned a non-positive mark " + mark + " for index " + index);
        }
        boolean moved = index != market.indexPrice || mark != market.markPrice;
        market.indexPrice = index;
        market.indexConfidence = verdict.holdsPrice() || !reading.isOk() ? 0 : reading.confidence();
        market.markPrice = mark;
        if (moved || announce) {
            events.add(new Event.MarkPriceChanged(market.spec.id(), index, mark));
        }
        return moved;
    }

    private static void applyStatus(MarketRuntime market, GuardVerdict verdict, List<Event> events) {
        if (verdict.status() == market.status && verdict.priceBandPpm() == market.priceBandPpm
                && verdict.marginScalePpm() == market.marginScalePpm) {
            return;
        }
        market.status = verdict.status();
        market.priceBandPpm = verdict.priceBandPpm();
        market.marginScalePpm = verdict.marginScalePpm();
        String reason = verdict.reason().isEmpty() ? "the oracle guards are content" : verdict.reason();
        events.add(new Event.MarketStatusChanged(market.spec.id(), verdict.status(), verdict.priceBandPpm(),
                verdict.marginScalePpm(), reason));
    }
}
