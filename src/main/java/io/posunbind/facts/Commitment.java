package io.posunbind.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The contract commitment as seen on the evaluation date, derived from the contract and asOf.
 *
 * @param endDate         the day the commitment ends (startDate plus termMonths)
 * @param remainingMonths whole months from asOf to endDate, plus one for a part month; 0 on or after endDate, and
 *                        always 0 for a month-to-month contract (termMonths 0), which commits to nothing
 */
public record Commitment(LocalDate endDate, int remainingMonths) {

    /** The commitment of this contract on the given date. */
    public static Commitment of(Contract contract, LocalDate asOf) {
        LocalDate end = contract.commitmentEnd();
        if (contract.termMonths() == 0 || !asOf.isBefore(end)) {
            return new Commitment(end, 0);
        }
        int whole = (int) ChronoUnit.MONTHS.between(asOf, end);
        boolean partMonthLeft = asOf.plusMonths(whole).isBefore(end);
        return new Commitment(end, whole + (partMonthLeft ? 1 : 0));
    }
}
