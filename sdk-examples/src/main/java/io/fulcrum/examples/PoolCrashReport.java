package io.fulcrum.examples;

import static io.fulcrum.examples.CrashMarket.btc;
import static io.fulcrum.examples.CrashMarket.percent;
import static io.fulcrum.examples.CrashMarket.size;
import static io.fulcrum.examples.CrashMarket.time;
import static io.fulcrum.examples.CrashMarket.usdc;
import static io.fulcrum.examples.PoolCrashReplay.BTC_SPEC;

import io.fulcrum.api.Fixed;
import io.fulcrum.oracle.PriceTick;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prints the {@link PoolCrashReplay}: what was replayed, the venues side by side (one column per
 * {@link PoolCrashDesign}), each trader's fate in each venue, and a closing paragraph. Every figure
 * comes from the data or the venues; USDC amounts are rounded to the cent, times are UTC (a
 * minute's close is published when the minute ends: the 21:19 candle at 21:20). Example row:
 * {@code traders liquidated  7  7  7}.
 */
final class PoolCrashReport {

    private PoolCrashReport() {}

    static void print(PoolCrashData data, List<PoolCrashOutcome> outcomes, PrintStream out) {
        printData(data, out);
        printComparison(outcomes, out);
        printTraders(outcomes, out);
        printConclusion(data, outcomes, out);
    }

    private static void printData(PoolCrashData data, PrintStream out) {
        PriceTick first = data.first();
        PriceTick lowClose = data.lowestClose();
        PriceTick lowLow = data.lowestLow();
        PriceTick last = data.last();
        out.println("Fulcrum: the BTC crash of 10 October 2025, replayed against three pool designs.");
        out.println();
        out.println("== The data, 20:00 to 24:00 UTC (shared/data/crash-2025-10-10, Binance BTCUSDT perpetual, 1m)");
        out.println("   " + data.closes().size() + " closes published as the index: " + btc(first.price()) + " at "
                + time(first.time()) + ", lowest " + btc(lowClose.price()) + " at " + time(lowClose.time()) + " (the "
                + time(lowClose.time() - PoolCrashData.MINUTE_MS) + " candle's close, "
                + percent(lowClose.price() - first.price(), first.price()) + "), last " + btc(last.price()) + " at "
                + time(last.time()));
        out.println("   (the lowest trade, " + btc(lowLow.price()) + " in the " + time(lowLow.time() - PoolCrashData.MINUTE_MS)
                + " candle, never reaches the index: closes only)");
        out.println();
        out.println("== The venues: same market, index, traders, liquidity and liquidation; matching and counterparty differ");
        out.println("   " + PoolCrashReplay.TRADERS.size() + " traders with " + PoolCrashReplay.TRADER_USDC
                + " USDC each open 90 % of leverage x deposit at " + time(first.time()) + ": 12 long 2x-25x, 8 short"
                + " 2x-25x; full-close liquidation within 5 % of the mark");
        out.println("   every pool gets " + PoolCrashReplay.LP_CAPITAL + " USDC of liquidity at 20:00");
        for (PoolCrashDesign design : PoolCrashDesign.values()) {
            out.println("   " + design.label() + ": " + inWords(design));
        }
    }

    private static void printComparison(List<PoolCrashOutcome> outcomes, PrintStream out) {
        out.println();
        out.println("== Side by side (USDC; the pool's PnL is its liquidity providers', from PoolReport.periodSince)");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        outcomes.forEach(o -> header.add(o.design().label()));
        rows.add(header);
        rows.add(row("traders below maintenance", outcomes, o -> Long.toString(o.breached())));
        rows.add(row("traders liquidated", outcomes, o -> Long.toString(o.liquidated())));
        rows.add(row("ADL events", outcomes, o -> Long.toString(o.deleveraged().size())));
        rows.add(row("traders' peak open PnL / pool", outcomes, o -> ppmPercent(o.peakProfitPpm())));
        rows.add(row("traders' PnL", outcomes, o -> usdc(o.tradersPnl())));
        rows.add(row("LP PnL", outcomes, o -> usdc(o.lpPeriod().lpPnl())));
        rows.add(row("  fees earned, net of rebates", outcomes, o -> usdc(o.lpPeriod().fees())));
        rows.add(row("  - traders' PnL realised on the pool", outcomes, o -> usdc(o.lpPeriod().tradersRealized())));
        rows.add(row("  - change of their open PnL", outcomes, o -> usdc(o.lpPeriod().tradersUnrealizedChange())));
        rows.add(row("pool's fills against the index", outcomes, o -> usdc(o.poolEdgeVersusIndex())));
        rows.add(row("insurance tranche at the end", outcomes,
                o -> o.design().hasInsuranceTranche() ? usdc(o.poolAtEnd().insuranceValue()) : "-"));
        rows.add(row("bad debt", outcomes, o -> usdc(o.badDebt())));
        rows.add(row("money audit", outcomes, o -> o.venue().audit().isConserved() ? "conserved" : "NOT CONSERVED"));
        out.print(AccountTable.align(rows));
        out.println("   (the pool holds the traders' net position, so a long closing while shorts stay open realises on the");
        out.println("   pool only what that net position realises: the realised/open split is the pool's, not the traders')");
    }

    private static void printTraders(List<PoolCrashOutcome> outcomes, PrintStream out) {
        out.println();
        out.println("== Each trader: when its liquidation filled, at what price / the index then; PnL at 24:00");
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("trader", "side", "BTC"));
        for (PoolCrashOutcome o : outcomes) {
            header.add(o.design().label());
            header.add("PnL");
        }
        rows.add(header);
        PoolCrashOutcome reference = outcomes.get(0);
        for (int i = 0; i < reference.traders().size(); i++) {
            PoolCrashOutcome.Trader t = reference.traders().get(i);
            List<String> row = new ArrayList<>(List.of(t.trader().name(),
                    (t.trader().isLong() ? "long " : "short ") + t.trader().leverage() + "x",
                    Fixed.format(t.size(), BTC_SPEC.sizeDecimals())));
            for (PoolCrashOutcome o : outcomes) {
                PoolCrashOutcome.Trader mine = o.traders().get(i);
                row.add(mine.wasLiquidated() ? time(mine.liquidatedAt()) + " " + btc(mine.liquidationPrice()) + " / "
                        + btc(mine.indexAtLiquidation()) : mine.deleveragedSize() > 0 ? "ADL "
                        + Fixed.format(mine.deleveragedSize(), BTC_SPEC.sizeDecimals()) : "-");
                row.add(usdc(mine.pnl()));
            }
            rows.add(row);
        }
        out.print(AccountTable.align(rows));
    }

    private static void printConclusion(PoolCrashData data, List<PoolCrashOutcome> outcomes, PrintStream out) {
        PoolCrashOutcome gmx = find(outcomes, PoolCrashDesign.GMX_LIKE);
        PoolCrashOutcome avantis = find(outcomes, PoolCrashDesign.AVANTIS_LIKE);
        PoolCrashOutcome vamm = find(outcomes, PoolCrashDesign.VIRTUAL_AMM);
        PriceTick first = data.first();
        PriceTick low = data.lowestClose();
        long peak = outcomes.stream().mapToLong(PoolCrashOutcome::peakProfitPpm).max().orElseThrow();
        String text = "What happened: between " + time(first.time()) + " and " + time(low.time()) + " UTC the index fell"
                + " from " + btc(first.price()) + " to " + btc(low.price()) + ". The same index marks every venue, so"
                + " the longs fell below maintenance " + (sameMinutes(outcomes) ? "at the same minutes" : "at nearly the"
                + " same minutes") + ": " + gmx.liquidated() + ", " + avantis.liquidated() + " and " + vamm.liquidated()
                + " liquidated. What differs is the price the liquidations closed at and who paid for it. The oracle"
                + " pools closed them at the index (" + avantis.design().label() + ") or the index moved by the price"
                + " impact (" + gmx.design().label() + ", whose impact earned " + usdc(gmx.poolEdgeVersusIndex())
                + " against the index over all its fills), so the pools kept the longs' losses: their LPs made "
                + usdc(gmx.lpPeriod().lpPnl()) + " and " + usdc(avantis.lpPeriod().lpPnl()) + ", of which "
                + usdc(gmx.badDebt()) + " and " + usdc(avantis.badDebt()) + " is bad debt"
                + (gmx.badDebt() + avantis.badDebt() > 0 ? ", owed by longs that one minute's fall carried past zero"
                + " equity" : "") + ". " + rebates(avantis) + " The virtual AMM sold the same liquidations to its curve, which only the traders' own"
                + " trades move and which therefore still stood near the opening price: the liquidated longs lost"
                + " little, the pool traded " + usdc(-vamm.poolEdgeVersusIndex()) + " worse than the index, and its LPs"
                + " ended at " + usdc(vamm.lpPeriod().lpPnl()) + ". A curve that ignores the index hands the crash to"
                + " its counterparty. No pool deleveraged: the traders' open PnL never exceeded "
                + ppmPercent(peak) + " of a pool, far from GMX's 85 % trigger; with " + PoolCrashReplay.LP_CAPITAL
                + " USDC behind " + PoolCrashReplay.TRADERS.size() + " traders the pools were never short of money.";
        out.println();
        for (String line : TextWrap.lines(text, 100)) {
            out.println(line);
        }
    }

    /** Whether each trader was liquidated at the same minute (or never) in every venue. */
    private static boolean sameMinutes(List<PoolCrashOutcome> outcomes) {
        for (int i = 0; i < outcomes.get(0).traders().size(); i++) {
            int trader = i;
            if (outcomes.stream().mapToLong(o -> o.traders().get(trader).liquidatedAt()).distinct().count() > 1) {
                return false;
            }
        }
        return true;
    }

    /** What the loss rebates did to the Avantis-like vault's fees. */
    private static String rebates(PoolCrashOutcome avantis) {
        long fees = avantis.lpPeriod().fees();
        return fees < 0
                ? "The " + avantis.design().label() + " paid back more in loss rebates than it charged in fees: "
                        + usdc(fees) + " net."
                : "The " + avantis.design().label() + "'s fees came to " + usdc(fees) + " net of its loss rebates.";
    }

    private static PoolCrashOutcome find(List<PoolCrashOutcome> outcomes, PoolCrashDesign design) {
        return outcomes.stream().filter(o -> o.design() == design).findFirst().orElseThrow();
    }

    /** 19,000 ppm is "1.9 %". */
    private static String ppmPercent(long ppm) {
        return Fixed.format(Fixed.divide(ppm, 1_000, RoundingMode.HALF_EVEN), 1) + " %";
    }

    private static String inWords(PoolCrashDesign design) {
        return switch (design) {
            case GMX_LIKE -> "index + GMX price impact (f- 1e-9, f+ 5e-10, e 2), 0.04/0.06 % position fee, ADL at 85 %"
                    + " -> 77 %, cross margin 1 %";
            case AVANTIS_LIKE -> "index, 6 bps open + 6 bps close, 10 % loss rebate, liquidation at 85 % collateral loss,"
                    + " " + PoolCrashDesign.INSURANCE_TRANCHE_USDC + " of the liquidity as a first-loss tranche";
            case VIRTUAL_AMM -> "x*y=k curve of " + PoolCrashDesign.VAMM_BASE_BTC + " BTC at the first close, index"
                    + " marks only, 6 bps fee, cross margin 1 %";
        };
    }

    private static List<String> row(String label, List<PoolCrashOutcome> outcomes,
            Function<PoolCrashOutcome, String> cell) {
        List<String> row = new ArrayList<>();
        row.add(label);
        outcomes.forEach(o -> row.add(cell.apply(o)));
        return row;
    }




}
