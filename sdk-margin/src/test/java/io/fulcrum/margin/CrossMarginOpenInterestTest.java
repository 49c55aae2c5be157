package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.USDC;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.Balance;
import io.fulcrum.api.spi.MarginState;
import io.fulcrum.api.spi.PositionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CrossMargin with dYdX's open-interest-scaled initial margin (MECHANISMS.md §2.1), Mid-Cap:
 * IMF 5 %, MF 60 %, caps 40M–100M USDC. Long 20 BTC at 50,000 (notional 1,000,000) on 600,000 USDC.
 */
class CrossMarginOpenInterestTest {
    private static final OpenInterestMargin MID_CAP = new OpenInterestMargin(50_000, 600_000, 40_000_000 * USD,
            100_000_000 * USD);
    private static final CrossMargin MODEL = CrossMargin.with(HaircutCollateral.settlementOnly(USDC))
            .withOpenInterestMargin(BTC.id(), MID_CAP);
    private static final TestAccount ACCOUNT = TestAccount.of(List.of(new Balance(USDC, 600_000 * USD)),
            PositionView.of(BTC, 20 * ONE_BTC, 1_000_000 * USD));

    private static TestPrices atOpenInterest(long btc) {
        return new TestPrices().mark(BTC.id(), btcPrice(50_000)).openInterest(BTC.id(), btc * ONE_BTC);
    }

    @Test
    void atSeventyMillionOfOpenInterestTheInitialFractionIsFiftyTwoAndAHalfPercent() {
        // 1,400 BTC × 50,000 = 70M: IMF_eff = 50,000 + ⌊950,000 × 30M / 60M⌋ = 525,000 ppm → IMR 525,000;
        // MMR = ⌈50,000 × 60 %⌉ = 30,000 (the base IMF, not the scaled one).
        assertEquals(new MarginState(600_000 * USD, 525_000 * USD, 30_000 * USD), MODEL.evaluate(ACCOUNT, atOpenInterest(1_400)));
    }

    @Test
    void belowTheLowerCapTheBaseFractionApplies() {
        // 800 BTC × 50,000 = 40M: IMF 5 % → 50,000.
        assertEquals(new MarginState(600_000 * USD, 50_000 * USD, 30_000 * USD), MODEL.evaluate(ACCOUNT, atOpenInterest(800)));
    }

    @Test
    void aboveTheUpperCapEveryPositionIsFullyCollateralised() {
        // 2,000 BTC × 50,000 = 100M: IMF_eff = 100 %.
        assertEquals(1_000_000 * USD, MODEL.evaluate(ACCOUNT, atOpenInterest(2_000)).initialRequirement());
    }

    @Test
    void aMarketIsScaledOnce() {
        assertThrows(IllegalStateException.class, () -> MODEL.withOpenInterestMargin(BTC.id(), MID_CAP));
    }
}
