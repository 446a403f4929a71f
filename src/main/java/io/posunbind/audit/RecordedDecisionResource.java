package io.posunbind.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.posunbind.security.Roles;

/** The decision log for auditors: read one decision, list them, replay one. HTTP in, one service call, HTTP out. */
@Path("/api/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class RecordedDecisionResource {
    private final RecordedDecisions decisions;
    private final ReplayService replays;

    public RecordedDecisionResource(RecordedDecisions decisions, ReplayService replays) {
        this.decisions = decisions;
        this.replays = replays;
    }

    @GET
    @Path("/{decisionId}")
    @Operation(summary = "One recorded decision",
            description = "The request and answer exactly as received and sent, the rule-set version, asOf, who "
                    + "asked, when it was recorded, and its place in the hash chain.")
    @APIResponse(responseCode = "404", description = "No decision with this id is recorded")
    public RecordView get(@PathParam("decisionId") String decisionId) {
        return decisions.get(decisionId);
    }

    @GET
    @Operation(summary = "Recorded decisions, newest first",
            description = "Filters combine; from and to bound the recording time (a date means that whole day). "
                    + "Pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "400", description = "A bad parameter, named")
    public DecisionPage list(@QueryParam("merchantId") String merchantId, @QueryParam("caseId") String caseId,
                             @QueryParam("verdict") String verdict,
                             @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("rulesetVersion") String rulesetVersion,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return decisions.list(merchantId, caseId, verdict, from, to, rulesetVersion, limit, cursor);
    }

    @POST
    @Path("/{decisionId}/replay")
    @Operation(summary = "Decide a recorded decision again",
            description = "With its recorded request and asOf, against the version that decided it (default), "
                    + "?ruleset={version} or ?ruleset=active; answers identical, both answers and the differences "
                    + "field by field. Records nothing.")
    @APIResponse(responseCode = "404", description = "No such decision, or no such rule-set version stored")
    public Replay replay(@PathParam("decisionId") String decisionId, @QueryParam("ruleset") String ruleset) {
        return replays.replay(decisionId, ruleset);
    }
}
