package io.fulcrum.api;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a venue lends: its settlement asset, against collateral, at a yearly rate. An account may
 * borrow up to {@code Σ holding × price × loan-to-value} over the assets listed here; borrowed
 * funds count as margin but cannot be withdrawn, and interest accrues on the loan with time
 * (charged at every {@code AdvanceTime} and before every borrow or repayment). This is
 * Hyperliquid's portfolio-margin borrowing (MECHANISMS.md §1.6: USDC against HYPE or BTC at 50 %
 * LTV) and the margin loan of Binance's unified account (§5.4).
 *
 * <p>Example: {@code BorrowTerms.atYearlyRate(100_000).withLoanToValue(HYPE, 500_000)}: 10 % a
 * year; 10,000 HYPE at 40 USDC can back 10,000 × 40 × 0.5 = 200,000 USDC of loans.
 *
 * @param yearlyRatePpm interest per year of 365 days, ppm of the loan (simple within an accrual,
 *     compounded across accruals)
 * @param loanToValuePpm per collateral asset, the share of its value that may be borrowed against
 */
public record BorrowTerms(long yearlyRatePpm, Map<AssetId, Long> loanToValuePpm) {
    /** Milliseconds in the 365-day year interest is quoted for. */
    public static final long YEAR_MS = 365L * 24 * 60 * 60 * 1000;

    public BorrowTerms {
        if (yearlyRatePpm < 0 || yearlyRatePpm > 10 * Fixed.PPM) {
            throw new IllegalArgumentException("the yearly rate must be 0 to 10,000,000 ppm (1,000 %): " + yearlyRatePpm);
        }
        loanToValuePpm = Map.copyOf(Objects.requireNonNull(loanToValuePpm, "loanToValuePpm"));
        loanToValuePpm.forEach((asset, ltv) -> {
            if (ltv <= 0 || ltv >= Fixed.PPM) {
                throw new IllegalArgumentException(asset + ": the loan-to-value must be in (0, 1,000,000) ppm: " + ltv);
            }
        });
    }

    /** Terms at {@code yearlyRatePpm} that lend against nothing yet. */
    public static BorrowTerms atYearlyRate(long yearlyRatePpm) {
        return new BorrowTerms(yearlyRatePpm, Map.of());
    }

    /** The same terms, lending {@code ltvPpm} of the value of {@code asset} holdings. */
    public BorrowTerms withLoanToValue(AssetId asset, long ltvPpm) {
        Map<AssetId, Long> more = new TreeMap<>(loanToValuePpm);
        more.put(Objects.requireNonNull(asset, "asset"), ltvPpm);
        return new BorrowTerms(yearlyRatePpm, more);
    }

    /** The loan-to-value of {@code asset}, 0 if it backs no loans. */
    public long loanToValue(AssetId asset) {
        return loanToValuePpm.getOrDefault(asset, 0L);
    }
}
