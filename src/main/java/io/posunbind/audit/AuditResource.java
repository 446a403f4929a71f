package io.posunbind.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** Checking and exporting the decision log. HTTP in, one service call, HTTP out. */
@Path("/api/v1/audit")
@Tag(name = "audit")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {
    /** JSON Lines; application/jsonl is served too for clients that ask for it. */
    static final String NDJSON = "application/x-ndjson";
    static final String JSONL = "application/jsonl";

    private final ChainVerifier verifier;
    private final RecordedDecisions decisions;

    public AuditResource(ChainVerifier verifier, RecordedDecisions decisions) {
        this.verifier = verifier;
        this.decisions = decisions;
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAudit", summary = "Check the tamper-evident chains (role auditor)",
            description = "Walks every writer's hash chain and every rule-set snapshot; answers the records checked, "
                    + "whether all is intact and the first break.")
    @APIResponse(responseCode = "200", description = "What verification found", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Verification")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Verification verify() {
        return verifier.verify();
    }

    @GET
    @Path("/export")
    @Produces({NDJSON, JSONL})
    @Operation(operationId = "exportDecisions", summary = "Recorded decisions as JSON Lines (role auditor)",
            description = "One recorded decision per line (the shape of getDecision), oldest first, streamed. from "
                    + "and to bound the recording time.")
    @APIResponse(responseCode = "200", description = "The decisions, one JSON object a line", content = {
        @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response export(@Parameter(description = "Recorded at or after: a date or an instant") @QueryParam("from")
                           String from,
                           @Parameter(description = "Recorded before (a date includes that day)") @QueryParam("to")
                           String to) {
        StreamingOutput body = decisions.export(from, to)::writeTo;
        return Response.ok(body).build();
    }
}
