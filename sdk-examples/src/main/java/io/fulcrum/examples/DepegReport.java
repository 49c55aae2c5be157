package io.fulcrum.examples;

import static io.fulcrum.examples.DepegReplay.BTC_SPEC;

import io.fulcrum.api.Fixed;
import io.fulcrum.oracle.DivergenceRule;
import io.fulcrum.oracle.PriceTick;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prints the {@link DepegReplay}: what was replayed, one table per venue (a line per trader), a
 * comparison of the venues and a closing paragraph in plain words. Every figure comes from the data
 * or the venues; USDC amounts are rounded to the cent, USDe prices are exact at 6 decimals, times
 * are UTC. Example comparison row: {@code USE_WORST  0.650000  ...}.
 */
final class DepegReport {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private DepegReport() {}

    static void print(DepegData data, List<DepegOutcome> outcomes, PrintStream out) {
        printData(data, out);
        for (DepegOutcome outcome : outcomes) {
            printVenue(outcome, out);
        }
        printComparison(outcomes, out);
        printConclusion(data, outcomes, out);
    }

    private static void printData(DepegData data, PrintStream out) {
        PriceTick btcFirst = data.btc().get(0);
        PriceTick btcLow = lowest(data.btc());
        PriceTick binanceLow = lowest(data.usdeBinance());
        PriceTick uniswapLow = lowest(data.usdeUniswap());
        out.println("Fulcrum: the USDe depeg of 10 October 2025, replayed against three ways to price collateral.");
        out.println();
        out.println("== The data, 20:00 to 24:00 UTC (shared/data/crash-2025-10-10)");
        out.println("   BTC-USDT perpetual, Binance, 1m closes:   " + data.btc().size() + " prices; " + btc(btcFirst.price())
                + " at " + time(btcFirst.time()) + ", lowest " + btc(btcLow.price()) + " at " + time(btcLow.time()));
        out.println("   USDe/USDT spot, Binance, 1m lows:         " + data.usdeBinance().size() + " prices; lowest "
                + usde(binanceLow.price()) + " at " + time(binanceLow.time()));
        out.println("   USDe/USDT pool, Uniswap v3, ~12 s:        " + data.usdeUniswap().size() + " prices; lowest "
                + usde(uniswapLow.price()) + " at " + time(uniswapLow.time()));
        out.println("   (a 1-minute price is published when its minute ends: the 21:54 candle at 21:55)");
        out.println();
        out.println("== The venues: identical but for the USDe divergence rule");
        out.println("   USDE collateral = median(usde-binance, usde-uniswap), " + DepegReplay.USDE_MAX_AGE_MS / 60_000
                + " min max age, " + percent(DepegReplay.DIVERGENCE_PPM) + " % divergence limit; "
                + percent(DepegReplay.USDE_HAIRCUT_PPM) + " % haircut");
        out.println("   BTC-PERP order book, index = the BTC closes, 10 % initial / 5 % maintenance, 2 / 5 bps fees,"
                + " full-close liquidation within " + percent(DepegReplay.LIQUIDATION_BAND_PPM) + " %");
        out.println("   a maker quoting " + DepegReplay.QUOTE_SIZE + " BTC each side " + DepegReplay.QUOTE_OFFSET
                + " USDC around every close; " + DepegReplay.TRADERS + " traders with " + DepegReplay.TRADER_USDE
                + " USDe each and nothing else,");
        out.println("   long BTC at 2.0x to 9.0x of their deposit, bought at " + time(btcFirst.time()));
    }

    private static void printVenue(DepegOutcome o, PrintStream out) {
        out.println();
        out.println("== " + o.rule() + ": " + ruleInWords(o.rule()));
        out.println("   lowest USDe price used " + usde(o.lowestUsdePrice()) + " (" + time(o.lowestUsdeTime())
                + "), " + o.priceAlerts() + " price alerts, " + o.breached() + " traders breached maintenance, "
                + o.liquidated() + " liquidated, traders' equity lost " + usdc(o.equityLost()) + " USDC");
        List<String> alerts = new ArrayList<>();
        for (DepegOutcome.Alert a : o.alerts()) {
            alerts.add(time(a.time()) + " " + a.subject() + " "
                    + (a.reportsAProblem() ? a.status() + " " + a.flags().stream().sorted().toList() : "clean again"));
        }
        for (String line : TextWrap.lines("price alerts: " + String.join("; ", alerts), 100)) {
            out.println("   " + line);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("trader", "leverage", "BTC", "entry", "breached", "liquidated", "sold at", "equity 20:01",
                "equity 24:00", "lost"));
        for (DepegOutcome.Trader t : o.traders()) {
            rows.add(List.of(DepegReplay.traderName(t.account()), Fixed.format(t.leverageTenths(), 1) + "x",
                    Fixed.format(t.size(), BTC_SPEC.sizeDecimals()), btc(t.entryPrice()),
                    t.wasBreached() ? time(t.breachedAt()) : "-", t.wasLiquidated() ? time(t.liquidatedAt()) : "-",
                    t.wasLiquidated() ? btc(t.liquidationPrice()) : "-", usdc(t.startEquity()), usdc(t.endEquity()),
                    usdc(t.equityLost())));
        }
        out.print(AccountTable.align(rows));
        out.println("   money audit: " + (o.venue().audit().isConserved() ? "conserved" : "NOT CONSERVED")
                + "; state hash " + o.venue().stateHash());
    }

    private static void printComparison(List<DepegOutcome> outcomes, PrintStream out) {
        out.println();
        out.println("== Comparison");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("rule", "lowest USDe", "price alerts", "breached", "liquidated", "equity lost USDC"));
        for (DepegOutcome o : outcomes) {
            rows.add(List.of(o.rule().toString(), usde(o.lowestUsdePrice()), Long.toString(o.priceAlerts()),
                    Long.toString(o.breached()), Long.toString(o.liquidated()), usdc(o.equityLost())));
        }
        out.print(AccountTable.align(rows));
    }

    private static void printConclusion(DepegData data, List<DepegOutcome> outcomes, PrintStream out) {
        DepegOutcome worst = find(outcomes, DivergenceRule.USE_WORST);
        DepegOutcome aggregate = find(outcomes, DivergenceRule.USE_AGGREGATE);
        DepegOutcome freeze = find(outcomes, DivergenceRule.FREEZE);
        PriceTick btcFirst = data.btc().get(0);
        PriceTick btcLow = lowest(data.btc());
        PriceTick binanceLow = lowest(data.usdeBinance());
        PriceTick uniswapLow = lowest(data.usdeUniswap());
        long extra = worst.liquidated() - aggregate.liquidated();
        long dropPercent = Fixed.mulDiv(Fixed.pow10(DepegData.USDE_PRICE_DECIMALS) - binanceLow.price(), 100,
                Fixed.pow10(DepegData.USDE_PRICE_DECIMALS), RoundingMode.HALF_EVEN);
        String text = "What happened: between " + time(btcFirst.time()) + " and " + time(btcLow.time())
                + " UTC BTC fell from " + btc(btcFirst.price()) + " to " + btc(btcLow.price()) + ", and by "
                + time(binanceLow.time()) + " USDe had traded down to " + usde(binanceLow.price()) + " on Binance's own spot book while it never"
                + " went below " + usde(uniswapLow.price()) + " on Uniswap. Binance valued unified-account collateral"
                + " from that one book, so traders who held USDe as margin saw it marked down by " + dropPercent
                + " % and were liquidated on a price the rest of the market did not quote. The venue that does the"
                + " same here (USE_WORST) valued USDe as low as " + usde(worst.lowestUsdePrice()) + " and liquidated "
                + worst.liquidated() + " of " + DepegReplay.TRADERS + " traders; the venues that keep the median"
                + " (USE_AGGREGATE) or freeze the last agreed price (FREEZE) never valued it below "
                + usde(Math.min(aggregate.lowestUsdePrice(), freeze.lowestUsdePrice())) + " and liquidated "
                + aggregate.liquidated() + " and " + freeze.liquidated() + ": the traders whose BTC leverage alone"
                + " could not take the crash. The " + extra + " liquidated on top, and the "
                + usdc(worst.equityLost() - aggregate.equityLost()) + " USDC more that USE_WORST's traders lost, are"
                + " what valuing collateral at one venue's price cost on the day. Every venue raised price alerts ("
                + worst.priceAlerts() + ", " + aggregate.priceAlerts() + " and " + freeze.priceAlerts() + "), so an"
                + " operator saw the divergence whichever rule it chose; the rule only decides who pays for it.";
        out.println();
        for (String line : TextWrap.lines(text, 100)) {
            out.println(line);
        }
    }

    private static String ruleInWords(DivergenceRule rule) {
        return switch (rule) {
            case USE_AGGREGATE -> "value USDe at the median, only report a diverged source";
            case USE_WORST -> "value USDe at the lowest source once they diverge (as Binance's own book did)";
            case FREEZE -> "keep USDe at its last agreed price while the sources diverge";
        };
    }

    private static DepegOutcome find(List<DepegOutcome> outcomes, DivergenceRule rule) {
        return outcomes.stream().filter(o -> o.rule() == rule).findFirst().orElseThrow();
    }

    /** The tick with the lowest price; the earliest if several share it. */
    private static PriceTick lowest(List<PriceTick> ticks) {
        return ticks.stream().min(Comparator.comparingLong(PriceTick::price)).orElseThrow();
    }

    /** 50,000 ppm is "5" (%). */
    private static String percent(long ppm) {
        return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString();
    }

    private static String time(long epochMillis) {
        return epochMillis == DepegOutcome.NEVER ? "-" : HH_MM.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String btc(long price) {
        return Fixed.format(price, BTC_SPEC.priceDecimals());
    }

    private static String usde(long price) {
        return Fixed.format(price, DepegData.USDE_PRICE_DECIMALS);
    }

    /** USDC units to the cent, half-even. */
    private static String usdc(long units) {
        int decimals = DepegReplay.USDC.decimals();
        return Fixed.format(Fixed.divide(units, Fixed.pow10(decimals - 2), RoundingMode.HALF_EVEN), 2);
    }
}
