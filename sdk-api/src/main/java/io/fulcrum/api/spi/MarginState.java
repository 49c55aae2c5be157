package io.fulcrum.api.spi;

/**
 * An account's margin as a {@link MarginModel} computed it, all in settlement units.
 *
 * <p>Example (dYdX-style cross margin, MECHANISMS.md §2.2): net collateral 8,000, IMR 3,900,
 * MMR 2,340: free collateral 4,100, not below maintenance.
 *
 * @param equity what the account is worth at mark: collateral value plus unrealised PnL
 * @param initialRequirement the equity needed to open risk (resting orders included)
 * @param maintenanceRequirement the equity below which the account may be liquidated
 */
public record MarginState(long equity, long initialRequirement, long maintenanceRequirement) {

    /** Equity above the initial requirement (negative if below): what may be withdrawn or risked. */
    public long freeCollateral() {
        return equity - initialRequirement;
    }

    /** True if the account holds risk and its equity is below the maintenance requirement. */
    public boolean isBelowMaintenance() {
        return maintenanceRequirement > 0 && equity < maintenanceRequirement;
    }

    /** True if equity covers the initial requirement. */
    public boolean meetsInitial() {
        return equity >= initialRequirement;
    }
}
