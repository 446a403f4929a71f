package io.posunbind.engine;

import java.math.BigDecimal;

/**
 * The bounds a decision request must stay within, beyond its types. They belong to the API contract: the API
 * documentation quotes them, and {@link DecisionRequestParser} enforces them with an error naming the field.
 */
public final class RequestLimits {
    /** Longest {@code caseId}, in characters. */
    public static final int CASE_ID_MAX_LENGTH = 64;
    /** Longest {@code merchantId}, {@code serialNumber}, {@code certificateId} and {@code newProvider.name}. */
    public static final int IDENTIFIER_MAX_LENGTH = 128;
    /** Shortest contract term, in months: 0 is a month-to-month contract, which commits to nothing. */
    public static final int TERM_MONTHS_MIN = 0;
    /** Longest contract term, in months (50 years). */
    public static final int TERM_MONTHS_MAX = 600;
    /** Largest count (transactions, chargebacks, incidents); fits a Java {@code int}. */
    public static final int COUNT_MAX = 1_000_000_000;
    /** Largest amount, in either direction for {@code account.balance}. */
    public static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
    /** Decimal places an amount may have: cents. */
    public static final int AMOUNT_SCALE = 2;
    /** Decimal places {@code newProvider.uptimeSlaPercent} may have: 99.999 is a common SLA figure. */
    public static final int PERCENT_SCALE = 3;
    /** Most errors one answer lists; a request with more is told that further errors were left out. */
    public static final int ERRORS_MAX = 100;

    private RequestLimits() {
    }
}
