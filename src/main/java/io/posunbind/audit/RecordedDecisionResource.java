package io.posunbind.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.security.Roles;

/** The decision log for auditors: read one decision, list them, replay one. HTTP in, one service call, HTTP out. */
@Path("/api/v1/decisions")
@Tag(name = "audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class RecordedDecisionResource {
    static final String PDF = "application/pdf";

    private final RecordedDecisions decisions;
    private final ReplayService replays;
    private final TransparencyLog log;
    private final CaseFiles caseFiles;

    public RecordedDecisionResource(RecordedDecisions decisions, ReplayService replays, TransparencyLog log,
                                    CaseFiles caseFiles) {
        this.decisions = decisions;
        this.replays = replays;
        this.log = log;
        this.caseFiles = caseFiles;
    }

    @GET
    @Path("/{decisionId}/case-file")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getCaseFile", summary = "The case file of a recorded decision, for a regulator "
            + "(role auditor)", description = "Accept: application/pdf (default): a PDF in Chinese and English with "
            + "the request, the verdict with every finding, fee, refund, hold and step and its regulation, the "
            + "rule-set version with its approvals, the text of the rules that fired, and the inclusion proof with "
            + "the signed checkpoint and the key's fingerprint. Accept: application/json: the same decision as a "
            + "bundle, {\"export\": [lines of an audit export]}, that verify-export checks with no database.")
    @APIResponse(responseCode = "200", description = "The case file", content = {
        @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseFileBundle"))})
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response caseFile(@Parameter(ref = "DecisionId") @PathParam("decisionId") String decisionId,
                             @Context HttpHeaders headers) {
        boolean json = headers.getAcceptableMediaTypes().stream().findFirst()
                .filter(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType()).isPresent();
        if (json) {
            StreamingOutput body = caseFiles.bundle(decisionId)::writeTo;
            return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Content-Disposition",
                    "attachment; filename=\"case-file-" + decisionId + ".json\"").build();
        }
        return Response.ok(caseFiles.pdf(decisionId), PDF).header("Content-Disposition",
                "attachment; filename=\"case-file-" + decisionId + ".pdf\"").build();
    }

    @GET
    @Path("/{decisionId}/proof")
    @Operation(operationId = "getDecisionProof", summary = "The inclusion proof of a recorded decision (role auditor)",
            description = "RFC 9162 §2.1.3: its leaf index, the tree size, its record and leaf hash and the audit "
                    + "path (hex, bottom first) that lead to the root of the signed checkpoint given with them. A "
                    + "checkpoint is signed now when none covers the decision yet.")
    @APIResponse(responseCode = "200", description = "The proof", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InclusionProof")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public TransparencyLog.Proof proof(@Parameter(ref = "DecisionId") @PathParam("decisionId") String decisionId) {
        return log.proof(decisionId);
    }

    @GET
    @Path("/{decisionId}")
    @Operation(operationId = "getDecision", summary = "One recorded decision (role auditor)",
            description = "The request and answer exactly as received and sent, the rule-set version, asOf, who "
                    + "asked, when it was recorded, and its place in the hash chain.")
    @APIResponse(responseCode = "200", description = "The recorded decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RecordedDecision")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RecordView get(@Parameter(ref = "DecisionId") @PathParam("decisionId") String decisionId) {
        return decisions.get(decisionId);
    }

    @GET
    @Operation(operationId = "listDecisions", summary = "Recorded decisions, newest first (role auditor)",
            description = "Filters combine; from and to bound the recording time (a date means that whole day in "
                    + "the service's zone). Pass nextCursor as cursor for the next page. An unknown parameter is "
                    + "refused.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DecisionPage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public DecisionPage list(
            @Parameter(description = "Only this merchant's decisions") @QueryParam("merchantId") String merchantId,
            @Parameter(description = "Only the decisions of this case (the caller's caseId)") @QueryParam("caseId")
            String caseId,
            @Parameter(description = "Only decisions with this verdict", schema = @Schema(ref = "Verdict"))
            @QueryParam("verdict") String verdict,
            @Parameter(description = "Recorded at or after: 2026-11-26 or 2026-11-26T08:00:00Z")
            @QueryParam("from") String from,
            @Parameter(description = "Recorded before (a date includes that day)") @QueryParam("to") String to,
            @Parameter(description = "Only decisions made by this rule-set version") @QueryParam("rulesetVersion")
            String rulesetVersion,
            @Parameter(description = "At most this many, 1 to 500; default 50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the page before") @QueryParam("cursor") String cursor) {
        return decisions.list(merchantId, caseId, verdict, from, to, rulesetVersion, limit, cursor);
    }

    @POST
    @Path("/{decisionId}/replay")
    @Operation(operationId = "replayDecision", summary = "Decide a recorded decision again (role auditor)",
            description = "With its recorded request, asOf and language, against the version that decided it "
                    + "(default), ?ruleset={version} or ?ruleset=active; answers identical, both answers and the "
                    + "differences field by field. Records nothing.")
    @APIResponse(responseCode = "200", description = "The replay", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Replay")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleSetRejected")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Replay replay(@Parameter(ref = "DecisionId") @PathParam("decisionId") String decisionId,
                         @Parameter(description = "The version to replay with: a version, or active; default the "
                                 + "recorded one") @QueryParam("ruleset") String ruleset) {
        return replays.replay(decisionId, ruleset);
    }
}
