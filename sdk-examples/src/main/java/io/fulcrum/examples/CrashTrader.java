package io.fulcrum.examples;

import io.fulcrum.api.Side;
import java.util.Objects;

/**
 * One trader of a crash replay's table ({@link PoolCrashReplay#TRADERS},
 * {@link LiquidationCrashReplay#TRADERS}). Example: {@code new CrashTrader("T20", Side.BUY, 25)}
 * deposits 10,000 USDC and goes long 90 % × 25 × 10,000 = 225,000 USDC of BTC, 1.928 BTC at 116,677.1.
 *
 * @param name how the output names it, {@code T01} to {@code T20}
 * @param side {@link Side#BUY} to go long, {@link Side#SELL} to go short
 * @param leverage the leverage it chooses, 1 to 50
 */
public record CrashTrader(String name, Side side, long leverage) {
    public CrashTrader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(side, "side");
        if (leverage < 1 || leverage > 50) {
            throw new IllegalArgumentException("leverage must be 1 to 50 (the market's 2 % initial margin): " + leverage);
        }
    }

    /** Whether it goes long. */
    public boolean isLong() {
        return side == Side.BUY;
    }
}
