package io.posunbind.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.facts.EarlyTermination;
import io.posunbind.facts.EarlyTerminationMethod;
import io.posunbind.facts.Terminal;

/** Fields required by others, and a request with many errors: every one named by its path. */
class RequestDependenciesTest {
    private static final LocalDate DEFAULT_AS_OF = LocalDate.of(2030, 1, 15);

    private final DecisionRequestParser parser = new DecisionRequestParser();

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

    static List<FieldError> errors(RequestFixture request) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> new DecisionRequestParser().parse(request.body(), DEFAULT_AS_OF));
        assertThat(e).as("the request is refused").isNotNull();
        return e.errors();
    }
}