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

import io.posunbind.security.Roles;

/** Checking and exporting the decision log. HTTP in, one service call, HTTP out. */
@Path("/api/v1/audit")
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
    @Operation(summary = "Check the tamper-evident chains",
            description = "Walks every writer's hash chain and every rule-set snapshot; answers the records checked, "
                    + "whether all is intact and the first break.")
    public Verification verify() {
        return verifier.verify();
    }

    @GET
    @Path("/export")
    @Produces({NDJSON, JSONL})
    @Operation(summary = "Every recorded decision in a time range, as JSON Lines",
            description = "One record per line, oldest first, streamed. from and to bound the recording time.")
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
        StreamingOutput body = decisions.export(from, to)::writeTo;
        return Response.ok(body).build();
    }
}
