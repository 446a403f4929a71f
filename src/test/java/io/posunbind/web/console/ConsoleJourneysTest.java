package io.posunbind.web.console;

import static io.posunbind.security.TestUsers.asClient;
import static io.posunbind.security.TestUsers.asRulesAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.storage.Storage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The console as its people use it, in headless Chromium: an officer changes a fee and takes it through approval to
 * activation and back; an auditor finds a decision, replays it, downloads its case file and verifies the log; a
 * back-office user decides a case. Each page leaves a screenshot (target/console-screenshots, shown in
 * docs/console.md), and no page may log a script error or a content security policy violation.
 */
@QuarkusTest
@TestProfile(ConsoleJourneysTest.FreshStore.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysTest {
    /** A store of its own: the journeys count versions and decisions. */
    public static class FreshStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.posunbind.web.console\".level", "INFO");
        }
    }

    private static final String NEW_FEE = "60.00,ACCOUNT_CLOSURE";
    private static final String OLD_FEE = "50.00,ACCOUNT_CLOSURE";
    private static boolean decided;

    @Inject
    Storage.Database database;

    @TestHTTPResource("/")
    URL base;

    private Browser browser;

    @BeforeEach
    void open() {
        browser = Browser.open(base);
        if (!decided) {
            recordTheWorkedExamples();
            decided = true;
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void timings() {
        Browser.writeTimings();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            List<String> errors = browser.consoleErrors();
            browser.close();
            assertThat(errors).as("script errors and CSP violations in the browser's console").isEmpty();
        }
    }

    @Test
    @Order(1)
    void anOfficerChangesAFeeAndTakesItThroughApprovalToActivationAndBack() {
        browser.signIn("admin", "admin-demo-pw");
        assertThat(browser.text("header nav")).contains("Rule sets");
        browser.screenshot("home-officer");

        browser.go("/console/rulesets");
        browser.waitFor(By.cssSelector("#versions table"));
        String startVersion = browser.text("#versions tr.active a.version");
        String startVersionId = browser.driver.findElement(By.cssSelector("#versions tr.active a.version"))
                .getAttribute("title");
        browser.click(By.id("new-version"));
        browser.ready();

        // Start from the active version's files; a typo first, found with its file and line.
        browser.click(By.id("from-active"));
        openFile("fees/fees.drl");
        WebElement editor = browser.driver.findElement(By.id("editor"));
        String drl = editor.getAttribute("value");
        replaceEditorText(drl.replaceFirst("status == ContractStatus.ACTIVE", "status == ContractStatus.ACTIV"));
        browser.click(By.id("validate"));
        browser.waitFor(By.id("errors"));
        assertThat(browser.text("#errors")).contains("fees/fees.drl:");
        assertThat(browser.text("#report .notice.error")).contains("Not valid");
        assertThat(browser.text("#file-problems")).contains("line");
        // The line at fault is marked beside the editor, by its number.
        String faultLine = browser.text("#file-problems").replaceAll("(?s).*?line (\\d+).*", "$1");
        assertThat(browser.driver.findElements(By.cssSelector("#editor-lines .bad"))).extracting(WebElement::getText)
                .contains(faultLine);
        browser.screenshot("upload-errors");
        // The error's place opens the file there.
        browser.driver.findElement(By.cssSelector("#errors button")).click();
        assertThat(browser.text("#editor-label")).isEqualTo("fees/fees.drl");
        replaceEditorText(drl);

        // The change itself: the account closure fee, 50 to 60 CNY, in the fee table.
        openFile("fees/fee-schedule.csv");
        String table = browser.driver.findElement(By.id("editor")).getAttribute("value");
        assertThat(table).contains(OLD_FEE);
        replaceEditorText(table.replace(OLD_FEE, NEW_FEE));
        browser.driver.findElement(By.id("label")).sendKeys("Account closure fee 50 to 60 CNY");

        // The session lapses before the change is validated: signed in again, the officer is back on this page
        // with the files as they were typed.
        browser.driver.manage().deleteCookieNamed("unbind-session");
        browser.click(By.id("validate"));
        browser.waitFor(By.id("expired"));
        browser.signInHere("admin", "admin-demo-pw");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/rulesets/new");
        browser.waitForText(By.id("report"), "were restored");
        assertThat(browser.text("#editor-label")).isEqualTo("fees/fee-schedule.csv");
        assertThat(browser.driver.findElement(By.id("editor")).getAttribute("value")).contains(NEW_FEE);
        assertThat(browser.driver.findElement(By.id("label")).getAttribute("value"))
                .isEqualTo("Account closure fee 50 to 60 CNY");
        browser.screenshot("upload-restored");
        browser.click(By.id("validate"));
        browser.waitFor(By.id("failed-scenarios"));
        assertThat(browser.text("#failed-scenarios")).contains("ACCOUNT_CLOSURE");
        browser.screenshot("upload-failed-scenarios");

        // Accept the scenarios' new answers; the worked examples only on purpose, as a second step.
        browser.click(By.id("accept"));
        browser.waitForText(By.id("report"), "accepted");
        browser.waitFor(By.id("accept-examples"));
        assertThat(browser.text("#failed-scenarios")).contains("tests/examples/");
        browser.click(By.id("accept-examples"));
        browser.waitFor(By.id("store"));
        assertThat(browser.text("#report .notice.ok")).startsWith("Valid");
        browser.screenshot("upload-valid");
        browser.click(By.id("store"));

        // Stored: the version's page, with what changes against the active version.
        browser.waitFor(By.cssSelector("#diff .rule-changes"));
        browser.ready();
        String version = browser.driver.getCurrentUrl().replaceAll(".*/console/rulesets/([^#?]+).*", "$1")
                .replace("%3A", ":");
        assertThat(browser.text("#ruleset")).contains("awaiting approval", "Account closure fee 50 to 60 CNY");
        assertThat(browser.text("#action-result")).contains("Stored");
        assertThat(browser.text("#diff")).contains("Closing the account costs the account closure fee",
                "fees/fee-schedule.csv");
        assertThat(browser.text("#diff pre.diff")).as("the rules' files come before the scenarios'").contains(NEW_FEE);
        browser.screenshot("ruleset");
        browser.screenshot("ruleset-diff", By.xpath("//div[@id='diff']/.."));

        // Not yet approved: activating is refused, and the page says why.
        browser.click(By.id("activate"));
        browser.waitFor(By.cssSelector("#action-result .notice.error"));
        assertThat(browser.text("#action-result")).contains("Not possible in this state", "approv");
        browser.screenshot("ruleset-not-approved", By.cssSelector(".two-columns"));

        // A second person approves it, and backtests it over the recorded decisions.
        browser.signOut();
        browser.signIn("approver", "approver-demo-pw");
        browser.go("/console/rulesets/" + version);
        browser.waitFor(By.id("action-comment")).sendKeys("Reviewed the fee table and the backtest");
        assertThat(browser.driver.findElements(By.id("activate"))).isEmpty();
        browser.click(By.id("backtest-button"));
        browser.waitFor(By.id("backtest-report"));
        assertThat(browser.text("#backtest-report")).contains("cases compared", "Each fee in all, before and after",
                "CN¥350.00", "CN¥420.00");
        assertThat(browser.driver.findElements(By.cssSelector("#backtest-report svg.chart rect"))).isNotEmpty();
        assertThat(browser.text("#verdict-matrix")).contains("Approved");
        browser.screenshot("backtest", By.xpath("//div[@id='backtest']/.."));
        browser.click(By.id("approve"));
        browser.ready();
        browser.waitForText(By.id("action-result"), "Approved. An officer can now activate or schedule it.");
        assertThat(browser.text("#ruleset")).contains("Reviewed the fee table and the backtest");
        browser.screenshot("ruleset-approved", By.cssSelector(".two-columns"));

        // The officer activates it, then rolls back to the version before.
        browser.signOut();
        browser.signIn("admin", "admin-demo-pw");
        browser.go("/console/rulesets/" + version);
        browser.click(By.id("activate"));
        browser.ready();
        browser.waitForText(By.id("actions"), "This version decides now");
        assertThat(asClientDecides("03-business-closure-missing-documents")).contains("\"amount\":60.0");

        browser.go("/console/rulesets");
        browser.waitFor(By.cssSelector("#versions tr.active"));
        assertThat(browser.driver.findElement(By.cssSelector("#versions tr.active a.version"))
                .getAttribute("title")).isEqualTo(version);
        browser.driver.findElement(By.linkText(startVersion)).click();
        browser.ready();
        assertThat(browser.text("#activate")).isEqualTo("Roll back to this version");
        browser.waitFor(By.id("action-comment")).sendKeys("Back to 50 CNY until the contract says 60");
        browser.click(By.id("activate"));
        browser.ready();
        browser.waitForText(By.id("actions"), "This version decides now");
        assertThat(asClientDecides("03-business-closure-missing-documents")).contains("\"amount\":50.0");
        browser.go("/console/rulesets");
        browser.waitFor(By.cssSelector("#history table"));
        assertThat(browser.text("#history")).contains("Back to 50 CNY until the contract says 60", "approved",
                "stored");
        browser.screenshot("rulesets");

        // Compare any two versions: the officer's against the one that decides again.
        new Select(browser.driver.findElement(By.id("compare-version"))).selectByValue(version);
        new Select(browser.driver.findElement(By.id("compare-against"))).selectByValue(startVersionId);
        browser.click(By.cssSelector("#compare-form button[type=submit]"));
        browser.waitFor(By.cssSelector("#diff .rule-changes"));
        browser.ready();
        assertThat(browser.driver.getCurrentUrl()).contains("?against=");
        assertThat(browser.text("#diff pre.diff")).contains(NEW_FEE, OLD_FEE);

        // Regulation takes effect on a date: schedule the approved version, see it pending, and cancel it.
        browser.go("/console/rulesets/" + version);
        browser.script("const at = document.getElementById('effective-at'); at.value = '2030-01-02T09:00';"
                + " at.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waitFor(By.id("action-comment")).sendKeys("The new fee schedule takes effect in 2030");
        browser.click(By.id("schedule"));
        browser.waitForText(By.id("action-result"), "Scheduled");
        browser.go("/console/rulesets");
        browser.waitFor(By.cssSelector("#schedules table"));
        assertThat(browser.text("#schedules")).contains("2 Jan 2030, 09:00:00", "admin");
        browser.screenshot("rulesets-scheduled", By.xpath("//div[@id='schedules']/.."));
        browser.click(By.cssSelector("#schedules button"));
        browser.ready();
        browser.waitForText(By.id("schedules"), "Nothing is scheduled.");
    }

    @Test
    @Order(2)
    void anAuditorFindsADecisionReplaysItDownloadsItsCaseFileAndVerifiesTheLog() throws Exception {
        String other = aSecondVersion();
        browser.signIn("auditor", "auditor-demo-pw");
        browser.go("/console/decisions");
        browser.driver.findElement(By.id("merchantId")).sendKeys("M-100200");
        browser.driver.findElement(By.id("caseId")).sendKeys("EX-03");
        browser.click(By.id("search-button"));
        browser.waitForText(By.id("results"), "EX-03");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#results tbody tr"));
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("EX-03"));
        assertThat(browser.driver.getCurrentUrl()).contains("caseId=EX-03");
        assertThat(browser.driver.findElement(By.id("more")).isDisplayed()).as("no more pages").isFalse();
        browser.screenshot("decisions");
        // The search's address is one to bookmark or share: opened again, it is the same search.
        browser.driver.get(browser.driver.getCurrentUrl());
        browser.ready();
        browser.waitForText(By.id("results"), "EX-03");
        assertThat(browser.driver.findElement(By.id("caseId")).getAttribute("value")).isEqualTo("EX-03");

        browser.driver.findElement(By.linkText("EX-03")).click();
        browser.ready();
        String decisionId = browser.driver.getCurrentUrl().replaceAll(".*/console/decisions/", "");
        browser.waitFor(By.cssSelector("#proof h2"));
        assertThat(browser.text("#decision-facts")).contains("Incomplete", "intact", "client");
        assertThat(browser.text("#decision")).contains("Rules that fired", "Findings");
        browser.screenshot("decision");

        // Replay against the officer's version: the two answers side by side, the differences marked.
        new Select(browser.driver.findElement(By.id("replay-version"))).selectByValue(other);
        browser.click(By.id("replay-button"));
        browser.waitFor(By.cssSelector("#replay-result .side-by-side"));
        assertThat(browser.text("#replay-result")).contains("difference", "totals.fees");
        assertThat(browser.driver.findElements(By.cssSelector("#replay-result table.differences tr.change-changed")))
                .isNotEmpty();
        browser.screenshot("replay", By.xpath("//div[@id='replay-result']/.."));

        // The case file, downloaded as a person would.
        browser.click(By.id("case-file"));
        Path pdf = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        byte[] head = Files.readAllBytes(pdf);
        assertThat(new String(head, 0, 5)).isEqualTo("%PDF-");

        browser.go("/console/audit");
        browser.click(By.id("verify-button"));
        browser.waitFor(By.cssSelector("#verify-result .notice"));
        assertThat(browser.text("#verify-result")).startsWith("Intact");
        browser.waitFor(By.id("public-key-text"));
        assertThat(browser.text("#retention")).contains("Kept for");
        browser.screenshot("audit");

        // Someone with the database's keys changes a recorded verdict. Verify lists the break (the decision, its
        // place in its chain, why), and the decision's own page says it was altered. Then the row is put back.
        String verdict = recordedVerdict(decisionId);
        setRecordedVerdict(decisionId, "APPROVED");
        try {
            browser.click(By.id("verify-button"));
            browser.waitFor(By.cssSelector("#verify-result .notice.error"));
            assertThat(browser.text("#verify-result .notice.error")).startsWith("Broken: 1 break(s)");
            assertThat(browser.text("#verify-result")).contains("Breaks in the decision log", decisionId,
                    "A column disagrees with the recorded answer", "verdict", "does not match its hash");
            browser.screenshot("audit-broken", By.xpath("//div[@id='verify-result']/.."));
            browser.driver.findElement(By.linkText(decisionId)).click();
            browser.ready();
            assertThat(browser.text("#decision-facts")).contains("altered");
        } finally {
            setRecordedVerdict(decisionId, verdict);
        }
        browser.go("/console/audit");
        browser.click(By.id("verify-button"));
        browser.waitFor(By.cssSelector("#verify-result .notice"));
        assertThat(browser.text("#verify-result")).startsWith("Intact");
    }

    private String recordedVerdict(String decisionId) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT verdict FROM decision_record WHERE decision_id = ?")) {
            q.setString(1, decisionId);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("the record of " + decisionId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private void setRecordedVerdict(String decisionId, String verdict) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement u = c.prepareStatement(
                     "UPDATE decision_record SET verdict = ? WHERE decision_id = ?")) {
            u.setString(1, verdict);
            u.setString(2, decisionId);
            assertThat(u.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    @Order(3)
    void aBackOfficeUserDecidesACaseAndSeesWhatWouldChangeIt() {
        // By keyboard only: the name, Tab, the password, Enter.
        browser.go("/console/sign-in");
        browser.driver.switchTo().activeElement().sendKeys("client");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.driver.switchTo().activeElement().sendKeys("client-demo-pw", Keys.ENTER);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> !d.getCurrentUrl().contains("/console/sign-in"));
        browser.ready();
        browser.go("/console/decide");
        new Select(browser.driver.findElement(By.id("preset")))
                .selectByValue("03-business-closure-missing-documents");
        assertThat(browser.driver.findElement(By.id("f-caseId")).getAttribute("value")).isEqualTo("EX-03");
        browser.click(By.id("decide-button"));
        browser.waitForText(By.cssSelector("#decide-result .remedies"), "These changes lead to");
        assertThat(browser.text("#decide-result .verdict-line")).contains("Incomplete");
        assertThat(browser.text("#decide-result")).contains("DEREGISTRATION_PROOF", "Net to pay",
                "business days", "Unbind policy v1 §3");
        assertThat(browser.driver.findElements(By.cssSelector("#decide-result ol.timeline li"))).hasSizeGreaterThan(5);
        browser.screenshot("decide");

        // A field the contract refuses: the error names it, in place.
        WebElement json = browser.driver.findElement(By.id("case-json"));
        browser.driver.findElement(By.cssSelector("#decide-form details summary")).click();
        String request = json.getAttribute("value");
        json.clear();
        json.sendKeys(request.replace("\"termMonths\": 24", "\"termMonths\": -3"));
        browser.click(By.id("decide-button"));
        browser.waitFor(By.cssSelector("#decide-result .notice.error"));
        assertThat(browser.text("#decide-result")).contains("The request is not valid", "contract.termMonths");

        // 390 px wide: one column, nothing wider than the screen.
        browser.size(390, 844);
        browser.go("/console/decide");
        browser.click(By.id("decide-button"));
        browser.waitForText(By.cssSelector("#decide-result .remedies"), "What would change the verdict");
        Number overflow = (Number) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
        browser.screenshot("decide-390");
        browser.size(1280, 900);

        // 中文: the switch in the header, kept for the next pages.
        browser.click(By.cssSelector("header a.language"));
        browser.ready();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.click(By.id("decide-button"));
        browser.waitForText(By.cssSelector("#decide-result .remedies"), "如何改变结论");
        assertThat(browser.text("#decide-result .verdict-line")).contains("批准");
        browser.screenshot("decide-zh");

        // A page outside the user's roles, and a session that ended.
        browser.click(By.cssSelector("header a.language"));
        browser.go("/console/audit");
        assertThat(browser.text("#forbidden")).contains("Your roles do not allow this page.", "auditor");
        browser.screenshot("forbidden");
        browser.go("/console/decide");
        browser.driver.manage().deleteCookieNamed("unbind-session");
        browser.click(By.id("decide-button"));
        browser.waitFor(By.id("expired"));
        assertThat(browser.text("#expired")).contains("Your session ended");
        browser.screenshot("sign-in");
        // Signed in again: back on the page the session ended on.
        browser.signInHere("client", "client-demo-pw");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console/decide");
    }

    @Test
    @Order(4)
    void anOfficerUploadsAFolderOfRules() throws IOException {
        Path folder = Files.createTempDirectory("console-upload").resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path from : files.toList()) {
                Path to = folder.resolve(Path.of("rules").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path table = folder.resolve("fees/fee-schedule.csv");
        Files.writeString(table, Files.readString(table).replace(OLD_FEE, "55.00,ACCOUNT_CLOSURE"));
        Files.writeString(folder.resolve(".editor-backup"), "not a rule file");
        long count;
        try (Stream<Path> files = Files.walk(folder)) {
            count = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .count();
        }

        browser.signIn("admin", "admin-demo-pw");
        browser.go("/console/rulesets/new");
        // As a person choosing the folder in the browser's dialog: the folder's path into the folder input.
        browser.driver.findElement(By.id("folder")).sendKeys(folder.toString());
        browser.waitForText(By.id("file-count"), count + " files");
        assertThat(browser.text("#file-list")).contains("fees/fee-schedule.csv").doesNotContain(".editor-backup");
        openFile("fees/fee-schedule.csv");
        assertThat(browser.driver.findElement(By.id("editor")).getAttribute("value")).contains("55.00,ACCOUNT_CLOSURE");
        browser.click(By.id("validate"));
        browser.waitFor(By.id("failed-scenarios"));
        assertThat(browser.text("#failed-scenarios")).contains("expected 50.00, got 55.00");
    }

    private void openFile(String path) {
        browser.waitFor(By.xpath("//ul[@id='file-list']//button[starts-with(normalize-space(.), '" + path + "')]"))
                .click();
        assertThat(browser.text("#editor-label")).isEqualTo(path);
    }

    /** Types the file's new text into the editor, as a person pasting it would. */
    private void replaceEditorText(String text) {
        WebElement editor = browser.driver.findElement(By.id("editor"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.script("arguments[0].focus();", editor);
        // sendKeys types character by character; a 5 KB file takes seconds, so paste it through the clipboard's
        // stand-in: setRangeText and an input event, which is what a paste fires.
        browser.script("arguments[0].setRangeText(arguments[1]); arguments[0].dispatchEvent(new InputEvent('input',"
                + " {bubbles: true, inputType: 'insertFromPaste'}));", editor, text);
        assertThat(editor.getAttribute("value")).isEqualTo(text);
    }

    private static void recordTheWorkedExamples() {
        for (String name : EXAMPLES) {
            asClientDecides(name);
        }
    }

    private static final List<String> EXAMPLES = List.of("01-switch-provider-deposit-refund",
            "02-regulatory-hold-rejected", "03-business-closure-missing-documents",
            "04-merchant-keeps-provider-device-without-purge", "05-lost-terminal-manual-review",
            "06-settlement-issue-with-chargebacks-and-debt", "07-device-fault-fees-waived-leased",
            "08-contract-end-tamper-capped-flat-fee");

    private static String asClientDecides(String example) {
        try {
            JsonNode file = new ObjectMapper().readTree(Path.of("rules/tests/examples", example + ".json").toFile());
            return asClient().contentType(ContentType.JSON).header("Accept-Language", "en")
                    .body(file.get("request").toString()).post("/api/v1/decisions")
                    .then().statusCode(200).extract().body().asString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The officer's version, stored through the API when the officer's journey did not run first. */
    private static String aSecondVersion() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode active = json.readTree(asRulesAdmin().get("/api/v1/rulesets/active").then().statusCode(200)
                .extract().body().asString());
        com.fasterxml.jackson.databind.node.ObjectNode files = (com.fasterxml.jackson.databind.node.ObjectNode)
                active.get("files").deepCopy();
        files.put("fees/fee-schedule.csv", files.get("fees/fee-schedule.csv").asText().replace(OLD_FEE, NEW_FEE));
        JsonNode accepted = json.readTree(asRulesAdmin().contentType(ContentType.JSON)
                .body(json.createObjectNode().set("files", files).toString())
                .post("/api/v1/rulesets/validate?acceptExamples=true").then().statusCode(200).extract().body()
                .asString());
        files.setAll((com.fasterxml.jackson.databind.node.ObjectNode) accepted.get("accepted").get("files"));
        String stored = asRulesAdmin().contentType(ContentType.JSON)
                .body(json.createObjectNode().set("files", files).toString())
                .post("/api/v1/rulesets").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().body()
                .asString();
        return json.readTree(stored).get("version").asText();
    }
}
