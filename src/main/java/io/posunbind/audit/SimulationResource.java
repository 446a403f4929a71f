package io.posunbind.audit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.ruleset.GovernanceRequest;
import io.posunbind.ruleset.RuleSetLifecycle;
import io.posunbind.ruleset.ShadowRuleSet;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/**
 * Backtests of rule-set versions over the recorded decisions: start one, poll it. HTTP in, one service call, HTTP
 * out. Under {@code /api/v1/rulesets} because a backtest is about a version; its code is the audit's, because it
 * reads the decision log.
 */
@Path("/api/v1/rulesets")
@Tag(name = "simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
public class SimulationResource {
    private final Simulations simulations;
    private final RuleUsage usage;
    private final RuleSetLifecycle lifecycle;
    private final ShadowRuleSet shadowRuleSet;
    private final ShadowEvaluation shadowEvaluation;
    private final CurrentUser user;

    public SimulationResource(Simulations simulations, RuleUsage usage, RuleSetLifecycle lifecycle,
                              ShadowRuleSet shadowRuleSet, ShadowEvaluation shadowEvaluation, CurrentUser user) {
        this.simulations = simulations;
        this.usage = usage;
        this.lifecycle = lifecycle;
        this.shadowRuleSet = shadowRuleSet;
        this.shadowEvaluation = shadowEvaluation;
        this.user = user;
    }

    @POST
    @Path("{version}/simulate")
    @Operation(operationId = "simulate", summary = "Backtest a version over recorded decisions (roles rules-admin, "
            + "rules-approver, auditor)", description = "Decides the recorded decisions again under the version (recorded between "
                    + "from and to, the newest limit of them; default 1000), each also under the baseline, and counts "
                    + "how many would change verdict, "
                    + "fees or steps, by finding, fee and step code, listing each changed decision. Answers 200 with "
                    + "the report when done within wait seconds (default 10), else 202 with the simulation to poll.")
    @APIResponse(responseCode = "200", description = "Done (or failed): the report is in result", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "202", description = "Still running: poll the Location",
            headers = @Header(name = "Location", ref = "Location"), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response simulate(@Parameter(ref = "Version") @PathParam("version") String version,
                             @Parameter(description = "Recorded at or after: a date or an instant") @QueryParam("from")
                             String from,
                             @Parameter(description = "Recorded before (a date includes that day)") @QueryParam("to")
                             String to,
                             @Parameter(description = "The newest this many, 1 to 1000000; default 1000",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000000"))
                             @QueryParam("limit") String limit,
                             @Parameter(description = "Seconds to wait for the report, 0 to 60; default 10",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "60"))
                             @QueryParam("wait") String wait,
                             @Parameter(description = "What to compare with: active (the default; the version "
                                     + "deciding now, on the same recorded requests, so only the candidate's change "
                                     + "shows), recorded (the answers as recorded), or a stored version")
                             @QueryParam("baseline") String baseline) {
        SimulationView simulation = simulations.simulate(version, from, to, limit, wait, baseline);
        if (simulation.running()) {
            return Response.accepted(simulation)
                    .location(URI.create("/api/v1/rulesets/simulations/" + simulation.simulationId())).build();
        }
        return Response.ok(simulation).build();
    }

    @POST
    @Path("{version}/shadow")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(operationId = "startShadow", summary = "Let a stored version shadow the active one (role rules-admin)",
            description = "On every instance within a sync, it decides every live request as well, off the answer "
                    + "path: the answers, their latency and their recording are the active version's. Differences "
                    + "are counted (unbind.shadow.* metrics) and reported at GET /api/v1/rulesets/shadow. Recorded in "
                    + "the governance log; needs no approval, since it decides nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentRequest")))
    @APIResponse(responseCode = "200", description = "The shadow session", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShadowSession")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ShadowRuleSet.Session startShadow(@Parameter(ref = "Version") @PathParam("version") String version,
                                             byte[] body) {
        return lifecycle.startShadow(version, user.name(), comment(body));
    }

    @POST
    @Path("shadow/stop")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(operationId = "stopShadow", summary = "Stop the shadow (role rules-admin)",
            description = "On every instance within a sync; its reports stay readable.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentRequest")))
    @APIResponse(responseCode = "200", description = "The session stopped", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShadowSession")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ShadowRuleSet.Session stopShadow(byte[] body) {
        return lifecycle.stopShadow(user.name(), comment(body));
    }

    @GET
    @Path("shadow")
    @Operation(operationId = "getShadow", summary = "The shadow running, and each instance's report of it (roles "
            + "rules-admin, rules-approver, auditor)", description = "Or of the session given by session=.")
    @APIResponse(responseCode = "200", description = "The shadow and its reports", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ShadowStatus")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Map<String, Object> shadow(@Parameter(description = "A session's id, as startShadow answered it")
                                      @QueryParam("session") String session) {
        Optional<ShadowRuleSet.Session> running = shadowRuleSet.session();
        Long id = session == null || session.isBlank() ? running.map(ShadowRuleSet.Session::id).orElse(null)
                : parseSession(session);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("running", running.orElse(null));
        status.put("reports", id == null ? List.of() : shadowEvaluation.reports(id));
        return status;
    }

    private static long parseSession(String session) {
        try {
            return Long.parseLong(session.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new FieldError("session", "must be a session's number")));
        }
    }

    private static String comment(byte[] body) {
        return GovernanceRequest.parse(body, false).comment();
    }

    @GET
    @Path("{version}/usage")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "ruleUsage", summary = "How often each rule of a version fired in a period (roles "
            + "rules-admin, rules-approver, auditor)", description = "Counted in the decisions the version made, "
                    + "recorded between from and to, from their firedRules; the rules that never fired are listed.")
    @APIResponse(responseCode = "200", description = "The usage", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleUsage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RuleUsage.Report usage(@Parameter(ref = "Version") @PathParam("version") String version,
                                  @Parameter(description = "Recorded at or after: a date or an instant")
                                  @QueryParam("from") String from,
                                  @Parameter(description = "Recorded before (a date includes that day)")
                                  @QueryParam("to") String to) {
        return usage.of(version, from, to);
    }

    @GET
    @Path("simulations/{id}")
    @Operation(operationId = "getSimulation", summary = "A simulation's progress, and its report once done (roles "
            + "rules-admin, rules-approver, auditor)", description = "processed of total while it runs; the report in result once it "
                    + "is DONE, with a page of the changed decisions (offset, limit). Stored in the database: any "
                    + "instance answers.")
    @APIResponse(responseCode = "200", description = "The simulation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public SimulationView simulation(@Parameter(description = "The simulationId") @PathParam("id") String id,
                                     @Parameter(description = "The first changed decision to list; default 0")
                                     @QueryParam("offset") String offset,
                                     @Parameter(description = "Changed decisions to list, 1 to 1000; default 100")
                                     @QueryParam("limit") String limit) {
        return simulations.view(id, offset, limit);
    }
}
