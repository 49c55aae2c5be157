package io.fulcrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.spi.MarginState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PortfolioMarginBenchmark} measures what it says: 20 positions over 8 underlyings, the
 * 16-scenario grid, resting orders, both models valuing the account the same way, and the
 * allocation-free path giving the SPI's answer.
 */
class PortfolioMarginBenchmarkTest {
    private final PortfolioMarginInputs inputs = new PortfolioMarginInputs();

    @Test
    void theAccountHas20PositionsOver8UnderlyingsAndTheGrid16Scenarios() {
        assertEquals(20, inputs.positionCount());
        assertEquals(16, inputs.account.positions().size());
        assertEquals(8, inputs.portfolio.underlyings().size());
        assertEquals(16, inputs.portfolio.grid().size());
        assertTrue(inputs.account.positions().stream().anyMatch(p -> p.openBuySize() > 0 && p.openSellSize() > 0),
                "some markets have resting orders on both sides");
    }

    @Test
    void bothModelsCountTheSameEquityAndTheBookIsHealthyUnderPortfolioMargin() {
        MarginState portfolio = inputs.portfolio.evaluate(inputs.account, inputs.prices);
        MarginState cross = inputs.cross.evaluate(inputs.account, inputs.prices);
        assertEquals(cross.equity(), portfolio.equity());
        assertTrue(portfolio.maintenanceRequirement() > 0, "the book is not fully hedged: " + portfolio);
        assertTrue(portfolio.initialRequirement() > portfolio.maintenanceRequirement(), "orders and 1.5×: " + portfolio);
        assertTrue(portfolio.equity() > portfolio.maintenanceRequirement(), "a healthy account: " + portfolio);
    }

    @Test
    void evaluateIntoWritesWhatEvaluateReturns() {
        long[] out = new long[3];
        inputs.portfolio.evaluateInto(inputs.account, inputs.prices, out);
        MarginState state = inputs.portfolio.evaluate(inputs.account, inputs.prices);
        assertEquals(state, new MarginState(out[0], out[1], out[2]));
    }

    @Test
    void theRatioLineDividesTheMeasuredTimeByThePeers() {
        List<String> lines = PortfolioMarginRatio.ratios(Map.of("portfolioInto", 900.0, "cross", 600.0));
        assertEquals("portfolioInto / cross: 900.0 vs 600.0 ns/op = 1.50× the time per evaluation", lines.get(2));
    }
}
