package io.fulcrum.api.spi;

import io.fulcrum.api.AccountId;
import io.fulcrum.api.AssetId;
import io.fulcrum.api.MarketId;
import java.util.List;

/**
 * A read-only view of one account that margin models, collateral policies and liquidation
 * policies evaluate. The kernel may pass a hypothetical view (the account as if an order
 * filled, or a withdrawal happened) to ask "would this still be safe?".
 *
 * <p>Example: an account holding 10,000 USDC and long 1 BTC-PERP has one {@link Balance} and
 * one {@link PositionView}.
 */
public interface AccountView {
    /** The account's id. */
    AccountId id();

    /** The account's holding of {@code asset} in smallest units; 0 if none. */
    long balance(AssetId asset);

    /** Every non-zero holding, ordered by asset symbol. */
    List<Balance> balances();

    /** Every market with a position or resting orders, ordered by market symbol. */
    List<PositionView> positions();

    /**
     * The leverage the account chose in {@code market}, or 0 for the market's own initial rate.
     * A margin model takes the initial requirement there as at least {@code notional / leverage}.
     */
    default long leverage(MarketId market) {
        return 0;
    }

    /**
     * What the account owes the venue in the settlement asset (borrowed, with interest), counted
     * against its equity; 0 if nothing.
     */
    default long loan() {
        return 0;
    }
}
