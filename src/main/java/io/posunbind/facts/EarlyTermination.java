package io.posunbind.facts;

import java.math.BigDecimal;

/**
 * The contract's early-termination terms.
 *
 * @param method FLAT or PER_REMAINING_MONTH
 * @param amount the flat amount; given for FLAT, else may be null
 * @param cap    the most that may be charged, or null for no cap
 */
public record EarlyTermination(EarlyTerminationMethod method, BigDecimal amount, BigDecimal cap) {

    /** The fee as the cap limits it: the smaller of the fee and the cap, or the fee when there is no cap. */
    public BigDecimal capped(BigDecimal fee) {
        return limitedByCap(fee) ? cap : fee;
    }

    /** True when the cap is below the fee, so the fee charged is the cap. */
    public boolean limitedByCap(BigDecimal fee) {
        return cap != null && cap.compareTo(fee) < 0;
    }
}
