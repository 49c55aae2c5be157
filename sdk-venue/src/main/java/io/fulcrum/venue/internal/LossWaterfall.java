package io.fulcrum.venue.internal;

import io.fulcrum.api.Event;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.api.spi.InsuranceFund;
import io.fulcrum.api.spi.MarginState;
import java.util.List;

/**
 * Pays, step by step, what a liquidated account could not: once its liquidation has left it
 * with no position and negative equity, each absorber the venue lists pays what it can towards
 * that shortfall, into the account's settlement balance, and passes the rest on (MECHANISMS.md
 * §9). The insurance fund pays as far as the {@link InsuranceFund} policy allows; the fee pool as
 * far as it holds; socialised loss always pays the rest, out of the funding pool, and every open
 * position of the market pays it back per unit of size as it settles. What nobody pays stays the
 * account's debt.
 *
 * <p>Example: a shortfall of 1,000 with a 600 fund and a 100 fee pool, in Drift's order: the fund
 * pays 600, the fee pool 100, and 300 is spread over the 1,000 units of open interest (600 long +
 * 400 short): 0.3 each (§9).
 */
final class LossWaterfall {
    private final Ledger ledger;

    LossWaterfall(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Whether the venue has a waterfall at all. */
    boolean isEnabled() {
        return !ledger.config.lossWaterfall().isEmpty();
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
                case SOCIALISED_LOSS -> socialise(account, market, shortfall, events);
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

    private long fromInsurance(AccountState account, MarketRuntime market, long shortfall, List<Event> events) {
        InsuranceFund policy = ledger.config.insuranceFund();
        String fund = policy.fundFor(market.spec.id());
        long balance = ledger.insuranceFunds.getOrDefault(fund, 0L);
        long draw = Math.max(0, Math.min(policy.drawFor(market.spec.id(), shortfall, balance), Math.min(shortfall, balance)));
        if (draw > 0) {
            ledger.insuranceFunds.put(fund, balance - draw);
            events.add(new Event.InsuranceFundChanged(fund, -draw, balance - draw, account.id));
        }
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
