package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.FundingInputs;
import io.fulcrum.api.spi.FundingModel;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Funding through a cumulative index per market, so that no account is touched when a rate is
 * paid: the index counts what one long size unit has paid since the market opened, in
 * millionths of a settlement unit, and a position settles {@code size × (index now − index at
 * its last settlement)} whenever it changes, when its owner asks, and is counted as pending in
 * its margin meanwhile (MECHANISMS.md §2.5: dYdX settles against its funding index the same way).
 *
 * <p>A rate of {@code r} ppb at index price {@code P} moves the index by the notional of one size
 * unit at {@code P} times {@code r}: {@code P · r · 10^(settlement − size − price decimals) / 1,000}
 * millionths, truncated toward zero. A payer's settlement is rounded up and a receiver's down, so
 * longs pay what shorts receive plus the rounding, which stays in the venue's funding pool.
 *
 * <p>Example: BTC at 50,000.0 (price units 500,000), 1 BTC = 10,000 size units, USDC with 6
 * decimals: a rate of 125,000 ppb (0.0125 %) moves the index by 500,000 × 125,000 × 10 / 1,000 =
 * 625,000,000 millionths per size unit, and 1 BTC long settles 10,000 × 625,000,000 / 10^6 =
 * 6,250,000 units: 6.25 USDC (dYdX's §2.5 example).
 */
final class Funding {
    /** The index counts millionths of a settlement unit. */
    static final long INDEX_SCALE = 1_000_000;

    private final Ledger ledger;

    Funding(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Samples premiums and pays rates that are due at {@code now}, for every market with a
     * funding model. Returns true if an index moved (every holder's margin changed).
     */
    boolean onTime(long now, List<Event> events) {
        boolean moved = false;
        for (MarketRuntime market : ledger.markets) {
            FundingModel model = market.fundingModel;
            if (model == null) {
                continue;
            }
            if (market.lastFundingTime == Long.MIN_VALUE) {
                // The clock starts at the first tick the venue sees.
                market.lastFundingTime = now;
                market.lastPremiumSample = now;
                continue;
            }
            long every = model.sampleIntervalMillis();
            if (every > 0 && now - market.lastPremiumSample >= every && market.indexPrice > 0) {
                model.onPremiumSample(now, premiumPpb(market, model.impactNotional(market.spec)), market.fundingState);
                market.lastPremiumSample = now;
            }
            if (now - market.lastFundingTime >= model.intervalMillis() && market.indexPrice > 0) {
                long rate = model.ratePpb(new FundingInputs(market.spec, now, now - market.lastFundingTime,
                        market.indexPrice, market.markPrice, ledger.tradersOpenInterest(market, Side.BUY),
                        ledger.tradersOpenInterest(market, Side.SELL)), market.fundingState);
                // A risk control may raise funding while risk concentrates.
                rate = Fixed.mulDiv(rate, market.riskLimits.fundingMultiplierPpm(), Fixed.PPM, RoundingMode.DOWN);
                long delta = indexDelta(market.spec, market.indexPrice, rate);
                market.cumulativeFunding = Fixed.add(market.cumulativeFunding, delta);
                market.lastFundingTime = now;
                events.add(new Event.FundingRateApplied(market.spec.id(), rate, market.indexPrice,
                        market.cumulativeFunding));
                moved |= delta != 0;
            }
        }
        return moved;
    }

    /** How far a rate of {@code ratePpb} at {@code price} moves the index, in millionths per size unit, toward zero. */
    static long indexDelta(MarketSpec spec, long price, long ratePpb) {
        int exponent = spec.settlement().decimals() - spec.sizeDecimals() - spec.priceDecimals() - 3;
        long numerator = Math.multiplyExact(price, ratePpb);
        return exponent >= 0 ? Math.multiplyExact(numerator, Fixed.pow10(exponent))
                : numerator / Fixed.pow10(-exponent);
    }

    /**
     * What a position owes since it last settled (positive: it pays), rounded against its holder:
     * its funding, {@code size × Δ funding index}, and its share of socialised losses,
     * {@code |size| × Δ loss index}, which longs and shorts pay alike.
     */
    static long owed(MarketRuntime market, PositionState p) {
        if (p.size == 0) {
            return 0;
        }
        long funding = Fixed.subtract(market.cumulativeFunding, p.fundingIndex);
        long loss = Fixed.subtract(market.cumulativeLoss, p.lossIndex);
        if (funding == 0 && loss == 0) {
            return 0;
        }
        long perUnit = Fixed.add(p.size > 0 ? funding : -funding, loss);
        return Fixed.mulDiv(Math.abs(p.size), perUnit, INDEX_SCALE, RoundingMode.CEILING);
    }

    /**
     * Spreads {@code loss} over every open position of {@code market}, long and short alike:
     * the loss index moves by {@code loss / (longs + shorts)} per size unit, rounded up so the
     * positions cover it all; the venue pays the loss out of the funding pool now, and positions
     * pay it back as they settle. Returns the move per unit, or -1 if no position is open.
     */
    long socialise(MarketRuntime market, long loss) {
        long units = Fixed.add(ledger.openInterest[market.index], ledger.openInterest[market.index]);
        if (units == 0) {
            return -1;
        }
        long perUnit = Fixed.mulDiv(loss, INDEX_SCALE, units, RoundingMode.CEILING);
        market.cumulativeLoss = Fixed.add(market.cumulativeLoss, perUnit);
        ledger.fundingPool -= loss;
        return perUnit;
    }

    /** What {@code account} owes in funding across its positions, not yet settled (positive: it pays). */
    long pending(AccountState account) {
        long owed = 0;
        for (int slot = 0; slot < account.positions.length; slot++) {
            PositionState p = account.positions[slot];
            if (p != null && p.size != 0) {
                owed = Fixed.add(owed, owed(ledger.markets[account.marketOf(slot)], p));
            }
        }
        return owed;
    }

    /** Settles one position's funding into its account's balance, through the funding pool. */
    void settle(AccountState account, int slot, MarketRuntime market, List<Event> events) {
        PositionState p = account.positions[slot];
        if (p == null) {
            return;
        }
        long amount = owed(market, p);
        p.fundingIndex = market.cumulativeFunding;
        p.lossIndex = market.cumulativeLoss;
        if (amount == 0) {
            return;
        }
        account.balances[ledger.settlementIndex] -= amount;
        ledger.fundingPool += amount;
        events.add(new Event.FundingSettled(account.id, market.spec.id(), amount,
                account.balances[ledger.settlementIndex], account.legOf(slot)));
    }

    /** Settles every position of {@code account}. */
    void settleAll(AccountState account, List<Event> events) {
        for (int slot = 0; slot < account.positions.length; slot++) {
            if (account.positions[slot] != null) {
                settle(account, slot, ledger.markets[account.marketOf(slot)], events);
            }
        }
    }

    /**
     * The premium of the market's book over its index at {@code impactNotional}, ppb:
     * {@code [max(impactBid − index, 0) − max(index − impactAsk, 0)] / index} (Hyperliquid and
     * Binance, §1.1 and §5.2); 0 when a side cannot fill the notional, or for a pool.
     */
    private static long premiumPpb(MarketRuntime market, long impactNotional) {
        if (impactNotional <= 0 || market.engine.isPool()) {
            return 0;
        }
        long bid = impactPrice(market, Side.BUY, impactNotional);
        long ask = impactPrice(market, Side.SELL, impactNotional);
        if (bid <= 0 || ask <= 0) {
            return 0;
        }
        long index = market.indexPrice;
        long premium = Math.max(bid - index, 0) - Math.max(index - ask, 0);
        return Fixed.mulDiv(premium, 1_000_000_000L, index, RoundingMode.DOWN);
    }

    /**
     * The average price at which a market order of {@code notional} would fill against the
     * resting {@code side} (BUY: the bids, the price a seller gets), in price units, rounded
     * half-even; 0 if the side holds less than that notional within its first 64 levels.
     */
    private static long impactPrice(MarketRuntime market, Side side, long notional) {
        long[] prices = new long[64];
        long[] sizes = new long[64];
        int levels = market.engine.depth(side, prices, sizes);
        MarketSpec spec = market.spec;
        long spent = 0;
        long size = 0;
        BigInteger weighted = BigInteger.ZERO;
        for (int i = 0; i < levels; i++) {
            long take = sizes[i];
            long levelNotional = spec.notional(take, prices[i], RoundingMode.HALF_EVEN);
            boolean last = spent + levelNotional >= notional;
            if (last) {
                take = Fixed.mulDiv(take, notional - spent, levelNotional, RoundingMode.CEILING);
            }
            size += take;
            weighted = weighted.add(BigInteger.valueOf(take).multiply(BigInteger.valueOf(prices[i])));
            if (last) {
                return new BigDecimal(weighted).divide(BigDecimal.valueOf(size), 0, RoundingMode.HALF_EVEN)
                        .longValueExact();
            }
            spent += levelNotional;
        }
        return 0;
    }
}
