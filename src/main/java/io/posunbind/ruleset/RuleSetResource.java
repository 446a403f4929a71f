package io.posunbind.ruleset;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/**
 * The rule-set versions: list, read, store, activate, reload. HTTP in, one service call, HTTP out. Auditors may read;
 * changing anything is for rules admins, whose name is recorded with what they stored or activated.
 */
@Path("/api/v1/rulesets")
@Tag(name = "rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    private final RuleSetCatalog catalog;
    private final RuleSetLifecycle lifecycle;
    private final CurrentUser user;

    public RuleSetResource(RuleSetCatalog catalog, RuleSetLifecycle lifecycle, CurrentUser user) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "listRuleSets", summary = "The stored rule-set versions, newest first (roles rules-admin, "
            + "auditor)", description = "Each version with when and by whom it was stored and last activated, its "
                    + "label and what its validation found; the one deciding on this instance is marked active.")
    @APIResponse(responseCode = "200", description = "Every stored version, without files", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetList")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Map<String, List<RuleSetView>> list() {
        return Map.of("items", catalog.list());
    }

    @GET
    @Path("active")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getActiveRuleSet", summary = "The version deciding on this instance, with its files "
            + "(roles rules-admin, auditor)", description = "Every file's text by path, rule files, texts, scenarios "
                    + "and documentation alike.")
    @APIResponse(responseCode = "200", description = "The active version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetVersion")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RuleSetView active() {
        return catalog.active();
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "getRuleSet", summary = "One stored version, with its files (roles rules-admin, auditor)",
            description = "The version's row and every file's text by path.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetVersion")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RuleSetView version(@Parameter(ref = "Version") @PathParam("version") String version) {
        return catalog.get(version);
    }

    @GET
    @Path("{version}/diff")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "diffRuleSets", summary = "What differs between two versions (roles rules-admin, "
            + "rules-approver, auditor)", description = "The files added, removed and changed, each with a unified "
                    + "diff; the rules added, removed and changed by name, with their metadata; the scenarios.")
    @APIResponse(responseCode = "200", description = "The differences", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetDiff")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RuleSetDiff diff(@Parameter(ref = "Version") @PathParam("version") String version,
                           @Parameter(description = "The version to compare with, or active (the default)")
                           @QueryParam("against") String against) {
        return catalog.diff(version, against);
    }

    @POST
    @RolesAllowed(Roles.RULES_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "storeRuleSet", summary = "Store a candidate rule set (role rules-admin)",
            description = "Stored as an immutable version when it compiles, passes the safety lint, has its texts in "
                    + "every language and passes every scenario; activates nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RuleSetUpload")))
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetVersion")))
    @APIResponse(responseCode = "200", description = "This version was stored before; nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetVersion")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "RuleSetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response store(byte[] body) {
        RuleSetLifecycle.Stored stored = lifecycle.upload(body, user.name());
        return stored.created()
                ? Response.created(URI.create("/api/v1/rulesets/" + stored.version().version()))
                        .entity(stored.version()).build()
                : Response.ok(stored.version()).build();
    }

    @POST
    @Path("{version}/activate")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(operationId = "activateRuleSet", summary = "Make an approved version the one that decides (role "
            + "rules-admin)", description = "On every instance within unbind.rules.sync-interval; activating an older "
                    + "version rolls back. The version must be approved by someone other than its author, or have "
                    + "been active before.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ActivationRequest")))
    @APIResponse(responseCode = "200", description = "The activation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Activation")))
    @APIResponse(responseCode = "202", description = "Scheduled: with effectiveAt, it becomes active at that instant "
            + "on every instance", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(ref = "Schedule")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleSetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response activate(@Parameter(ref = "Version") @PathParam("version") String version, byte[] body) {
        GovernanceRequest request = GovernanceRequest.parse(body, true);
        if (request.effectiveAt() != null) {
            Schedule schedule = lifecycle.schedule(version, request.effectiveAt(), user.name(), request.comment());
            return Response.accepted(schedule).location(URI.create("/api/v1/rulesets/schedules")).build();
        }
        return Response.ok(lifecycle.activate(version, user.name(), request.comment())).build();
    }

    @GET
    @Path("schedules")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "listSchedules", summary = "The scheduled activations still ahead, earliest first "
            + "(roles rules-admin, rules-approver, auditor)", description = "Each with the version, the instant it "
                    + "takes effect on every instance, and who scheduled it when; cancelled and past ones are not "
                    + "listed (the governance log and the activation history have them).")
    @APIResponse(responseCode = "200", description = "The pending schedules", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ScheduleList")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Map<String, List<Schedule>> schedules() {
        return Map.of("items", lifecycle.schedules());
    }

    @POST
    @Path("schedules/{scheduleId}/cancel")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(operationId = "cancelSchedule", summary = "Cancel a scheduled activation (role rules-admin)",
            description = "Recorded in the governance log; every instance disarms it at its next sync, so cancel at "
                    + "least unbind.rules.sync-interval before the instant.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CommentRequest")))
    @APIResponse(responseCode = "200", description = "The schedule cancelled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Schedule")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Schedule cancel(@Parameter(description = "The schedule's id") @PathParam("scheduleId") String scheduleId,
                           byte[] body) {
        long id;
        try {
            id = Long.parseLong(scheduleId);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(List.of(new FieldError("scheduleId", "must be a schedule's number, as "
                    + "GET /api/v1/rulesets/schedules lists them")));
        }
        return lifecycle.cancel(id, user.name(), GovernanceRequest.parse(body, false).comment());
    }

    @POST
    @Path("{version}/approve")
    @RolesAllowed(Roles.RULES_APPROVER)
    @Operation(operationId = "approveRuleSet", summary = "Approve a stored version (role rules-approver)",
            description = "The second person of four-eyes: someone other than its author. Recorded in the "
                    + "governance log with the comment.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ApprovalRequest")))
    @APIResponse(responseCode = "200", description = "Where the version stands in approval", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalState")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ApprovalState approve(@Parameter(ref = "Version") @PathParam("version") String version, byte[] body) {
        return lifecycle.approve(version, user.name(), GovernanceRequest.parse(body, false).comment());
    }

    @POST
    @Path("{version}/reject")
    @RolesAllowed(Roles.RULES_APPROVER)
    @Operation(operationId = "rejectRuleSet", summary = "Reject a stored version (role rules-approver)",
            description = "It cannot be activated until the same approver approves it. Recorded with the comment.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "ApprovalRequest")))
    @APIResponse(responseCode = "200", description = "Where the version stands in approval", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ApprovalState")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ApprovalState reject(@Parameter(ref = "Version") @PathParam("version") String version, byte[] body) {
        return lifecycle.reject(version, user.name(), GovernanceRequest.parse(body, false).comment());
    }

    @GET
    @Path("activations")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "listActivations", summary = "Every activation, newest first (roles rules-admin, "
            + "rules-approver, auditor)", description = "Each with the version it replaced, who, when, on which "
                    + "instance and why (startup, reload, activate, watch, schedule).")
    @APIResponse(responseCode = "200", description = "The activations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ActivationList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Map<String, List<RuleSetCatalog.ActivationView>> activations(@QueryParam("limit") String limit) {
        return Map.of("items", catalog.activations(limit(limit)));
    }

    @GET
    @Path("events")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "listRuleSetEvents", summary = "The governance log, newest first (roles rules-admin, "
            + "rules-approver, auditor)", description = "Every version stored, approved, rejected, activated, "
                    + "scheduled or cancelled, with who, when and the comment; hash-chained, checked by verify.")
    @APIResponse(responseCode = "200", description = "The events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleSetEventList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Map<String, List<RuleSetEvent>> events(@QueryParam("version") String version,
                                                  @QueryParam("limit") String limit) {
        return Map.of("items", catalog.events(version, limit(limit)));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(List.of(new FieldError("limit", "must be a whole number from 1 to 1000")));
    }

    @POST
    @Path("reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(operationId = "reloadRuleSets", summary = "Read the rules directory again (role rules-admin)",
            description = "A directory whose version is not the active one is validated and stored, and activated "
                    + "when it is approved or was active before; otherwise it stays stored, awaiting approval (409).")
    @APIResponse(responseCode = "200", description = "The activation (changed false when nothing changed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Activation")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleSetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public ActivationResult reload() {
        return lifecycle.reload(user.name(), RuleSetLifecycle.RELOAD);
    }
}
