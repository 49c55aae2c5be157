package io.fulcrum.venue.internal;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.MoneyAudit;
import io.fulcrum.api.PositionReport;
import io.fulcrum.api.spi.MarginState;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only reports built from a kernel's ledger. */
public final class Reports {
    private Reports() {}

    /** Every open account, in id order. */
    public static List<AccountId> accountIds(Kernel kernel) {
        return List.copyOf(kernel.ledger.accounts.keySet());
    }

    /** A report of {@code id}, or empty if no such account is open. */
    public static Optional<AccountReport> account(Kernel kernel, AccountId id) {
        Ledger ledger = kernel.ledger;
        AccountState account = ledger.accounts.get(id);
        if (account == null) {
            return Optional.empty();
        }
        Map<AssetId, Long> balances = new LinkedHashMap<>();
        for (int i = 0; i < ledger.assets.length; i++) {
            if (account.balances[i] != 0) {
                balances.put(ledger.assets[i].id(), account.balances[i]);
            }
        }
        List<PositionReport> positions = new ArrayList<>();
        for (int m = 0; m < account.positions.length; m++) {
            PositionState p = account.positions[m];
            if (p != null && !p.isEmpty()) {
                positions.add(position(ledger.markets[account.marketOf(m)], p));
            }
        }
        MarginState margin = ledger.evaluate(account);
        return Optional.of(new AccountReport(id, balances, positions, margin.equity(), margin.initialRequirement(),
                margin.maintenanceRequirement(), account.loan));
    }

    /** The margin state of {@code id}, or empty if no such account is open. */
    public static Optional<MarginState> margin(Kernel kernel, AccountId id) {
        AccountState account = kernel.ledger.accounts.get(id);
        return account == null ? Optional.empty() : Optional.of(kernel.ledger.evaluate(account));
    }

    private static PositionReport position(MarketRuntime market, PositionState p) {
        MarketSpec spec = market.spec;
        long mark = market.markPrice;
        long unrealized = 0;
        if (p.size != 0 && mark > 0) {
            unrealized = Long.signum(p.size) * spec.notional(p.size, mark, RoundingMode.HALF_EVEN) - p.costBasis;
        }
        return new PositionReport(spec.id(), p.size, p.costBasis, entryPrice(spec, p), mark, unrealized, p.realizedPnl,
                p.fees, p.openBuySize, p.openSellSize);
    }

    /** cost basis / size, converted from settlement units back to price units. */
    static long entryPrice(MarketSpec spec, PositionState p) {
        if (p.size == 0) {
            return 0;
        }
        int exponent = spec.settlement().decimals() - spec.sizeDecimals() - spec.priceDecimals();
        long cost = Math.abs(p.costBasis);
        long size = Math.abs(p.size);
        if (exponent >= 0) {
            return Fixed.mulDiv(cost, 1, Fixed.multiply(size, Fixed.pow10(exponent)), RoundingMode.HALF_EVEN);
        }
        return Fixed.mulDiv(cost, Fixed.pow10(-exponent), size, RoundingMode.HALF_EVEN);
    }

    /** The venue's money audit, one line per asset. */
    public static MoneyAudit audit(Kernel kernel) {
        Ledger ledger = kernel.ledger;
        List<MoneyAudit.Line> lines = new ArrayList<>();
        for (int i = 0; i < ledger.assets.length; i++) {
            long balances = 0;
            long costBases = 0;
            for (AccountState account : ledger.accounts.values()) {
                balances = Fixed.add(balances, account.balances[i]);
                if (i == ledger.settlementIndex) {
                    for (PositionState p : account.positions) {
                        if (p != null) {
                            costBases = Fixed.add(costBases, p.costBasis);
                        }
                    }
                }
            }
            long feePool = i == ledger.settlementIndex ? ledger.feePool : 0;
            long lendingPool = i == ledger.settlementIndex ? ledger.lendingPool : 0;
            long fundingPool = i == ledger.settlementIndex ? ledger.fundingPool : 0;
            long insurance = 0;
            if (i == ledger.settlementIndex) {
                for (long fund : ledger.insuranceFunds.values()) {
                    insurance = Fixed.add(insurance, fund);
                }
            }
            lines.add(new MoneyAudit.Line(ledger.assets[i].id(), ledger.netDeposits[i], balances, costBases, feePool,
                    lendingPool, fundingPool, insurance));
        }
        return new MoneyAudit(lines);
    }
}
