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

/** A valid request becomes the facts the rules read; its shape, required fields and enums are enforced. */
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

    // --- helpers

    private CaseFacts parse(RequestFixture request) {
        return parser.parse(request.body(), DEFAULT_AS_OF);
    }

    static List<FieldError> errors(RequestFixture request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> new DecisionRequestParser().parse(request.body(), DEFAULT_AS_OF));
        assertThat(e).as("the request is refused").isNotNull();
        return e.errors();
    }
}