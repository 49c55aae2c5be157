package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.Side;
import io.fulcrum.api.spi.InsuranceClaim;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.api.spi.MarginState;
import java.util.List;

/**
 * Pays, step by step, what a liquidated account could not: once its liquidation has left it
 * with no position and negative equity, each absorber the venue lists pays what it can towards
 * that shortfall, into the account's settlement balance, and passes the rest on (MECHANISMS.md
 * §9). The insurance fund pays as far as the {@link InsuranceFund} policy allows; the fee pool and
 * the backstop vault as far as they hold; socialised loss always pays the rest, out of the funding
 * pool, and every open position of the market pays it back per unit of size as it settles. What
 * nobody pays stays the account's debt. Auto-deleveraging and the insurance takeover act earlier,
 * in the order they are listed: while the account's equity is below zero, they close the
 * positions a liquidation could not, against the ranked profitable positions on the other side
 * ({@link #deleverage}) or into the fund's desk ({@link InsuranceTakeover}).
 *
 * <p>Example: a shortfall of 1,000 with a 600 fund and a 100 fee pool, in Drift's order: the fund
 * pays 600, the fee pool 100, and 300 is spread over the 1,000 units of open interest (600 long +
 * 400 short): 0.3 each (§9).
 */
final class LossWaterfall {
    private final Ledger ledger;
    private final Settlement settlement;
    private final InsuranceTakeover takeover;

    LossWaterfall(Ledger ledger, Settlement settlement, InsuranceTakeover takeover) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.takeover = takeover;
    }

    /** Whether the venue has a waterfall at all. */
    boolean isEnabled() {
        return !ledger.config.lossWaterfall().isEmpty();
    }

    /**
     * Acts on the positions a liquidation left on {@code account} while its equity is below zero,
     * with the absorbers that act on positions, in the order the waterfall lists them: the
     * insurance fund's takeover ({@link InsuranceTakeover}) and auto-deleveraging ({@link #deleverage}),
     * which waits for an attempt whose orders filled nothing if the venue's {@code AdlTrigger} says so.
     *
     * @param liquidationFilled whether this attempt's liquidation orders filled anything
     */
    void actOnPositions(AccountState account, boolean liquidationFilled, List<Event> events) {
        boolean mayDeleverage = !liquidationFilled || ledger.config.adlTrigger() != io.fulcrum.api.AdlTrigger.UNFILLED;
        for (LossAbsorber absorber : ledger.config.lossWaterfall()) {
            if (absorber == LossAbsorber.INSURANCE_TAKEOVER) {
                takeover.takeOver(account, events);
            } else if (absorber == LossAbsorber.AUTO_DELEVERAGING && mayDeleverage) {
                deleverage(account, events);
            }
        }
    }

    /**
     * Closes the positions on {@code account}, if its equity is below zero: each against the
     * profitable positions on the other side in the ranking's order, at the bankruptcy price
     * ({@link BankruptcyPrices}) or at the mark.
     */
    private void deleverage(AccountState account, List<Event> events) {
        boolean atMark = ledger.config.adlPrice() == io.fulcrum.api.AdlPrice.MARK;
        BankruptcyPrices.forEachPosition(ledger, account, (slot, market, position, bankruptcyPrice) ->
                closeAgainstRanked(account, slot, market, atMark ? market.markPrice : bankruptcyPrice, events));
    }

    private void closeAgainstRanked(AccountState bankrupt, int slot, MarketRuntime market, long price,
            List<Event> events) {
        PositionState position = bankrupt.positions[slot];
        boolean bankruptLong = position.size > 0;
        List<io.fulcrum.api.spi.DeleveragingCandidate> candidates = new java.util.ArrayList<>();
        java.util.Map<io.fulcrum.api.AccountId, int[]> slots = new java.util.HashMap<>();
        for (AccountState other : ledger.accounts.values()) {
            if (other == bankrupt) {
                continue;
            }
            for (int s : new int[] {market.index, other.marketCount + market.index}) {
                PositionState p = other.positions[s];
                if (p == null || p.size == 0 || (p.size > 0) == bankruptLong) {
                    continue;
                }
                long notional = BankruptcyPrices.notionalAtMark(market, p.size);
                long pnl = Fixed.subtract(p.size > 0 ? notional : -notional, p.costBasis);
                if (pnl <= 0) {
                    continue;
                }
                MarginState otherState = ledger.evaluate(other);
                candidates.add(new io.fulcrum.api.spi.DeleveragingCandidate(other.id, market.spec.id(), p.size,
                        Math.abs(p.costBasis), market.markPrice, notional, pnl, otherState.equity(),
                        other.balances[ledger.settlementIndex], otherState.maintenanceRequirement()));
                slots.put(other.id, new int[] {s});
            }
        }
        List<io.fulcrum.api.spi.DeleveragingCandidate> ranked = ledger.config.deleveragingRanking()
                .order(List.copyOf(candidates), ledger.nextOrderId);
        for (io.fulcrum.api.spi.DeleveragingCandidate candidate : ranked) {
            long remaining = Math.abs(position.size);
            if (remaining == 0) {
                return;
            }
            AccountState other = ledger.accounts.get(candidate.account());
            int otherSlot = slots.get(candidate.account())[0];
            long quantity = Math.min(remaining, Math.abs(other.positions[otherSlot].size));
            // The counterparty closes its opposite position: it buys back a short against a bankrupt long.
            Side counterpartySide = bankruptLong ? Side.BUY : Side.SELL;
            settlement.settleAutoDeleveraging(market, bankrupt, slot, other, otherSlot, counterpartySide, price, quantity,
                    events);
        }
    }

    /** Covers {@code account}'s shortfall after its liquidation in {@code market}, if it has one. */
    void cover(AccountState account, MarketRuntime market, List<Event> events) {
        if (account.hasRisk()) {
            return; // positions or orders left: not yet a realised shortfall
        }
        MarginState state = ledger.evaluate(account);
        int cash = ledger.settlementIndex;
        long shortfall = Math.min(-state.equity(), -account.balances[cash]);
        if (shortfall <= 0) {
            return;
        }
        for (LossAbsorber absorber : ledger.config.lossWaterfall()) {
            long paid = switch (absorber) {
                case INSURANCE_FUND -> fromInsurance(account, market, shortfall, events);
                case FEE_POOL -> fromFeePool(shortfall);
                case BACKSTOP_VAULT -> fromBackstop(shortfall);
                case SOCIALISED_LOSS -> socialise(account, market, shortfall, events);
                case AUTO_DELEVERAGING, INSURANCE_TAKEOVER -> 0; // they act on positions, before this (actOnPositions)
            };
            if (paid <= 0) {
                continue;
            }
            account.balances[cash] += paid;
            shortfall -= paid;
            events.add(new Event.ShortfallCovered(account.id, market.spec.id(), absorber, paid, account.balances[cash]));
            if (shortfall == 0) {
                return;
            }
        }
        events.add(new Event.ShortfallUncovered(account.id, market.spec.id(), shortfall));
    }

    /**
     * What the market's fund pays, as its policy allows given what this account and the fund have
     * drawn in the current block and the market in all; the venue remembers all three.
     */
    private long fromInsurance(AccountState account, MarketRuntime market, long shortfall, List<Event> events) {
        InsuranceFund policy = ledger.config.insuranceFund();
        String fund = policy.fundFor(market.spec.id());
        long balance = ledger.insuranceFunds.getOrDefault(fund, 0L);
        long block = ledger.blockOf(ledger.clock);
        if (block != ledger.fundBlock) {
            ledger.fundBlock = block;
            ledger.fundDrawnInBlock.clear();
        }
        BlockUsage usage = account.blockUsage;
        usage.enter(block);
        InsuranceClaim claim = new InsuranceClaim(market.spec.id(), account.id, shortfall, balance, usage.insuranceDrawn,
                ledger.fundDrawnInBlock.getOrDefault(fund, 0L), market.insuranceDrawn);
        long draw = Math.max(0, Math.min(policy.drawFor(claim), claim.payable()));
        if (draw > 0) {
            ledger.insuranceFunds.put(fund, balance - draw);
            usage.insuranceDrawn += draw;
            ledger.fundDrawnInBlock.merge(fund, draw, Fixed::add);
            market.insuranceDrawn = Fixed.add(market.insuranceDrawn, draw);
            events.add(new Event.InsuranceFundChanged(fund, -draw, balance - draw, account.id));
        }
        return draw;
    }

    private long fromBackstop(long shortfall) {
        AccountState vault = ledger.backstop;
        long draw = Math.max(0, Math.min(shortfall, vault.balances[ledger.settlementIndex]));
        vault.balances[ledger.settlementIndex] -= draw;
        return draw;
    }

    private long fromFeePool(long shortfall) {
        long draw = Math.max(0, Math.min(shortfall, ledger.feePool));
        ledger.feePool -= draw;
        return draw;
    }

    private long socialise(AccountState account, MarketRuntime market, long shortfall, List<Event> events) {
        long perUnit = ledger.funding.socialise(market, shortfall);
        if (perUnit < 0) {
            return 0; // nobody holds a position to share it
        }
        events.add(new Event.LossSocialised(market.spec.id(), account.id, shortfall, perUnit, market.cumulativeLoss));
        return shortfall;
    }
}
