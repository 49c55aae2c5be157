package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fulcrum.api.MarketId;
import io.fulcrum.api.MarketSpec;
import io.fulcrum.api.RiskTier;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import io.fulcrum.margin.ScenarioGrid.VolShock;
import io.fulcrum.margin.internal.BlackScholesLeg;
import io.fulcrum.margin.internal.ScenarioLeg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published scenario-grid test vectors, a linear perp plus an option leg: MECHANISMS.md §6.4
 * (Black-Scholes, no look-ahead) and §6.1 (SPAN's 16 scenarios with a one-day look-ahead). The
 * documents give losses rounded to cents (§6.4) and to 4 decimals (§6.1); the model's losses are
 * in USDC units (6 decimals), rounded up, and are compared after rounding half up the same way.
 */
class PortfolioMarginVectorsTest {
    private static final HaircutCollateral CASH = HaircutCollateral.settlementOnly(USDC);

    // --- §6.4 ---------------------------------------------------------------------------

    /** BTC ±16 % in 4 % steps, volatility ±10 points: 27 scenarios ordered by move, then DOWN/NONE/UP. */
    private static final PortfolioMargin SECTION_6_4 = PortfolioMargin.builder(USDC, CASH)
            .grid(ScenarioGrid.evenlySpaced(4, VolShock.DOWN, VolShock.NONE, VolShock.UP))
            .underlying(new PortfolioMargin.Underlying("BTC", 160_000, 100_000)).market(BTC.id(), "BTC").build();

    /** Long 1 BTC perp at 100,000. */
    private static final TestAccount LONG_PERP = TestAccount.of(List.of(), PositionView.of(BTC, ONE_BTC, 100_000 * USD));
    private static final TestPrices AT_100K = new TestPrices().mark(BTC.id(), btcPrice(100_000));
    /** Short 1 call K 110,000, 30 days, σ 50 %, S 100,000, in USDC units. */
    private static final Map<String, List<ScenarioLeg>> SHORT_CALL = Map.of("BTC",
            List.of(new BlackScholesLeg(-1, true, 100_000.0 * USD, 110_000.0 * USD, 0.50, 30 / 365.0, 0)));

    private static long cents(long units) {
        return Math.round(units / 10_000.0);
    }

    private static int index64(int step, VolShock vol) {
        return (step + 4) * 3 + vol.ordinal();
    }

    @Test
    void section64MaintenanceIs14138Point01AtMinus16PercentVolPlus10() {
        // Perp −16,000; call 2,275.43 → 413.44 gains 1,861.99; loss 14,138.01.
        MarginState state = SECTION_6_4.evaluate(LONG_PERP, AT_100K, SHORT_CALL);
        assertEquals(1_413_801, cents(state.maintenanceRequirement()));
        assertEquals(state.maintenanceRequirement(),
                SECTION_6_4.scenarioLoss(LONG_PERP, AT_100K, SHORT_CALL, "BTC", index64(-4, VolShock.UP)));
    }

    @Test
    void section64EquityIsTheWrittenCallsValueRoundedAgainstTheAccount() {
        // Perp PnL 0; the call is worth 2,275.433781… USDC: equity −2,275,433,782 units.
        assertEquals(-2_275_433_782L, SECTION_6_4.evaluate(LONG_PERP, AT_100K, SHORT_CALL).equity());
    }

    @Test
    void section64EveryPublishedScenarioLossMatchesToTheCent() {
        // §6.4's table, losses in cents, by price step (4 % each) and volatility DOWN / NONE / UP.
        long[][] table = {
            {-4, 1_375_919, 1_388_416, 1_413_801},
            {-2, 601_989, 645_798, 705_965},
            {0, -90_863, 0, 99_483},
            {2, -622_790, -499_656, -376_228},
            {4, -956_494, -838_160, -716_524},
        };
        for (long[] row : table) {
            for (VolShock vol : VolShock.values()) {
                long loss = SECTION_6_4.scenarioLoss(LONG_PERP, AT_100K, SHORT_CALL, "BTC", index64((int) row[0], vol));
                assertEquals(row[1 + vol.ordinal()], cents(loss), "step " + row[0] + ", vol " + vol);
            }
        }
    }

    // --- §6.1 ---------------------------------------------------------------------------

    /** A future at 100 in 0.0001 units, whole contracts, settled in USDC. */
    private static final MarketSpec FUTURE = MarketSpec.builder(MarketId.of("F-FUT"), USDC).sizeDecimals(0)
            .priceDecimals(4).tickSize(1).lotSize(1).riskTiers(List.of(RiskTier.flat(100_000, 50_000))).build();
    /** Price scan range 8 of 100 (8 %), volatility scan range 4 points. */
    private static final PortfolioMargin SPAN = PortfolioMargin.spanLike16(USDC, CASH)
            .underlying(new PortfolioMargin.Underlying("F", 80_000, 40_000)).market(FUTURE.id(), "F").build();
    private static final TestAccount LONG_FUTURE = TestAccount.of(List.of(), PositionView.of(FUTURE, 1, 100 * USD));
    private static final TestPrices AT_100 = new TestPrices().mark(FUTURE.id(), 1_000_000);
    /** Short 1 call K 105, 30 days, σ 25 %, scenarios one day later. */
    private static final Map<String, List<ScenarioLeg>> SHORT_SPAN_CALL = Map.of("F",
            List.of(new BlackScholesLeg(-1, true, 100.0 * USD, 105.0 * USD, 0.25, 30 / 365.0, 1 / 365.0)));

    /** A loss in units to 4 decimals of a USDC, rounded half up: 8,020,736 → 80,207. */
    private static long fourDecimals(long units) {
        return Math.round(units / 100.0);
    }

    @Test
    void section61ScanningRiskIs8Point0207FromScenario16() {
        // Scenario 16: F 76, future −24, call 1.0836 → 0.0000 gains 1.0836; 35 % × 22.9164 = 8.0207.
        MarginState state = SPAN.evaluate(LONG_FUTURE, AT_100, SHORT_SPAN_CALL);
        assertEquals(80_207, fourDecimals(state.maintenanceRequirement()));
        assertEquals(state.maintenanceRequirement(), SPAN.scenarioLoss(LONG_FUTURE, AT_100, SHORT_SPAN_CALL, "F", 15));
    }

    @Test
    void section61EveryPublishedScenarioLossMatchesToFourDecimals() {
        // §6.1's table and its note, by SPAN scenario number (1-16), losses × 10^4.
        long[] losses = {3_358, -3_853, -14_048, -22_908, 23_715, 18_667, -28_191, -37_636, 46_470, 43_451, -39_075,
            -47_896, 70_957, 69_423, -21_206, 80_207};
        for (int s = 0; s < 16; s++) {
            assertEquals(losses[s], fourDecimals(SPAN.scenarioLoss(LONG_FUTURE, AT_100, SHORT_SPAN_CALL, "F", s)),
                    "scenario " + (s + 1));
        }
    }
}
