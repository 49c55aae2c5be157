package io.fulcrum.margin;

import static io.fulcrum.margin.Markets.BTC;
import static io.fulcrum.margin.Markets.ONE_BTC;
import static io.fulcrum.margin.Markets.USD;
import static io.fulcrum.margin.Markets.btcPrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fulcrum.api.spi.RiskControl;
import org.junit.jupiter.api.Test;

/** The concentration control: tightened above an open-interest line or a skew line, relaxed below both. */
class RiskControlsTest {
    private static final RiskControl CONTROL =
            RiskControls.concentration(100_000 * USD, 500_000, 5, 200_000 * USD, 1_500_000);

    private static RiskControl.Limits at(long longs, long shorts) {
        return CONTROL.limits(new RiskControl.Inputs(BTC, 0, btcPrice(50_000), longs, shorts));
    }

    @Test
    void belowBothLinesNothingIsTightened() {
        // 1.2 BTC long and 1 short (60,000 at 50,000): skew 0.2 / 2.2 = 9.09 %.
        assertEquals(RiskControl.Limits.NONE, at(12 * ONE_BTC / 10, ONE_BTC));
    }

    @Test
    void aLargeOpenInterestTightens() {
        // 3 BTC a side: 150,000 > 100,000.
        assertEquals(new RiskControl.Limits(5, 200_000 * USD, 1_500_000, "open interest 150000000000 above 100000000000"),
                at(3 * ONE_BTC, 3 * ONE_BTC));
    }

    @Test
    void aLopsidedBookTightens() {
        // 1.5 long, 0.5 short: skew 1 / 2 = 50 %... exactly on the line: not above. 1.6 / 0.4: 60 % > 50 %.
        assertEquals(RiskControl.Limits.NONE, at(15 * ONE_BTC / 10, 5 * ONE_BTC / 10));
        assertEquals("skew 600000 ppm above 500000 ppm", at(16 * ONE_BTC / 10, 4 * ONE_BTC / 10).reason());
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RiskControls.concentration(1, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RiskControls.concentration(-1, 1, 1, 1, 1));
    }
}
