package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.facts.Account;
import io.posunbind.facts.Contract;
import io.posunbind.facts.ContractStatus;
import io.posunbind.facts.DataWipe;
import io.posunbind.facts.Deposit;
import io.posunbind.facts.Disposition;
import io.posunbind.facts.DocumentType;
import io.posunbind.facts.EarlyTermination;
import io.posunbind.facts.EarlyTerminationMethod;
import io.posunbind.facts.Merchant;
import io.posunbind.facts.MerchantType;
import io.posunbind.facts.NewProvider;
import io.posunbind.facts.Ownership;
import io.posunbind.facts.Reason;
import io.posunbind.facts.Terminal;
import io.posunbind.facts.UnbindCase;
import io.posunbind.facts.WipeLevel;

class DecisionRequestParserTest {
    private static final LocalDate DEFAULT_AS_OF = LocalDate.of(2030, 1, 15);

    private final DecisionRequestParser parser = new DecisionRequestParser();

    // --- valid requests and defaults

    @Test
    void parsesTheWorkedExampleIntoFacts() {
        CaseFacts facts = parse(RequestFixture.valid());

        assertThat(facts.unbindCase()).isEqualTo(new UnbindCase("EX-01", LocalDate.of(2026, 11, 26),
                Reason.SWITCH_PROVIDER, Set.of(DocumentType.UNBIND_APPLICATION, DocumentType.IDENTITY_PROOF,
                        DocumentType.SETTLEMENT_ACCOUNT_PROOF, DocumentType.BUSINESS_LICENSE,
                        DocumentType.NEW_PROVIDER_CONTRACT, DocumentType.COMPATIBILITY_STATEMENT)));
        assertThat(facts.merchant()).isEqualTo(new Merchant("M-100200", MerchantType.ENTERPRISE, Set.of(), false));
        assertThat(facts.terminal()).isEqualTo(new Terminal("SN-00012345", Ownership.DEPOSIT_BASED, true, false,
                null, new Deposit(new BigDecimal("99.00"), true)));
        assertThat(facts.contract()).isEqualTo(new Contract(ContractStatus.ACTIVE, LocalDate.of(2025, 3, 1), 24,
                new BigDecimal("39.00"), new EarlyTermination(EarlyTerminationMethod.PER_REMAINING_MONTH, null,
                        new BigDecimal("600.00"))));
        assertThat(facts.account()).isEqualTo(new Account(new BigDecimal("0.00"), 0, 0, new BigDecimal("0.00"),
                true, false));
        assertThat(facts.dataWipe()).isEqualTo(new DataWipe(WipeLevel.CLEAR, false, false, null,
                Disposition.RETURN_TO_PROVIDER, true));
        assertThat(facts.newProvider()).isEqualTo(new NewProvider("Acme Acquiring", true, true, 0, true,
                new BigDecimal("99.9"), new BigDecimal("29.00")));
    }

    @Test
    void appliesDefaultsForEveryOptionalFieldLeftOut() {
        CaseFacts facts = parse(RequestFixture.valid().remove("caseId").remove("asOf").remove("documents")
                .remove("merchant.riskFlags").remove("contract.earlyTermination").remove("dataWipe.certificateId")
                .remove("newProvider"));

        assertThat(facts.unbindCase().caseId()).isNull();
        assertThat(facts.unbindCase().asOf()).isEqualTo(DEFAULT_AS_OF);
        assertThat(facts.unbindCase().documents()).isEmpty();
        assertThat(facts.merchant().riskFlags()).isEmpty();
        assertThat(facts.contract().earlyTermination())
                .isEqualTo(new EarlyTermination(EarlyTerminationMethod.PER_REMAINING_MONTH, null, null));
        assertThat(facts.dataWipe().certificateId()).isNull();
        assertThat(facts.newProvider()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"asOf", "caseId", "documents", "merchant.riskFlags", "contract.earlyTermination",
            "terminal.replacementValue", "dataWipe.certificateId", "newProvider", "newProvider.name"})
    void treatsAnOptionalFieldGivenAsNullAsAbsent(String path) {
        assertThat(parse(RequestFixture.valid().set(path, "null")))
                .isEqualTo(parse(RequestFixture.valid().remove(path)));
    }

    @Test
    void usesTheDefaultDateWhenAsOfIsNull() {
        assertThat(parse(RequestFixture.valid().set("asOf", "null")).unbindCase().asOf()).isEqualTo(DEFAULT_AS_OF);
    }

    @Test
    void normalisesAmountsToTwoDecimalsWhateverTheirWrittenScale() {
        CaseFacts facts = parse(RequestFixture.valid().set("contract.monthlyFee", "39")
                .set("account.openChargebackAmount", "1.5E+2").set("terminal.deposit.amount", "99.000"));

        assertThat(facts.contract().monthlyFee()).isEqualTo(new BigDecimal("39.00"));
        assertThat(facts.account().openChargebackAmount()).isEqualTo(new BigDecimal("150.00"));
        assertThat(facts.terminal().deposit().amount()).isEqualTo(new BigDecimal("99.00"));
    }

    @Test
    void readsExactDecimalsFromATreeReadWithBinaryFloats() throws Exception {
        JsonNode body = new ObjectMapper().readTree(RequestFixture.valid().set("contract.monthlyFee", "39.1")
                .body().toString());

        assertThat(parser.parse(body, DEFAULT_AS_OF).contract().monthlyFee()).isEqualTo(new BigDecimal("39.10"));
    }

    // --- shape: root, unknown fields, wrong JSON types

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a request\"", "42", "null"})
    void rejectsABodyThatIsNotAnObjectAtTheRootPath(String json) {
        JsonNode body = RequestJson.read("{\"v\": " + json + "}").get("v");

        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> parser.parse(body, DEFAULT_AS_OF))
                .errors()).containsExactly(new FieldError("", "the request body must be a JSON object"));
    }

    @Test
    void rejectsAnUnknownRootFieldListingTheAllowedOnes() {
        assertThat(errors(RequestFixture.valid().set("reasons", "\"SWITCH_PROVIDER\""))).containsExactly(
                new FieldError("reasons", "is not a field of this object; allowed: caseId, asOf, reason, merchant, "
                        + "terminal, contract, account, documents, dataWipe, newProvider"));
    }

    @Test
    void rejectsAnUnknownNestedFieldNamingItsPath() {
        assertThat(errors(RequestFixture.valid().set("terminal.deposit.amont", "99.00"))).containsExactly(
                new FieldError("terminal.deposit.amont", "is not a field of this object; allowed: amount, "
                        + "volumeTargetMet"));
    }

    @Test
    void rejectsAPartThatIsNotAnObjectWithoutReportingItsFieldsAgain() {
        assertThat(errors(RequestFixture.valid().set("merchant", "\"M-100200\"")))
                .containsExactly(new FieldError("merchant", "must be a JSON object"));
    }

    @Test
    void rejectsABooleanWrittenAsAString() {
        assertThat(errors(RequestFixture.valid().set("merchant.regulatoryHold", "\"false\""))).containsExactly(
                new FieldError("merchant.regulatoryHold", "must be a JSON boolean (true or false)"));
    }

    // --- required fields

    @ParameterizedTest
    @ValueSource(strings = {"reason", "merchant", "terminal", "contract", "account", "dataWipe",
            "merchant.merchantId", "merchant.type", "merchant.regulatoryHold",
            "terminal.serialNumber", "terminal.ownership", "terminal.registeredToMerchant", "terminal.tamperSuspected",
            "terminal.deposit.amount", "terminal.deposit.volumeTargetMet",
            "contract.status", "contract.startDate", "contract.termMonths", "contract.monthlyFee",
            "contract.earlyTermination.method",
            "account.balance", "account.unsettledTransactions", "account.openChargebacks",
            "account.openChargebackAmount", "account.settlementAccountVerified",
            "account.settlementAccountChangeRequested",
            "dataWipe.level", "dataWipe.keysZeroized", "dataWipe.verified", "dataWipe.disposition",
            "dataWipe.returnCourierVerified",
            "newProvider.licensedAcquirer", "newProvider.pciDssCompliant", "newProvider.securityIncidentsLast24Months",
            "newProvider.compatibleWithExistingSystems", "newProvider.uptimeSlaPercent", "newProvider.monthlyFee"})
    void rejectsAMissingRequiredFieldNamingItsPath(String path) {
        assertThat(errors(RequestFixture.valid().remove(path))).containsExactly(new FieldError(path, "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"merchant.regulatoryHold", "dataWipe.returnCourierVerified", "terminal.tamperSuspected"})
    void rejectsARequiredBooleanGivenAsNullInsteadOfReadingFalse(String path) {
        assertThat(errors(RequestFixture.valid().set(path, "null")))
                .containsExactly(new FieldError(path, "is required and must not be null"));
    }

    @Test
    void acceptsANewProviderWithoutName() {
        assertThat(parse(RequestFixture.valid().remove("newProvider.name")).newProvider().name()).isNull();
    }

    // --- enums

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("reason", Reason.class),
                Arguments.of("merchant.type", MerchantType.class),
                Arguments.of("terminal.ownership", Ownership.class),
                Arguments.of("contract.status", ContractStatus.class),
                Arguments.of("contract.earlyTermination.method", EarlyTerminationMethod.class),
                Arguments.of("dataWipe.level", WipeLevel.class),
                Arguments.of("dataWipe.disposition", Disposition.class),
                Arguments.of("documents[2]", DocumentType.class));
    }

    @ParameterizedTest
    @MethodSource("enumFields")
    void rejectsAnUnknownEnumValueListingTheAllowedValues(String path, Class<? extends Enum<?>> type) {
        List<FieldError> errors = errors(RequestFixture.valid().set(path, "\"switch_provider\""));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.path()).isEqualTo(path);
            assertThat(error.message()).startsWith("\"switch_provider\" is not an allowed value; allowed: ");
            for (Enum<?> constant : type.getEnumConstants()) {
                assertThat(error.message()).contains(constant.name());
            }
        });
    }

    @Test
    void rejectsAnUnknownRiskFlagNamingItsIndex() {
        String flags = """
                ["DATA_LEAK", "FRAUD"]""";

        assertThat(errors(RequestFixture.valid().set("merchant.riskFlags", flags)))
                .containsExactly(new FieldError("merchant.riskFlags[1]", "\"FRAUD\" is not an allowed value; allowed: "
                        + "SUSPECTED_CASH_OUT, SUSPECTED_FRAUD, SUSPECTED_MONEY_LAUNDERING, UNAUTHORIZED_RELOCATION, "
                        + "DATA_LEAK"));
    }

    @Test
    void rejectsADocumentListedTwiceNamingWhereItFirstAppeared() {
        assertThat(errors(RequestFixture.valid().set("documents[3]", "\"IDENTITY_PROOF\""))).containsExactly(
                new FieldError("documents[3]", "IDENTITY_PROOF is listed twice (first at documents[1]); list each "
                        + "value once"));
    }

    @Test
    void rejectsARiskFlagListLongerThanTheFlagsThatExist() {
        String sixFlags = """
                ["DATA_LEAK", "DATA_LEAK", "DATA_LEAK", "DATA_LEAK", "DATA_LEAK", "DATA_LEAK"]""";

        assertThat(errors(RequestFixture.valid().set("merchant.riskFlags", sixFlags))).containsExactly(
                new FieldError("merchant.riskFlags",
                        "must list each value at most once, so at most 5 entries; 6 given"));
    }

    @Test
    void rejectsDocumentsThatAreNotAnArray() {
        assertThat(errors(RequestFixture.valid().set("documents", "\"UNBIND_APPLICATION\"")))
                .containsExactly(new FieldError("documents", "must be a JSON array"));
    }

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0    | must be at least 1
            601  | must be at most 600
            12.5 | must be a whole number
            """)
    void rejectsATermOutsideOneToSixHundredMonths(String json, String message) {
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

    // --- conditional requirements

    @Test
    void requiresTheDepositOfADepositBasedTerminal() {
        assertThat(errors(RequestFixture.valid().remove("terminal.deposit"))).containsExactly(
                new FieldError("terminal.deposit", "is required when terminal.ownership is DEPOSIT_BASED"));
    }

    @Test
    void requiresTheReplacementValueOfAProviderPlacedTerminal() {
        assertThat(errors(RequestFixture.valid().set("terminal.ownership", "\"PROVIDER_PLACED\"")))
                .containsExactly(new FieldError("terminal.replacementValue",
                        "is required when terminal.ownership is PROVIDER_PLACED"));
    }

    @Test
    void passesTheReplacementValueOfAProviderPlacedTerminal() {
        Terminal terminal = parse(RequestFixture.valid().set("terminal.ownership", "\"PROVIDER_PLACED\"")
                .set("terminal.replacementValue", "800")).terminal();

        assertThat(terminal.replacementValue()).isEqualTo(new BigDecimal("800.00"));
        assertThat(terminal.deposit()).as("a deposit means nothing on a provider-placed terminal").isNull();
    }

    @Test
    void stillValidatesADepositSentForATerminalThatIsNotDepositBased() {
        assertThat(errors(RequestFixture.valid().set("terminal.ownership", "\"MERCHANT_OWNED\"")
                .set("terminal.deposit.amount", "-99")))
                .containsExactly(new FieldError("terminal.deposit.amount", "must not be negative"));
    }

    @Test
    void requiresTheAmountOfAFlatEarlyTerminationFee() {
        assertThat(errors(RequestFixture.valid().set("contract.earlyTermination.method", "\"FLAT\""))).containsExactly(
                new FieldError("contract.earlyTermination.amount",
                        "is required when contract.earlyTermination.method is FLAT"));
    }

    @Test
    void readsAFlatEarlyTerminationFee() {
        String flat = """
                {"method": "FLAT", "amount": 300, "cap": null}""";

        EarlyTermination terms = parse(RequestFixture.valid().set("contract.earlyTermination", flat)).contract()
                .earlyTermination();

        assertThat(terms).isEqualTo(new EarlyTermination(EarlyTerminationMethod.FLAT, new BigDecimal("300.00"), null));
    }

    @Test
    void validatesTheAmountOfAPerMonthEarlyTerminationThoughTheRulesIgnoreIt() {
        assertThat(errors(RequestFixture.valid().set("contract.earlyTermination.amount", "10.001"))).containsExactly(
                new FieldError("contract.earlyTermination.amount", "must have at most 2 decimal places"));
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

    // --- many errors at once

    @Test
    void reportsEveryErrorOfARequestWithTheirPaths() {
        List<FieldError> errors = errors(RequestFixture.valid()
                .set("reason", "\"SWITCH\"")
                .remove("merchant.regulatoryHold")
                .set("terminal.deposit.amount", "-1")
                .set("contract.termMonths", "1.5")
                .set("account.openChargebacks", "\"3\"")
                .set("documents[0]", "\"PASSPORT\"")
                .remove("dataWipe.returnCourierVerified")
                .set("newProvider.monthlyFee", "29.001")
                .set("newProvider.website", "\"acme.example\""));

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("reason",
                "merchant.regulatoryHold", "terminal.deposit.amount", "contract.termMonths",
                "account.openChargebacks", "documents[0]", "dataWipe.returnCourierVerified", "newProvider.monthlyFee",
                "newProvider.website");
    }

    @Test
    void boundsTheNumberOfErrorsListed() {
        RequestFixture request = RequestFixture.valid();
        for (int i = 0; i < 150; i++) {
            request.set("extra" + i, "1");
        }

        List<FieldError> errors = errors(request);

        assertThat(errors).hasSize(101);
        assertThat(errors.get(100)).isEqualTo(new FieldError("", "50 further error(s) left out; correct the ones "
                + "listed first"));
    }

    @Test
    void neverLeaksJavaOrJacksonTextIntoMessages() {
        List<FieldError> errors = errors(RequestFixture.valid().set("asOf", "\"2026-02-30\"")
                .set("contract.monthlyFee", "1E+400").set("account.unsettledTransactions", "1E+30")
                .set("reason", "{}").set("merchant.riskFlags", "[1]").set("terminal.deposit", "[]"));

        assertThat(errors).hasSize(6).allSatisfy(error -> assertThat(error.message())
                .doesNotContainIgnoringCase("exception").doesNotContain("java.", "com.fasterxml", "Text '", "Node"));
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
