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
 * <p>The same settlement carries two more indexes: socialised losses, which every position pays per
 * unit of size whatever its side ({@link #socialise}), and a pool market's borrowing, one index per
 * side, which traders pay and the pool's own position does not; the pool is credited when it
 * accrues, advanced from the funding pool.
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
            long borrowedBefore = market.cumulativeBorrow[0] + market.cumulativeBorrow[1];
            accrueBorrowing(market, now, events);
            moved |= market.cumulativeBorrow[0] + market.cumulativeBorrow[1] != borrowedBefore;
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

    /**
     * Accrues a pool market's borrowing when it is due: each side's rate moves its index, and the
     * pool is credited what the traders' open positions now owe (rounded down), advanced from the
     * funding pool, which the positions refill as they settle (rounded up).
     */
    private void accrueBorrowing(MarketRuntime market, long now, List<Event> events) {
        io.fulcrum.api.spi.BorrowingRule rule = market.borrowingRule;
        if (rule == null) {
            return;
        }
        if (market.lastBorrowTime == Long.MIN_VALUE) {
            market.lastBorrowTime = now;
            return;
        }
        if (now - market.lastBorrowTime < rule.intervalMillis() || market.indexPrice <= 0) {
            return;
        }
        long longs = ledger.tradersOpenInterest(market, Side.BUY);
        long shorts = ledger.tradersOpenInterest(market, Side.SELL);
        io.fulcrum.api.spi.BorrowingRule.Inputs inputs = new io.fulcrum.api.spi.BorrowingRule.Inputs(market.spec,
                now - market.lastBorrowTime, market.indexPrice, longs, shorts, market.vault.tokenValue());
        long longRate = Math.max(0, rule.ratePpb(Side.BUY, inputs));
        long shortRate = Math.max(0, rule.ratePpb(Side.SELL, inputs));
        long longDelta = indexDelta(market.spec, market.indexPrice, longRate);
        long shortDelta = indexDelta(market.spec, market.indexPrice, shortRate);
        market.cumulativeBorrow[0] = Fixed.add(market.cumulativeBorrow[0], longDelta);
        market.cumulativeBorrow[1] = Fixed.add(market.cumulativeBorrow[1], shortDelta);
        market.lastBorrowTime = now;
        long income = Fixed.add(Fixed.mulDiv(longs, longDelta, INDEX_SCALE, RoundingMode.FLOOR),
                Fixed.mulDiv(shorts, shortDelta, INDEX_SCALE, RoundingMode.FLOOR));
        market.vault.account.balances[ledger.settlementIndex] += income;
        market.vault.fundingEarned += income;
        ledger.fundingPool -= income;
        events.add(new Event.BorrowingApplied(market.spec.id(), longRate, shortRate, income));
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
    static long owed(MarketRuntime market, AccountState account, PositionState p) {
        if (p.size == 0) {
            return 0;
        }
        long funding = Fixed.subtract(market.cumulativeFunding, p.fundingIndex);
        long loss = Fixed.subtract(market.cumulativeLoss, p.lossIndex);
        int side = p.size > 0 ? 0 : 1;
        // A pool's own position does not pay the pool for borrowing.
        long borrow = market.vault != null && account == market.vault.account ? 0
                : Fixed.subtract(market.cumulativeBorrow[side], p.borrowIndex[side]);
        if (funding == 0 && loss == 0 && borrow == 0) {
            return 0;
        }
        long perUnit = Fixed.add(Fixed.add(p.size > 0 ? funding : -funding, loss), borrow);
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
                owed = Fixed.add(owed, owed(ledger.markets[account.marketOf(slot)], account, p));
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
        long amount = owed(market, account, p);
        p.fundingIndex = market.cumulativeFunding;
        p.lossIndex = market.cumulativeLoss;
        p.borrowIndex[0] = market.cumulativeBorrow[0];
        p.borrowIndex[1] = market.cumulativeBorrow[1];
        if (amount != 0 && market.vault != null && account == market.vault.account) {
            market.vault.fundingEarned -= amount; // the pool's position pays or receives funding: its LPs' PnL
        }
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
