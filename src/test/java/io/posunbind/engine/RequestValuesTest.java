package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/** Amounts, counts, percentages, dates and texts of a request: each bound named in its error. */
class RequestValuesTest {
    private static final LocalDate DEFAULT_AS_OF = LocalDate.of(2030, 1, 15);

    private final DecisionRequestParser parser = new DecisionRequestParser();

    // --- amounts, counts and percentages

    @Test
    void rejectsNegativeMonthlyFeeNamingItsPath() {
        assertThat(errors(RequestFixture.valid().set("contract.monthlyFee", "-39.00")))
                .containsExactly(new FieldError("contract.monthlyFee", "must not be negative"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"terminal.deposit.amount", "contract.monthlyFee", "contract.earlyTermination.cap",
            "account.openChargebackAmount", "account.balance", "newProvider.monthlyFee"})
    void rejectsAnAmountWithThreeDecimals(String path) {
        assertThat(errors(RequestFixture.valid().set(path, "12.345")))
                .containsExactly(new FieldError(path, "must have at most 2 decimal places"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "39.00"             | must be a JSON number, not a string
            true                | must be a JSON number
            1000000000000.00    | must be at most 999999999999.99
            1E+400              | must be at most 999999999999.99
            -0.01               | must not be negative
            """)
    void rejectsAnAmountThatIsNotANonNegativeNumberInRange(String json, String message) {
        assertThat(errors(RequestFixture.valid().set("contract.monthlyFee", json)))
                .containsExactly(new FieldError("contract.monthlyFee", message));
    }

    @Test
    void acceptsANegativeBalanceTheMerchantOwes() {
        assertThat(parse(RequestFixture.valid().set("account.balance", "-250.5")).account().balance())
                .isEqualTo(new BigDecimal("-250.50"));
    }

    @Test
    void rejectsABalanceBeyondTheLargestAmountInEitherDirection() {
        assertThat(errors(RequestFixture.valid().set("account.balance", "-1000000000000"))).containsExactly(
                new FieldError("account.balance", "must be between -999999999999.99 and 999999999999.99"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1.5         | must be a whole number
            -1          | must not be negative
            "3"         | must be a JSON number, not a string
            3000000000  | must be at most 1000000000
            1E+30       | must be at most 1000000000
            """)
    void rejectsACountThatIsNotANonNegativeWholeNumberInRange(String json, String message) {
        assertThat(errors(RequestFixture.valid().set("account.unsettledTransactions", json)))
                .containsExactly(new FieldError("account.unsettledTransactions", message));
    }

    @Test
    void acceptsACountWrittenWithZeroDecimals() {
        assertThat(parse(RequestFixture.valid().set("account.openChargebacks", "3.0")).account().openChargebacks())
                .isEqualTo(3);
    }

    @Test
    void acceptsAMonthToMonthContractOfZeroMonths() {
        assertThat(parse(RequestFixture.valid().set("contract.termMonths", "0")).contract().termMonths()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -1   | must not be negative
            601  | must be at most 600
            12.5 | must be a whole number
            """)
    void rejectsATermOutsideZeroToSixHundredMonths(String json, String message) {
        assertThat(errors(RequestFixture.valid().set("contract.termMonths", json)))
                .containsExactly(new FieldError("contract.termMonths", message));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            100.001  | must be a percentage between 0 and 100
            -1       | must be a percentage between 0 and 100
            99.9999  | must have at most 3 decimal places
            """)
    void rejectsAnUptimeThatIsNotAPercentage(String json, String message) {
        assertThat(errors(RequestFixture.valid().set("newProvider.uptimeSlaPercent", json)))
                .containsExactly(new FieldError("newProvider.uptimeSlaPercent", message));
    }

    @Test
    void acceptsAnUptimeWithThreeDecimals() {
        assertThat(parse(RequestFixture.valid().set("newProvider.uptimeSlaPercent", "99.999")).newProvider()
                .uptimeSlaPercent()).isEqualTo(new BigDecimal("99.999"));
    }

    // --- dates

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "2026-02-30"  | "2026-02-30" is not a date that exists in the calendar
            "2026-13-01"  | "2026-13-01" is not a date that exists in the calendar
            "2025-3-1"    | must be a date written yyyy-MM-dd as a JSON string
            "01.03.2025"  | must be a date written yyyy-MM-dd as a JSON string
            "+12025-03-01"| must be a date written yyyy-MM-dd as a JSON string
            20250301      | must be a date written yyyy-MM-dd as a JSON string
            """)
    void rejectsAStartDateThatIsNotARealIsoDate(String json, String message) {
        assertThat(errors(RequestFixture.valid().set("contract.startDate", json)))
                .containsExactly(new FieldError("contract.startDate", message));
    }

    @Test
    void rejectsAnAsOfThatIsNotARealDate() {
        assertThat(errors(RequestFixture.valid().set("asOf", "\"2026-11-31\""))).containsExactly(
                new FieldError("asOf", "\"2026-11-31\" is not a date that exists in the calendar"));
    }

    // --- texts

    @Test
    void acceptsACaseIdOfSixtyFourCharacters() {
        assertThat(parse(RequestFixture.valid().set("caseId", quoted("C".repeat(64)))).unbindCase().caseId())
                .hasSize(64);
    }

    @Test
    void rejectsACaseIdLongerThanSixtyFourCharacters() {
        assertThat(errors(RequestFixture.valid().set("caseId", quoted("C".repeat(65)))))
                .containsExactly(new FieldError("caseId", "must be at most 64 characters long"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            merchant.merchantId    | "   "       | must not be blank
            terminal.serialNumber  | ""          | must not be blank
            terminal.serialNumber  | 12345       | must be a JSON string
            merchant.merchantId    | "M-1\\nM-2" | must not contain control characters such as line breaks or tabs
            """)
    void rejectsAnIdentifierThatIsNotAUsableText(String path, String json, String message) {
        assertThat(errors(RequestFixture.valid().set(path, json))).containsExactly(new FieldError(path, message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"merchant.merchantId", "terminal.serialNumber", "dataWipe.certificateId",
            "newProvider.name"})
    void rejectsAnIdentifierLongerThan128Characters(String path) {
        assertThat(errors(RequestFixture.valid().set(path, quoted("x".repeat(129)))))
                .containsExactly(new FieldError(path, "must be at most 128 characters long"));
    }

    // --- helpers

    private CaseFacts parse(RequestFixture request) {
        return parser.parse(request.body(), DEFAULT_AS_OF);
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static List<FieldError> errors(RequestFixture request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> new DecisionRequestParser().parse(request.body(), DEFAULT_AS_OF));
        assertThat(e).as("the request is refused").isNotNull();
        return e.errors();
    }
}