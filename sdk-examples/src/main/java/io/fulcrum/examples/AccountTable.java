package io.fulcrum.examples;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AccountReport;
import io.fulcrum.api.AssetSpec;
import io.fulcrum.api.Fixed;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.PositionReport;
import io.fulcrum.venue.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a venue's accounts as two plain-text tables with aligned columns: money (balance,
 * equity, initial and maintenance requirement, free collateral) and the position in one market
 * (size, entry, mark, unrealised and realised PnL, fees, resting order sizes). Every figure is
 * the exact ledger value written as a decimal: USDC with its 6 decimals, BTC with the market's
 * size decimals, prices with its price decimals.
 *
 * <p>Example row: {@code Alice   9962.490000   12942.490000   7800.000000   3900.000000
 * 5142.490000}.
 */
public final class AccountTable {
    private final Map<AccountId, String> names;
    private final MarketSpec market;
    private final AssetSpec settlement;
    private final String base;

    /**
     * A table naming accounts by {@code names} (others by their id) and showing positions in
     * {@code market}, whose sizes are counted in {@code base} (e.g. "BTC").
     */
    public AccountTable(Map<AccountId, String> names, MarketSpec market, String base) {
        this.names = Map.copyOf(names);
        this.market = market;
        this.settlement = market.settlement();
        this.base = base;
    }

    /** Both tables for every open account of {@code venue}, in account order, each line indented and ended. */
    public String render(Venue venue) {
        List<AccountReport> reports = new ArrayList<>();
        for (AccountId id : venue.accounts()) {
            venue.account(id).ifPresent(reports::add);
        }
        String usd = settlement.id().symbol();
        List<List<String>> money = new ArrayList<>();
        money.add(List.of("account", "balance " + usd, "equity", "initial req.", "maint. req.", "free collateral"));
        for (AccountReport r : reports) {
            money.add(List.of(name(r.account()), usdc(r.balance(settlement.id())), usdc(r.equity()),
                    usdc(r.initialRequirement()), usdc(r.maintenanceRequirement()), usdc(r.freeCollateral())));
        }
        List<List<String>> positions = new ArrayList<>();
        positions.add(List.of(market.id().symbol(), "size " + base, "entry", "mark", "unrealised PnL", "realised PnL", "fees",
                "open bids", "open asks"));
        for (AccountReport r : reports) {
            Optional<PositionReport> p = r.position(market.id());
            if (p.isEmpty()) {
                positions.add(List.of(name(r.account()), "-", "-", "-", "-", "-", "-", "-", "-"));
                continue;
            }
            PositionReport pos = p.get();
            positions.add(List.of(name(r.account()), size(pos.size()), pos.size() == 0 ? "-" : price(pos.entryPrice()),
                    price(pos.markPrice()), usdc(pos.unrealizedPnl()), usdc(pos.realizedPnl()), usdc(pos.fees()),
                    size(pos.openBuySize()), size(pos.openSellSize())));
        }
        return align(money) + align(positions);
    }

    private String name(AccountId id) {
        return names.getOrDefault(id, id.toString());
    }

    private String usdc(long units) {
        return settlement.format(units);
    }

    private String size(long units) {
        return Fixed.format(units, market.sizeDecimals());
    }

    private String price(long units) {
        return units <= 0 ? "-" : Fixed.format(units, market.priceDecimals());
    }

    /** The first column left-aligned, numbers right-aligned, two spaces between columns. */
    static String align(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("   ");
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
