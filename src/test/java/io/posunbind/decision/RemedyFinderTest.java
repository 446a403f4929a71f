package io.posunbind.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.posunbind.engine.CompiledRuleSet;
import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionEngine;
import io.posunbind.engine.DecisionRequestParser;
import io.posunbind.engine.Language;
import io.posunbind.engine.RequestJson;
import io.posunbind.engine.RuleFiles;
import io.posunbind.engine.RuleSetCompiler;
import io.posunbind.facts.Verdict;

/** The remedies of the worked examples under policy v1, each one checked again by deciding the changed case. */
class RemedyFinderTest {
    private static CompiledRuleSet rules;
    private final RemedyFinder finder = new RemedyFinder();

    @BeforeAll
    static void compile() {
        rules = new RuleSetCompiler().compile(RuleFiles.readDirectory(Path.of("rules")));
    }

    @AfterAll
    static void release() {
        rules.close();
    }

    private static JsonNode example(String name) throws IOException {
        return RequestJson.read(Files.readString(Path.of("rules/tests/examples", name + ".json"))).get("request");
    }

    private RemedyReport remedies(JsonNode request) {
        return finder.find("d-1", request, LocalDate.parse(request.get("asOf").asText()), rules, Language.EN);
    }

    /** Makes the cure's changes on the request and decides it: the verdict it claims must be the one reached. */
    private static void assertVerified(JsonNode request, RemedyReport.Cure cure) {
        ObjectNode changed = request.deepCopy();
        cure.changes().forEach(step -> new Remedy.Change(Remedy.valueOf(step.remedy()), step.documents())
                .applyTo(changed));
        DecisionAnswer answer = new DecisionEngine().decide(new DecisionRequestParser().parse(changed,
                LocalDate.parse(request.get("asOf").asText())), rules, "check", Instant.EPOCH, Language.EN);
        assertThat(answer.verdict()).isEqualTo(cure.verdict());
    }

    @Test
    void missingDocumentsAreCuredByProvidingThemAll() throws IOException {
        JsonNode request = example("03-business-closure-missing-documents");
        RemedyReport report = remedies(request);

        assertThat(report.verdict()).isEqualTo(Verdict.INCOMPLETE);
        assertThat(report.curable()).isTrue();
        assertThat(report.cures()).singleElement().satisfies(cure -> {
            assertThat(cure.changes()).extracting(RemedyReport.Step::remedy).containsOnly("PROVIDE_DOCUMENT");
            assertThat(cure.changes()).flatExtracting(RemedyReport.Step::documents)
                    .containsExactlyInAnyOrder("DEREGISTRATION_PROOF", "SETTLEMENT_ACCOUNT_PROOF");
            assertThat(cure.verdict()).isIn(Verdict.APPROVED, Verdict.APPROVED_WITH_CONDITIONS);
            assertVerified(request, cure);
        });
    }

    @Test
    void aKeptDeviceWithoutAPurgeHasTwoCuresEachEnoughAlone() throws IOException {
        JsonNode request = example("04-merchant-keeps-provider-device-without-purge");
        RemedyReport report = remedies(request);

        assertThat(report.cures()).extracting(c -> c.changes().stream().map(RemedyReport.Step::remedy).toList())
                .containsExactlyInAnyOrder(List.of("PROVIDE_WIPE_EVIDENCE"), List.of("RETURN_DEVICE_INSTEAD"));
        report.cures().forEach(cure -> assertVerified(request, cure));
        assertThat(report.cures()).allSatisfy(cure -> assertThat(cure.changes().get(0).description()).isNotBlank());
    }

    @Test
    void aRegulatoryHoldOrALostTerminalCannotBeCuredAndSaysWhy() throws IOException {
        RemedyReport held = remedies(example("02-regulatory-hold-rejected"));
        RemedyReport lost = remedies(example("05-lost-terminal-manual-review"));

        assertThat(held.curable()).isFalse();
        assertThat(held.cures()).isEmpty();
        assertThat(held.blocking()).extracting(f -> f.code()).contains("REGULATORY_HOLD");
        assertThat(lost.curable()).isFalse();
        assertThat(lost.blocking()).extracting(f -> f.code()).contains("DEVICE_LOST_OR_STOLEN");
    }

    @Test
    void aCaseApprovedWithConditionsIsApprovedByMeetingThem() throws IOException {
        JsonNode request = example("06-settlement-issue-with-chargebacks-and-debt");
        RemedyReport report = remedies(request);

        assertThat(report.verdict()).isEqualTo(Verdict.APPROVED_WITH_CONDITIONS);
        // the open chargebacks' reserve is a condition no change of the merchant's removes
        assertThat(report.curable()).isFalse();
        assertThat(report.blocking()).extracting(f -> f.code()).containsExactly("CHARGEBACK_RESERVE");
        assertThat(report.casesDecided()).isEqualTo(8);
    }

    @Test
    void anApprovedCaseNeedsNothing() throws IOException {
        RemedyReport report = remedies(example("01-switch-provider-deposit-refund"));

        assertThat(report.curable()).isTrue();
        assertThat(report.cures()).isEmpty();
        assertThat(report.casesDecided()).isEqualTo(1);
    }

    @Test
    void theChangesAreDescribedInTheLanguageAskedFor() throws IOException {
        JsonNode request = example("03-business-closure-missing-documents");
        RemedyReport report = finder.find("d-1", request, LocalDate.parse("2026-11-26"), rules, Language.ZH_CN);

        assertThat(report.language()).isEqualTo("zh-CN");
        assertThat(report.cures().get(0).changes().get(0).description()).startsWith("补交缺少的材料");
    }
}
