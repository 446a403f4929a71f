package io.posunbind.web.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The console's sign-in beside the API's: the form opens a session for the users of the users file, the session
 * works on the API with the user's roles, and the API still answers a problem body with a Basic challenge, never a
 * redirect.
 */
@QuarkusTest
class ConsoleSignInTest {

    static String signIn(String name, String password) {
        Response answer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", name).formParam("j_password", password)
                .post("/console/j_security_check");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/console");
        String session = answer.cookie("unbind-session");
        assertThat(session).isNotBlank();
        return session;
    }

    @Test
    void theServiceAddressLeadsToTheConsoleAndTheConsoleToItsSignIn() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console"));
        for (String page : new String[] {"/console", "/console/decide", "/console/decisions", "/console/audit",
                "/console/rulesets", "/console/rulesets/new", "/console/decisions/x", "/console/rulesets/sha256:0"}) {
            given().redirects().follow(false).get(page).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith(
                            "/console/sign-in?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        }
        Response form = given().get("/console/sign-in");
        form.then().statusCode(200).contentType(ContentType.HTML);
        assertThat(form.body().asString()).contains("action=\"/console/j_security_check\"", "j_username",
                "j_password");
    }

    @Test
    void signingInReturnsToThePageAskedForWithItsSearch() {
        // A shared or bookmarked search, opened signed out: the sign-in, then that search as it was.
        String search = "/console/decisions?merchant=M-100200&verdict=APPROVED";
        String toSignIn = given().redirects().follow(false).get(search).then().statusCode(303)
                .extract().header("Location");
        assertThat(toSignIn).endsWith("/console/sign-in?next=%2Fconsole%2Fdecisions%3Fmerchant%3DM-100200%26verdict%3DAPPROVED");
        Response form = given().redirects().follow(false).urlEncodingEnabled(false).get(toSignIn);
        form.then().statusCode(200);
        String back = form.cookie("quarkus-redirect-location");
        assertThat(back).endsWith(search);
        assertThat(form.header("Set-Cookie")).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Response signedIn = given().redirects().follow(false).cookie("quarkus-redirect-location", back)
                .contentType(ContentType.URLENC)
                .formParam("j_username", "auditor").formParam("j_password", "auditor-demo-pw")
                .post("/console/j_security_check");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith(search);
        // A session that lapsed on a page: the page's script sends the person to the form with the reason.
        Response lapsed = given().header("Accept-Language", "en").redirects().follow(false).urlEncodingEnabled(false)
                .get("/console/sign-in?expired=true&next=%2Fconsole%2Frulesets%2Fnew");
        assertThat(lapsed.body().asString()).contains("Your session ended");
        assertThat(lapsed.cookie("quarkus-redirect-location")).endsWith("/console/rulesets/new");
        // Signed in, the page opens with its address as it was: its script reads the search, and the comparison
        // the Compare button asks for.
        String session = signIn("auditor", "auditor-demo-pw");
        given().cookie("unbind-session", session).get(search).then().statusCode(200)
                .contentType(ContentType.HTML);
        given().cookie("unbind-session", session).get("/console/rulesets/sha256:0?against=sha256:1").then()
                .statusCode(200).contentType(ContentType.HTML);
        // A version's page, its colon escaped as the console's links write it.
        assertThat(given().redirects().follow(false).queryParam("next", "/console/rulesets/sha256%3A0a1b")
                .get("/console/sign-in").cookie("quarkus-redirect-location")).endsWith("/console/rulesets/sha256%3A0a1b");
        // Already signed in: straight there.
        given().redirects().follow(false).cookie("unbind-session", session).urlEncodingEnabled(false)
                .get("/console/sign-in?next=%2Fconsole%2Faudit").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/audit"));
    }

    @Test
    void signingInNeverReturnsOutsideTheConsole() {
        for (String away : new String[] {"https://elsewhere.example/console", "//elsewhere.example/console",
                "/console/../q/metrics", "/console/%2e%2e/q/metrics", "/console/%2F%2Felsewhere.example",
                "/api/v1/audit/export", "/console//elsewhere.example", "javascript:alert(1)"}) {
            Response form = given().redirects().follow(false).queryParam("next", away).get("/console/sign-in");
            form.then().statusCode(200);
            assertThat(form.cookie("quarkus-redirect-location")).as(away).isNull();
        }
        // With no page to return to, the form leads to the start page.
        Response signedIn = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "auditor").formParam("j_password", "auditor-demo-pw")
                .post("/console/j_security_check");
        assertThat(signedIn.header("Location")).endsWith("/console");
    }

    @Test
    void aWrongPasswordGoesBackToTheFormWithTheReasonAndNoSession() {
        Response answer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "admin").formParam("j_password", "not-it")
                .post("/console/j_security_check");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/console/sign-in?failed=true");
        assertThat(answer.cookie("unbind-session")).isNull();
        Response page = given().header("Accept-Language", "en").get("/console/sign-in?failed=true");
        page.then().statusCode(401);
        assertThat(page.body().asString()).contains("The name or the password is not right.");
    }

    @Test
    void theSessionSignsInToTheApiWithTheUsersRolesOnly() {
        String session = signIn("auditor", "auditor-demo-pw");
        given().cookie("unbind-session", session).get("/api/v1/audit/retention").then().statusCode(200);
        given().cookie("unbind-session", session).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/rulesets/reload").then().statusCode(403)
                .contentType("application/problem+json");
        // The cookie is the session's only key: HttpOnly, so no script reads it, and SameSite=Strict.
        Response answer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "auditor").formParam("j_password", "auditor-demo-pw")
                .post("/console/j_security_check");
        String cookie = answer.header("Set-Cookie");
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/");
    }

    @Test
    void theApiStillChallengesWithBasicAndAProblemNeverARedirect() {
        Response answer = given().redirects().follow(false).get("/api/v1/audit/verify");
        answer.then().statusCode(401).contentType("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=\"pos-unbind\"");
        // The console's own requests are told to sign in with its form: no browser password dialog over the page.
        Response console = given().redirects().follow(false).header("X-Unbind-Console", "1")
                .get("/api/v1/audit/verify");
        console.then().statusCode(401).contentType("application/problem+json");
        assertThat(console.header("WWW-Authenticate")).isEqualTo("Form realm=\"pos-unbind\"");
        given().auth().preemptive().basic("auditor", "auditor-demo-pw").get("/api/v1/audit/retention")
                .then().statusCode(200);
    }

    @Test
    void signingOutEndsTheSessionCookie() {
        String session = signIn("client", "client-demo-pw");
        Response out = given().redirects().follow(false).cookie("unbind-session", session)
                .post("/console/sign-out");
        out.then().statusCode(303);
        assertThat(out.header("Location")).endsWith("/console/sign-in?signedOut=true");
        assertThat(out.header("Set-Cookie")).startsWith("unbind-session=;").contains("Max-Age=0");
    }

    @Test
    void eachPersonSeesTheMenuOfTheirRolesAndAPageOutsideThemIsRefusedByName() {
        String client = signIn("client", "client-demo-pw");
        String home = given().cookie("unbind-session", client).header("Accept-Language", "en").get("/console")
                .then().statusCode(200).extract().body().asString();
        assertThat(home).contains("href=\"/console/decide\"").doesNotContain("href=\"/console/audit\"")
                .doesNotContain("href=\"/console/rulesets\"");
        Response refused = given().cookie("unbind-session", client).header("Accept-Language", "en")
                .get("/console/audit");
        refused.then().statusCode(403).contentType(ContentType.HTML);
        assertThat(refused.body().asString()).contains("Your roles do not allow this page.", "auditor",
                "decision-client");

        String auditor = signIn("auditor", "auditor-demo-pw");
        String auditorHome = given().cookie("unbind-session", auditor).header("Accept-Language", "en")
                .get("/console").then().statusCode(200).extract().body().asString();
        assertThat(auditorHome).contains("href=\"/console/decisions\"", "href=\"/console/audit\"",
                "href=\"/console/rulesets\"").doesNotContain("href=\"/console/decide\"")
                .doesNotContain("href=\"/console/rulesets/new\"");
        given().cookie("unbind-session", auditor).get("/console/rulesets/new").then().statusCode(403);
    }

    @Test
    void pagesSpeakTheChosenLanguageAndChineseByDefault() {
        String session = signIn("auditor", "auditor-demo-pw");
        assertThat(given().cookie("unbind-session", session).get("/console/audit").body().asString())
                .contains("<html lang=\"zh-CN\">", "审计");
        assertThat(given().cookie("unbind-session", session).header("Accept-Language", "en-GB,en;q=0.8")
                .get("/console/audit").body().asString()).contains("<html lang=\"en\">", "Verify the log");
        Response chosen = given().redirects().follow(false).get("/console/language/en?back=/console/audit");
        chosen.then().statusCode(303);
        assertThat(chosen.header("Location")).endsWith("/console/audit");
        assertThat(chosen.cookie("unbind-language")).isEqualTo("en");
        assertThat(given().cookie("unbind-session", session).cookie("unbind-language", "en")
                .header("Accept-Language", "zh-CN").get("/console/audit").body().asString())
                .contains("<html lang=\"en\">");
    }

    @Test
    void theLanguageSwitchReturnsOnlyToAConsolePage() {
        for (String away : new String[] {"https://evil.example/", "//evil.example/console", "/api/v1/audit/export",
                "/console/../q/metrics", "/console\\evil"}) {
            Response answer = given().redirects().follow(false).queryParam("back", away)
                    .get("/console/language/en");
            answer.then().statusCode(303);
            assertThat(answer.header("Location")).as(away).endsWith("/console");
        }
    }

    @Test
    void consolePagesRunOnlyTheirOwnScriptsAndStyles() {
        String session = signIn("admin", "admin-demo-pw");
        for (String page : new String[] {"/console/sign-in", "/console", "/console/rulesets",
                "/console/rulesets/new"}) {
            Response answer = given().cookie("unbind-session", session).get(page);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(page).contains("script-src 'self'", "style-src 'self'", "default-src 'none'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                    .doesNotContain("http");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            String html = answer.body().asString();
            // The only script elements: the console's module and the texts as a JSON data block.
            assertThat(html.split("<script").length - 1).as(page)
                    .isEqualTo(html.contains("type=\"module\"") ? 2 : 0);
            assertThat(html).doesNotContain(" style=").doesNotContain("<style").doesNotContain(" onclick=")
                    .doesNotContain("http://").doesNotContain("https://");
        }
        Response script = given().get("/console/assets/console.js");
        script.then().statusCode(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.header("Cache-Control")).isEqualTo("public, max-age=86400");
    }

    @Test
    void theConsolesFilesTravelCompressedAndApiAnswersDoNot() {
        Response script = given().header("Accept-Encoding", "gzip").get("/console/assets/console.js");
        script.then().statusCode(200);
        assertThat(script.header("Content-Encoding")).isEqualTo("gzip");
        Response answer = given().auth().preemptive().basic("auditor", "auditor-demo-pw")
                .header("Accept-Encoding", "gzip").get("/api/v1/audit/retention");
        answer.then().statusCode(200);
        assertThat(answer.header("Content-Encoding")).isNull();
    }
}
