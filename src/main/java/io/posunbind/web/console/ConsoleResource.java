package io.posunbind.web.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.posunbind.security.Roles;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * The console's pages for people: compliance officers, approvers, auditors and back-office staff. Each page is a
 * server-rendered shell in the reader's language, naming who is signed in and what their roles let them do; its
 * script reads and writes through the same API as every other client, so the server enforces every role whatever a
 * page shows. Signing in is the form of {@code quarkus.http.auth.form} against the same users file.
 */
@Path("/console")
@PermitAll
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
    /** The cookie that keeps the chosen language; without it, Accept-Language chooses. */
    static final String LANGUAGE_COOKIE = "unbind-language";

    /**
     * A path the sign-in and the language switch may send a person back to: a page of the console, with its query,
     * and nothing else. Never a redirect to anywhere a link chose. The only escape allowed in the path is the
     * colon's ({@code %3A}), as a version's page has it; an escaped dot or slash could climb out of the console.
     */
    static final Pattern CONSOLE_PATH = Pattern.compile(
            "/console(/(?:[A-Za-z0-9:._/-]|%3[Aa])*)?(\\?[A-Za-z0-9=&:%._+-]*)?");

    /** A page: its template, the roles that may use it (any one of them), and its place in the menu. */
    enum Page {
        HOME("home", null, Set.of()),
        DECIDE("decide", "navDecide", Set.of(Roles.DECISION_CLIENT)),
        DECISIONS("decisions", "navDecisions", Set.of(Roles.AUDITOR)),
        DECISION("decision", null, Set.of(Roles.AUDITOR)),
        AUDIT("audit", "navAudit", Set.of(Roles.AUDITOR)),
        RULESETS("rulesets", "navRulesets", Set.of(Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR)),
        RULESET("ruleset", null, Set.of(Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR)),
        UPLOAD("upload", null, Set.of(Roles.RULES_ADMIN));

        final String template;
        final String menuText;
        final Set<String> roles;

        Page(String template, String menuText, Set<String> roles) {
            this.template = template;
            this.menuText = menuText;
            this.roles = roles;
        }

        boolean allows(SecurityIdentity who) {
            return roles.isEmpty() || roles.stream().anyMatch(who::hasRole);
        }

        /** The page the menu highlights for this one. */
        Page section() {
            return switch (this) {
                case DECISION -> DECISIONS;
                case RULESET, UPLOAD -> RULESETS;
                default -> this;
            };
        }
    }

    /** One entry of the menu. */
    public record MenuItem(String href, String text, boolean current) {
    }

    private final Engine engine;
    private final ConsoleTexts texts;
    private final ConsoleAssets assets;
    private final SecurityIdentity identity;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final String cookieName;
    private final String locationCookie;

    public ConsoleResource(Engine engine, ConsoleTexts texts, ConsoleAssets assets, SecurityIdentity identity,
                           HttpHeaders headers, UriInfo uri,
                           @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
                           @ConfigProperty(name = "quarkus.http.auth.form.location-cookie",
                                   defaultValue = "quarkus-redirect-location") String locationCookie) {
        this.engine = engine;
        this.texts = texts;
        this.assets = assets;
        this.identity = identity;
        this.headers = headers;
        this.uri = uri;
        this.cookieName = cookieName;
        this.locationCookie = locationCookie;
    }

    @GET
    public Response home() {
        return page(Page.HOME, "/console", Map.of());
    }

    @GET
    @Path("sign-in")
    public Response signIn(@QueryParam("failed") boolean failed, @QueryParam("signedOut") boolean signedOut,
                           @QueryParam("expired") boolean expired, @QueryParam("next") String next) {
        boolean back = isConsolePath(next);
        if (!identity.isAnonymous()) {
            return seeOther(back ? next : "/console");
        }
        String language = language();
        TemplateInstance page = engine.getTemplate("console/sign-in").instance()
                .data("t", texts.of(language))
                .data("lang", language)
                .data("other", other(language))
                .data("path", "/console/sign-in")
                .data("assets", assets.version())
                .data("failed", failed)
                .data("signedOut", signedOut)
                .data("expired", expired);
        Response.ResponseBuilder answer = Response.status(failed ? Response.Status.UNAUTHORIZED : Response.Status.OK)
                .entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        if (back) {
            // The form's sign-in then returns to the page the person asked for or was on when the session lapsed,
            // not to the start page: Quarkus redirects to the address in this cookie, once it has checked that the
            // address is on the same scheme, host and port as the sign-in itself.
            // Written as is: a console path holds no character a cookie value may not, and a quoted value (as
            // NewCookie would write an address) is not an address.
            answer.header(HttpHeaders.SET_COOKIE, locationCookie + "=" + uri.getBaseUri().resolve(next)
                    + "; Path=/; HttpOnly; SameSite=Strict"
                    + ("https".equals(uri.getBaseUri().getScheme()) ? "; Secure" : ""));
        }
        return answer.build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        NewCookie gone = new NewCookie.Builder(cookieName).path("/").value("").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console/sign-in?signedOut=true")).cookie(gone).build();
    }

    @GET
    @Path("language/{language}")
    public Response language(@PathParam("language") String language, @QueryParam("back") String back) {
        String chosen = ConsoleTexts.LANGUAGES.contains(language) ? language : ConsoleTexts.LANGUAGES.get(0);
        String to = isConsolePath(back) ? back : "/console";
        NewCookie cookie = new NewCookie.Builder(LANGUAGE_COOKIE).path("/").value(chosen).maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(to)).cookie(cookie).build();
    }

    @GET
    @Path("decide")
    public Response decide() {
        return page(Page.DECIDE, "/console/decide", Map.of());
    }

    @GET
    @Path("decisions")
    public Response decisions() {
        return page(Page.DECISIONS, "/console/decisions", Map.of());
    }

    @GET
    @Path("decisions/{decisionId}")
    public Response decision(@PathParam("decisionId") String decisionId) {
        return page(Page.DECISION, "/console/decisions/" + decisionId, Map.of("decisionId", decisionId));
    }

    @GET
    @Path("audit")
    public Response audit() {
        return page(Page.AUDIT, "/console/audit", Map.of());
    }

    @GET
    @Path("rulesets")
    public Response rulesets() {
        return page(Page.RULESETS, "/console/rulesets", Map.of());
    }

    @GET
    @Path("rulesets/new")
    public Response upload() {
        return page(Page.UPLOAD, "/console/rulesets/new", Map.of());
    }

    @GET
    @Path("rulesets/{version}")
    public Response ruleset(@PathParam("version") String version) {
        return page(Page.RULESET, "/console/rulesets/" + version, Map.of("version", version));
    }

    private Response page(Page page, String path, Map<String, String> parameters) {
        if (identity.isAnonymous()) {
            // After signing in, back to this page with its query: a shared or bookmarked search opens as it was.
            String query = uri.getRequestUri().getRawQuery();
            String asked = query == null ? path : path + "?" + query;
            return seeOther(isConsolePath(asked)
                    ? "/console/sign-in?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8)
                    : "/console/sign-in");
        }
        String language = language();
        Map<String, String> words = texts.of(language);
        boolean allowed = page.allows(identity);
        Set<String> roles = new TreeSet<>(identity.getRoles());
        List<MenuItem> menu = new ArrayList<>();
        for (Page each : Page.values()) {
            if (each.menuText != null && each.allows(identity)) {
                menu.add(new MenuItem("/console/" + each.template, words.get(each.menuText),
                        each == page.section()));
            }
        }
        Map<String, Boolean> can = new LinkedHashMap<>();
        can.put("decide", identity.hasRole(Roles.DECISION_CLIENT));
        can.put("audit", identity.hasRole(Roles.AUDITOR));
        can.put("upload", identity.hasRole(Roles.RULES_ADMIN));
        can.put("activate", identity.hasRole(Roles.RULES_ADMIN));
        can.put("approve", identity.hasRole(Roles.RULES_APPROVER));
        can.put("rulesets", Page.RULESETS.allows(identity));
        TemplateInstance instance = engine.getTemplate("console/" + (allowed ? page.template : "forbidden"))
                .instance()
                .data("t", words)
                .data("textsJson", texts.json(language))
                .data("lang", language)
                .data("other", other(language))
                .data("path", path)
                .data("assets", assets.version())
                .data("page", allowed ? page.template : "forbidden")
                .data("user", identity.getPrincipal().getName())
                .data("roles", String.join(" ", roles))
                .data("menu", menu)
                .data("can", can)
                .data("needs", String.join(", ", new TreeSet<>(page.roles)))
                .data("decisionId", parameters.getOrDefault("decisionId", ""))
                .data("version", parameters.getOrDefault("version", ""));
        return Response.status(allowed ? Response.Status.OK : Response.Status.FORBIDDEN).entity(instance)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The reader's language: the one they chose, else the first their browser asks for that the console has. */
    private String language() {
        Cookie chosen = headers.getCookies().get(LANGUAGE_COOKIE);
        if (chosen != null && ConsoleTexts.LANGUAGES.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        for (Locale asked : headers.getAcceptableLanguages()) {
            if (asked.getLanguage().equals("en")) {
                return "en";
            }
            if (asked.getLanguage().equals("zh")) {
                return "zh-CN";
            }
        }
        return ConsoleTexts.LANGUAGES.get(0);
    }

    static boolean isConsolePath(String path) {
        return path != null && CONSOLE_PATH.matcher(path).matches() && !path.contains("..") && !path.contains("//");
    }

    private static String other(String language) {
        return language.equals("en") ? "zh-CN" : "en";
    }

    private static Response seeOther(String to) {
        return Response.seeOther(URI.create(to)).build();
    }
}
