package io.posunbind.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The merchant's acquiring contract.
 *
 * @param status           contract state on the evaluation date
 * @param startDate        first day of the contract
 * @param termMonths       committed term in months
 * @param monthlyFee       the monthly service fee
 * @param earlyTermination how leaving early is priced (never null: defaults to PER_REMAINING_MONTH without cap)
 */
public record Contract(ContractStatus status, LocalDate startDate, int termMonths, BigDecimal monthlyFee,
                       EarlyTermination earlyTermination) {

    /** The day the commitment ends: termMonths after startDate. */
    public LocalDate commitmentEnd() {
        return startDate.plusMonths(termMonths);
    }

    /** The monthly fee for that many months. */
    public BigDecimal monthlyFees(int months) {
        return monthlyFee.multiply(BigDecimal.valueOf(months));
    }
}
