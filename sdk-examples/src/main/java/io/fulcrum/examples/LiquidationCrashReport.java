package io.fulcrum.examples;

import static io.fulcrum.examples.CrashMarket.btc;
import static io.fulcrum.examples.CrashMarket.percent;
import static io.fulcrum.examples.CrashMarket.size;
import static io.fulcrum.examples.CrashMarket.time;
import static io.fulcrum.examples.CrashMarket.usdc;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.LossAbsorber;
import io.fulcrum.oracle.PriceTick;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints the {@link LiquidationCrashReplay}: what was replayed, the venues side by side (one column
 * per {@link LiquidationCrashDesign}), each trader's fate in each venue, and a closing paragraph
 * that reads the table. Every figure comes from the data or the venues; USDC amounts are rounded to
 * the cent, BTC to the size unit, times are UTC (a minute's close is published when the minute
 * ends: the 21:19 candle at 21:20). Example row: {@code traders liquidated  9  9  9  9}.
 */
final class LiquidationCrashReport {

    private LiquidationCrashReport() {}

    static void print(PoolCrashData data, List<LiquidationCrashOutcome> outcomes, PrintStream out) {
        printSetup(data, outcomes.get(0), out);
        printComparison(outcomes, out);
        printTraders(outcomes, out);
        out.println();
        for (String line : TextWrap.lines(conclusion(data, outcomes), 100)) {
            out.println(line);
        }
    }

    private static void printSetup(PoolCrashData data, LiquidationCrashOutcome any, PrintStream out) {
        PriceTick first = data.first();
        PriceTick low = data.lowestClose();
        out.println("Fulcrum: the BTC crash of 10 October 2025, replayed against four liquidation designs.");
        out.println();
        out.println("== The data, 20:00 to 24:00 UTC (shared/data/crash-2025-10-10, Binance BTCUSDT perpetual, 1m)");
        out.println("   " + data.closes().size() + " closes published as the index: " + btc(first.price()) + " at "
                + time(first.time()) + ", lowest " + btc(low.price()) + " at " + time(low.time()) + " ("
                + percent(low.price() - first.price(), first.price()) + "), last " + btc(data.last().price()) + " at "
                + time(data.last().time()));
        out.println();
        out.println("== The venues: same order book, market, margin, fees, traders and maker; what happens below"
                + " maintenance differs");
        out.println("   " + LiquidationCrashReplay.TRADERS.size() + " traders with " + LiquidationCrashReplay.TRADER_USDC
                + " USDC each open 90 % of leverage x deposit at " + time(first.time()) + ": 14 long 2x-25x, 6 short"
                + " 2x-25x; cross margin, 2 % initial, 1 % maintenance, fees 2 bps maker / 5 bps taker");
        out.println("   the maker quotes " + LiquidationCrashReplay.QUOTE_LEVELS + " levels of "
                + LiquidationCrashReplay.QUOTE_BTC + " BTC a side, 0.05 % apart, each minute; it keeps 5 % of its bids"
                + " in a minute that falls 0.8 % or more:");
        out.println("   " + any.book().pulledAt().stream().map(CrashMarket::time).collect(Collectors.joining(" ")));
        out.println("   backstop capital " + LiquidationCrashReplay.BACKSTOP_USDC + " USDC: the insurance fund's seed,"
                + " or the vault's where there is no fund");
        for (LiquidationCrashDesign design : LiquidationCrashDesign.values()) {
            out.println("   " + design.label() + ": " + inWords(design));
        }
    }

    private static void printComparison(List<LiquidationCrashOutcome> outcomes, PrintStream out) {
        out.println();
        out.println("== Side by side (USDC; notional at the price each step closed at)");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        outcomes.forEach(o -> header.add(o.design().label()));
        rows.add(header);
        rows.add(row("traders below maintenance", outcomes, o -> Long.toString(o.breached())));
        rows.add(row("traders liquidated", outcomes, o -> Long.toString(o.liquidated())));
        rows.add(row("liquidation orders sent (anew each minute), BTC", outcomes,
                o -> size(o.traders().stream().mapToLong(LiquidationCrashOutcome.Trader::sentSize).sum())));
        rows.add(row("  filled in the book, BTC", outcomes,
                o -> size(o.traders().stream().mapToLong(LiquidationCrashOutcome.Trader::filledSize).sum())));
        rows.add(row("  sent / filled with bids pulled", outcomes,
                o -> size(o.book().sent()) + " / " + size(o.book().filled())));
        rows.add(row("liquidations closed in the book", outcomes, o -> usdc(o.bookNotional())));
        rows.add(row("taken over by the fund or vault", outcomes, o -> usdc(o.takenOverNotional())));
        rows.add(row("  sold back into the book by the fund", outcomes, o -> usdc(o.backstop().unwoundNotional())));
        rows.add(row("auto-deleveraged", outcomes, o -> usdc(o.deleveragedNotional())));
        rows.add(row("  ADL's cost to them against the mark", outcomes, o -> usdc(o.adlCost())));
        rows.add(row("penalties collected", outcomes, o -> usdc(o.penalties())));
        for (LossAbsorber absorber : List.of(LossAbsorber.INSURANCE_FUND, LossAbsorber.FEE_POOL, LossAbsorber.BACKSTOP_VAULT,
                LossAbsorber.SOCIALISED_LOSS)) {
            rows.add(row("shortfall paid: " + absorberName(absorber), outcomes, o -> usdc(o.coveredBy(absorber))));
        }
        rows.add(row("bad debt left uncovered", outcomes, o -> usdc(o.uncovered())));
        rows.add(row("backstop: fund or vault at 20:00", outcomes, o -> usdc(o.backstop().start())));
        rows.add(row("  its cash at 24:00", outcomes, o -> usdc(o.backstop().cashAtEnd())));
        rows.add(row("  position it still holds, BTC", outcomes, o -> size(o.backstop().heldSize())));
        rows.add(row("  that position's open PnL", outcomes, o -> usdc(o.backstop().heldPnl())));
        rows.add(row("  backstop PnL", outcomes, o -> usdc(o.backstop().pnl())));
        rows.add(row("traders' PnL: longs", outcomes, o -> usdc(o.tradersPnl(true))));
        rows.add(row("traders' PnL: shorts", outcomes, o -> usdc(o.tradersPnl(false))));
        rows.add(row("maker's PnL", outcomes, o -> usdc(o.makerPnl())));
        rows.add(row("fee pool at 24:00", outcomes, o -> usdc(o.venue().feePool())));
        rows.add(row("saver's PnL (never traded)", outcomes, o -> usdc(saverPnl(o))));
        rows.add(row("money audit", outcomes, o -> o.venue().audit().isConserved() ? "conserved" : "NOT CONSERVED"));
        out.print(AccountTable.align(rows));
        for (LiquidationCrashOutcome o : outcomes) {
            if (!o.adlHits().isEmpty()) {
                out.println("   " + o.design().label() + " ADL closed, in this order: " + hits(o));
            }
        }
    }

    private static void printTraders(List<LiquidationCrashOutcome> outcomes, PrintStream out) {
        out.println();
        out.println("== Each trader: when a liquidation first acted on it and how (book, fund, vault, ADL); PnL at 24:00");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trader", "side", "BTC"));
        for (LiquidationCrashOutcome o : outcomes) {
            header.add(o.design().label());
            header.add("PnL");
        }
        rows.add(header);
        LiquidationCrashOutcome reference = outcomes.get(0);
        for (int i = 0; i < reference.traders().size(); i++) {
            LiquidationCrashOutcome.Trader t = reference.traders().get(i);
            List<String> row = new ArrayList<>(List.of(t.trader().name(),
                    (t.trader().isLong() ? "long " : "short ") + t.trader().leverage() + "x", size(t.size())));
            for (LiquidationCrashOutcome o : outcomes) {
                LiquidationCrashOutcome.Trader mine = o.traders().get(i);
                row.add(fate(o.design(), mine));
                row.add(usdc(mine.pnl()));
            }
            rows.add(row);
        }
        out.print(AccountTable.align(rows));
    }

    /** Five sentences that read the table: the book, then each design's answer to who pays. */
    private static String conclusion(PoolCrashData data, List<LiquidationCrashOutcome> outcomes) {
        return String.join(" ", bookSentence(data, outcomes),
                binanceSentence(find(outcomes, LiquidationCrashDesign.BINANCE_LIKE)),
                dydxSentence(find(outcomes, LiquidationCrashDesign.DYDX_LIKE)),
                hyperliquidSentence(find(outcomes, LiquidationCrashDesign.HYPERLIQUID_LIKE)),
                driftSentence(find(outcomes, LiquidationCrashDesign.DRIFT_LIKE), outcomes));
    }

    private static String bookSentence(PoolCrashData data, List<LiquidationCrashOutcome> outcomes) {
        PriceTick first = data.first();
        PriceTick low = data.lowestClose();
        long fewest = outcomes.stream().mapToLong(LiquidationCrashOutcome::breached).min().orElseThrow();
        long most = outcomes.stream().mapToLong(LiquidationCrashOutcome::breached).max().orElseThrow();
        return "What happened: between " + time(first.time()) + " and " + time(low.time()) + " UTC the index fell "
                + percent(first.price() - low.price(), first.price()) + " to " + btc(low.price()) + ", "
                + (fewest == most ? most + " traders fell below maintenance in every venue"
                        : fewest + " to " + most + " traders fell below maintenance")
                + ", and in the " + outcomes.get(0).book().pulledAt().size() + " minutes the maker kept 5 % of its"
                + " bids the liquidation orders of the four venues asked for "
                + size(outcomes.stream().mapToLong(o -> o.book().sent()).sum()) + " BTC and found "
                + size(outcomes.stream().mapToLong(o -> o.book().filled()).sum()) + ".";
    }

    private static String binanceSentence(LiquidationCrashOutcome o) {
        long takeovers = o.backstop().pnl() - o.penalties();
        return "The " + o.design().label() + " fund took over " + usdc(o.takenOverNotional()) + " of bankrupt"
                + " positions at their bankruptcy prices and sold them back into the book, ending at "
                + usdc(o.backstop().cashAtEnd()) + " (" + usdc(o.penalties()) + " of clearance fees "
                + (takeovers < 0 ? "less " + usdc(-takeovers) + " lost" : "and " + usdc(takeovers) + " made")
                + " on what it took over), and ADL closed " + usdc(o.deleveragedNotional()) + " against " + hits(o)
                + ", who gave up " + usdc(o.adlCost()) + " against the mark.";
    }

    private static String dydxSentence(LiquidationCrashOutcome o) {
        return "The " + o.design().label() + " venue sells a tenth of a position a block, and with one price a"
                + " minute only " + usdc(o.bookNotional()) + " of liquidations reached the book: deleveraging, which"
                + " waits for an order the book fills nothing of and takes opposite positions in turn rather than by"
                + " rank, closed " + usdc(o.deleveragedNotional())
                + " of bankrupt positions against " + hits(o) + ", who gave up " + usdc(o.adlCost())
                + "; its fund took in " + usdc(o.penalties()) + " of penalties and paid "
                + usdc(o.coveredBy(LossAbsorber.INSURANCE_FUND)) + " of shortfalls.";
    }

    private static String hyperliquidSentence(LiquidationCrashOutcome o) {
        boolean noOrders = o.traders().stream().allMatch(t -> t.sentSize() == 0);
        return "The " + o.design().label() + " vault took "
                + o.traders().stream().filter(t -> t.takenOverNotional() > 0).count() + " accounts whole ("
                + usdc(o.takenOverNotional()) + " of positions)"
                + (noOrders ? ", every one already below 2/3 of its maintenance when a minute's close first showed"
                        + " its breach, so no liquidation order reached the book," : "")
                + " and, holding what it took through the rebound, " + change(o.backstop().pnl()) + ".";
    }

    private static String driftSentence(LiquidationCrashOutcome o, List<LiquidationCrashOutcome> outcomes) {
        long cap = LiquidationCrashReplay.USDC.toUnits(LiquidationCrashDesign.DRIFT_MARKET_CAP_USDC);
        long fund = o.coveredBy(LossAbsorber.INSURANCE_FUND);
        long kept = o.traders().stream().filter(t -> t.wasLiquidated() && t.endSize() != 0).count();
        long uncovered = outcomes.stream().mapToLong(LiquidationCrashOutcome::uncovered).sum();
        return "The " + o.design().label() + " venue sold only what restored maintenance, which left " + kept + " of its "
                + o.liquidated() + " liquidated traders a position, and paid the shortfalls from its fund ("
                + usdc(fund) + (fund == cap ? ", all its cap for the market allows" : " of its cap of " + usdc(cap))
                + "), the fee pool (" + usdc(o.coveredBy(LossAbsorber.FEE_POOL)) + ") and, for the last "
                + usdc(o.socialisedLoss()) + ", every position then open, long or short; "
                + (outcomes.stream().allMatch(x -> saverPnl(x) == 0) ? "the saver, who never held a position, paid"
                        + " nothing in any venue" : "even the saver, who never held a position, paid")
                + ", and " + (uncovered == 0 ? "no venue left bad debt." : usdc(uncovered) + " of bad debt was left unpaid.");
    }

    /** "made 1234.56" or "lost 1234.56" (or "broke even"). */
    private static String change(long pnl) {
        return pnl == 0 ? "broke even" : (pnl > 0 ? "made " : "lost ") + usdc(Math.abs(pnl));
    }

    private static LiquidationCrashOutcome find(List<LiquidationCrashOutcome> outcomes, LiquidationCrashDesign design) {
        return outcomes.stream().filter(o -> o.design() == design).findFirst().orElseThrow();
    }

    /** "21:20 book+fund+ADL" for a liquidated trader, "ADL'd 0.193" for a profitable one ADL closed, else "-". */
    private static String fate(LiquidationCrashDesign design, LiquidationCrashOutcome.Trader t) {
        if (!t.wasLiquidated()) {
            return t.adlHitNotional() > 0 ? "hit by ADL" : "-";
        }
        List<String> how = new ArrayList<>();
        if (t.filledSize() > 0) {
            how.add("book");
        }
        if (t.takenOverNotional() > 0) {
            how.add(design.hasInsuranceFund() ? "fund" : "vault");
        }
        if (t.deleveragedNotional() > 0) {
            how.add("ADL");
        }
        return time(t.liquidatedAt()) + " " + String.join("+", how);
    }

    private static String hits(LiquidationCrashOutcome o) {
        return o.adlHits().isEmpty() ? "-"
                : o.adlHits().keySet().stream().map(LiquidationCrashReplay::name).collect(Collectors.joining(" "));
    }

    static long saverPnl(LiquidationCrashOutcome o) {
        AccountId saver = LiquidationCrashReplay.SAVER;
        return o.venue().margin(saver).orElseThrow().equity()
                - LiquidationCrashReplay.USDC.toUnits(LiquidationCrashReplay.TRADER_USDC);
    }

    private static String absorberName(LossAbsorber absorber) {
        return switch (absorber) {
            case INSURANCE_FUND -> "insurance fund";
            case FEE_POOL -> "fee pool";
            case BACKSTOP_VAULT -> "vault's cash";
            case SOCIALISED_LOSS -> "socialised";
            default -> absorber.toString();
        };
    }

    private static String inWords(LiquidationCrashDesign design) {
        return switch (design) {
            case BINANCE_LIKE -> "full close within 5 %, 0.5 % clearance fee to the fund; fund takes over bankrupt"
                    + " positions (up to 100 % of itself), then ADL (Binance ranking, bankruptcy price), then the fund";
            case DYDX_LIKE -> "a tenth a 1 s block (here a block a minute) at the fillable price, 1.5 % fee; once an"
                    + " order finds no fill, ADL from a seeded offset at the bankruptcy price, then the fund (1 M per"
                    + " account per block)";
            case HYPERLIQUID_LIKE -> "20 % chunks above 100,000 within 5 %, no fee; below 2/3 of maintenance the vault"
                    + " takes the account; ADL at the mark, then the vault's cash";
            case DRIFT_LIKE -> "partial close to maintenance + 10 % within 5 %, 0.25 % fee; fund up to "
                    + LiquidationCrashDesign.DRIFT_MARKET_CAP_USDC + " for the market, then fee pool, then socialised";
        };
    }

    private static List<String> row(String label, List<LiquidationCrashOutcome> outcomes,
            Function<LiquidationCrashOutcome, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(label);
        outcomes.forEach(o -> row.add(cell.apply(o)));
        return row;
    }





}
