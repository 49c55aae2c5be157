package io.fulcrum.venue.internal;

import io.fulcrum.api.MarketStatus;
import io.fulcrum.api.PriceStatus;
import io.fulcrum.api.RejectReason;
import io.fulcrum.api.spi.GuardVerdict;
import io.fulcrum.api.spi.PriceReading;
import java.math.BigInteger;

/**
 * The market-state checks an order meets at its own time, before anything changes: the oracle
 * guards' status (halted, reduce-only), a usable price, and the guards' price band. They read
 * state and change nothing, so a rejected order leaves the venue exactly as it was.
 */
final class MarketAccess {
    private MarketAccess() {}

    /** An isolated account trades only the market it is isolated to. */
    static void requireAccountMayTrade(AccountState account, MarketRuntime market) {
        if (account.marginMode.isIsolated() && account.isolatedMarket != market.index) {
            throw Rejection.of(RejectReason.ISOLATED_TO_ANOTHER_MARKET, account.id + " is " + account.marginMode
                    + " and may not trade " + market.spec.id());
        }
    }

    /**
     * The guards' verdict at {@code now}, after checking that the market is not halted and has a
     * usable price: the source's reading must be OK unless a guard holds the price (a stock
     * market closed for the weekend trades at its last close while its feed is silent).
     */
    static GuardVerdict requireTradable(Ledger ledger, MarketRuntime market, long now) {
        GuardVerdict verdict = market.verdictAt(now);
        if (verdict.status() == MarketStatus.HALTED) {
            throw Rejection.of(RejectReason.MARKET_HALTED, market.spec.id() + ": " + verdict.reason());
        }
        if (!verdict.holdsPrice()) {
            requireUsablePrice(market, market.priceSource.read(ledger.observations::get, now));
        }
        if (market.markPrice <= 0) {
            throw Rejection.of(RejectReason.NO_PRICE, market.spec.id().toString());
        }
        return verdict;
    }

    static void requireUsablePrice(MarketRuntime market, PriceReading reading) {
        String detail = market.spec.id() + (reading.detail().isEmpty() ? "" : ": " + reading.detail());
        if (reading.status() == PriceStatus.STALE) {
            throw Rejection.of(RejectReason.STALE_ORACLE, detail);
        }
        if (reading.status() == PriceStatus.UNRELIABLE) {
            throw Rejection.of(RejectReason.ORACLE_UNRELIABLE, detail);
        }
        if (!reading.isOk()) {
            throw Rejection.of(RejectReason.NO_PRICE, detail);
        }
    }

    /** In a reduce-only market, only an order that shrinks the position passes. */
    static void requireAllowedByStatus(MarketRuntime market, GuardVerdict verdict, boolean reduces, String order) {
        if (verdict.status() == MarketStatus.REDUCE_ONLY && !reduces) {
            throw Rejection.of(RejectReason.MARKET_REDUCE_ONLY, market.spec.id() + " " + order + ": " + verdict.reason());
        }
    }

    /**
     * A band of {@code b} ppm admits limit prices with {@code |price − mark| · 10^6 ≤ b · mark}
     * (exact: computed on big integers, as the products can pass 2^63).
     */
    static void requireWithinBand(MarketRuntime market, GuardVerdict verdict, long price) {
        long band = verdict.priceBandPpm();
        if (band == 0) {
            return;
        }
        long mark = market.markPrice;
        BigInteger distance = BigInteger.valueOf(price).subtract(BigInteger.valueOf(mark)).abs()
                .multiply(BigInteger.valueOf(1_000_000));
        if (distance.compareTo(BigInteger.valueOf(band).multiply(BigInteger.valueOf(mark))) > 0) {
            throw Rejection.of(RejectReason.PRICE_OUTSIDE_BAND, market.spec.id() + ": price " + price + ", mark " + mark
                    + ", band ±" + band + " ppm (" + verdict.reason() + ")");
        }
    }
}
