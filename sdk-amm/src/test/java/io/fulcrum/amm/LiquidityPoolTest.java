package io.fulcrum.amm;

import static io.fulcrum.amm.LpFixtures.ETH;
import static io.fulcrum.amm.LpFixtures.USD;
import static io.fulcrum.amm.LpFixtures.USDC;
import static io.fulcrum.amm.LpFixtures.WETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fulcrum.api.AssetId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiquidityPoolTest {
    private static LiquidityPool vault(long lpFeeSharePpm, long deposit) {
        LiquidityPool pool = LiquidityPool.open(LpFixtures.usdcVault(lpFeeSharePpm), LpFixtures.usdc());
        pool.deposit(USDC, deposit);
        return pool;
    }

    @Test
    void withdrawalPaysEachTokenInProportionToItsValue() {
        // 10 WETH × 2,000 = 20,000 + 30,000 USDC = 50,000 shares. 10 % of the shares = 5,000 USD:
        // WETH 5,000 × 20,000 / 50,000 = 2,000 USD = 1 WETH; USDC 3,000.
        LiquidityPool pool = LiquidityPool.open(LpFixtures.gmxMarket(), LpFixtures.prices(2_000));
        pool.deposit(Map.of(WETH, 10 * ETH, USDC, 30_000 * USD));
        Map<AssetId, Long> paid = pool.withdraw(5_000 * USD);
        assertEquals(Map.of(WETH, ETH, USDC, 3_000 * USD), paid);
        assertEquals(45_000 * USD, pool.shareSupply());
        assertEquals(9 * ETH, pool.balance(WETH));
    }

    @Test
    void depositAndWithdrawalRoundInThePoolsFavour() {
        // 1,000,000,000 units + fee 1 = 1,000,000,001 for 10^9 shares. Deposit 999: floor(999 × 10^9 / 1,000,000,001)
        // = 998 shares. Withdraw them: floor(998 × 1,000,001,000 / 1,000,000,998) = 998 units < 999.
        LiquidityPool pool = vault(1_000_000, 1_000 * USD);
        pool.collectFee(USDC, 1);
        long shares = pool.deposit(USDC, 999);
        assertEquals(998, shares);
        assertEquals(Map.of(USDC, 998L), pool.withdraw(shares));
        assertEquals(1_000_000_002L, pool.balance(USDC));
    }

    @Test
    void feeIsSplitBetweenLpsAndTreasuryWithTheRemainderToTreasury() {
        // Avantis 60 %: fee 1,001 → LPs floor(600.6) = 600, treasury 401.
        LiquidityPool pool = vault(600_000, 1_000 * USD);
        assertEquals(401, pool.collectFee(USDC, 1_001));
        assertEquals(1_000 * USD + 600, pool.balance(USDC));
        assertEquals(600, pool.flows(USDC).feesKept());
        assertEquals(401, pool.flows(USDC).feesToTreasury());
    }

    @Test
    void traderProfitBeyondTheLpsTokensIsRefusedAndChangesNothing() {
        LiquidityPool pool = vault(1_000_000, 1_000 * USD);
        pool.addToImpactPool(USDC, 50 * USD);
        LpState before = pool.exportState();
        // The LPs own 1,000; the 50 of the impact pool are not theirs.
        assertThrows(IllegalStateException.class, () -> pool.payTraderProfit(USDC, 1_000 * USD + 1));
        assertEquals(before, pool.exportState());
    }

    @Test
    void impactPoolTokensAreHeldButNotLpValueUntilReleased() {
        // 1,000 + 50 held; value 1,000; release 20 → 1,020.
        LiquidityPool pool = vault(1_000_000, 1_000 * USD);
        pool.addToImpactPool(USDC, 50 * USD);
        assertEquals(1_050 * USD, pool.balance(USDC));
        assertEquals(1_000 * USD, pool.poolValue());
        pool.releaseImpactPool(USDC, 20 * USD);
        assertEquals(1_020 * USD, pool.poolValue());
        assertEquals(30 * USD, pool.impactPool(USDC));
    }

    @Test
    void firstDepositAfterTheLastWithdrawalAlsoGetsWhatThePoolStillHeld() {
        // 100 units for 100 shares, all withdrawn; a fee of 1 arrives while empty. A deposit of 50 mints 50 + 1 = 51
        // shares, so the price is 51 / 51 = 1.0.
        LiquidityPool pool = vault(1_000_000, 100);
        pool.withdraw(100);
        pool.collectFee(USDC, 1);
        assertEquals(51, pool.deposit(USDC, 50));
        assertEquals(LiquidityPool.SHARE_PRICE_SCALE, pool.sharePrice());
    }

    @Test
    void withdrawalOfMoreSharesThanTheSupplyIsRejected() {
        LiquidityPool pool = vault(1_000_000, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.withdraw(101));
        assertTrue(e.getMessage().contains("supply 100"), e.getMessage());
    }

    @Test
    void withdrawalWorthMoreThanTheTokensIsRefused() {
        // 1,000 tokens, traders owe 500 unrealised: value 1,500; all shares would take 1,500 > 1,000.
        LiquidityPool pool = vault(1_000_000, 1_000 * USD);
        pool.mark(LpFixtures.usdc().withTraders(-500 * USD, 0, 0));
        assertThrows(IllegalStateException.class, () -> pool.withdraw(1_000 * USD));
    }

    @Test
    void depositTooSmallForOneShareIsRejected() {
        // Share price 2 units per share: 1 unit mints floor(1 × 1,000 / 2,000) = 0 shares.
        LiquidityPool pool = vault(1_000_000, 1_000);
        pool.collectFee(USDC, 1_000);
        assertThrows(IllegalArgumentException.class, () -> pool.deposit(USDC, 1));
    }

    @Test
    void assetNotHeldIsNamedInTheRejection() {
        LiquidityPool pool = vault(1_000_000, 1_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pool.receiveFunding(WETH, 10));
        assertTrue(e.getMessage().contains("WETH"), e.getMessage());
    }

    @Test
    void bindingDepositCapLetsADepositLowerTheSharePrice() {
        // GMX's cap prices a deposit on the pool before it: USDC vault 200,000, long PnL 190,000 (cap 90 % = 180,000):
        // deposit value 20,000, share price 0.1. Deposit 100,000 → 1,000,000 shares; after it the cap is 270,000 and
        // the whole 190,000 counts: 300,000 − 190,000 = 110,000 for 1,200,000 shares = 0.0916... < 0.1.
        LiquidityPool pool = LiquidityPool.open(LpPoolSpec.builder().asset(LpFixtures.USDC_SPEC, 0)
                .lpFeeSharePpm(1_000_000).pnlCaps(900_000, 900_000).build(), LpFixtures.usdc());
        pool.deposit(USDC, 200_000 * USD);
        pool.mark(LpFixtures.usdc().withTraders(190_000 * USD, 0, 0));
        assertEquals(100_000_000_000L, pool.sharePrice());
        assertEquals(1_000_000 * USD, pool.deposit(USDC, 100_000 * USD));
        assertEquals(91_666_666_666L, pool.sharePrice());
    }
}
