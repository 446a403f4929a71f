package io.posunbind.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import io.posunbind.security.CurrentUser;
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
    private final TransparencyLog log;
    private final Retention retention;
    private final CurrentUser user;

    public AuditResource(ChainVerifier verifier, RecordedDecisions decisions, TransparencyLog log, Retention retention,
                         CurrentUser user) {
        this.verifier = verifier;
        this.decisions = decisions;
        this.log = log;
        this.retention = retention;
        this.user = user;
    }

    @GET
    @Path("/retention")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRetention", summary = "What retention keeps and what it purged (role auditor)",
            description = "unbind.audit.retention, the cutoff it gives now, how many records are older, and every "
                    + "purge so far with its signed archival checkpoint.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RetentionStatus")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Retention.Status retention() {
        return retention.status();
    }

    @POST
    @Path("/archive")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "archiveDecisions", summary = "Archive and purge the records older than the retention "
            + "(role auditor)", description = "Exports the records recorded before now minus "
            + "unbind.audit.retention to a file under unbind.audit.archive-directory, checks it as verify-export "
            + "does, then purges them in one transaction with a signed archival checkpoint. Their leaves stay in "
            + "the tree, so checkpoints and proofs stay valid; verify accounts for every purged record. When no "
            + "record is old enough, purgedCount is 0 and nothing is written; 400 when no retention is set.")
    @APIResponse(responseCode = "200", description = "What was archived and purged", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ArchiveResult")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Retention.ArchiveResult archive() {
        return retention.archive(user.name());
    }

    @GET
    @Path("/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getCheckpoint", summary = "The latest signed checkpoint (role auditor)",
            description = "A C2SP tlog-checkpoint (origin, tree size, base64 root hash) signed as a C2SP signed note "
                    + "with Ed25519: check it with the key of getPublicKey. Signed now when none exists yet.")
    @APIResponse(responseCode = "200", description = "The signed note", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public String checkpoint() {
        return log.latest().signedNote();
    }

    @POST
    @Path("/checkpoint")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "makeCheckpoint", summary = "Sign a checkpoint of the whole log now (role auditor)",
            description = "Makes every recorded decision a leaf of the tree first, then signs its head; answers the "
                    + "latest one when the tree did not grow.")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Checkpoint")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public TransparencyLog.CheckpointView makeCheckpoint() {
        return log.checkpointNow();
    }

    @GET
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCheckpoints", summary = "The newest signed checkpoints (role auditor)",
            description = "Newest first, at most limit (default 100): each tree size, root, when and by which "
                    + "instance, and its signed note.")
    @APIResponse(responseCode = "200", description = "The checkpoints", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CheckpointList")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public TransparencyLog.CheckpointList checkpoints(
            @Parameter(description = "At most this many, 1 to 1000; default 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit) {
        return new TransparencyLog.CheckpointList(log.newest(QueryParameters.checkpointLimit(limit)));
    }

    @GET
    @Path("/public-key")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "getPublicKey", summary = "The verifier key of the checkpoints (role auditor)",
            description = "<name>+<key id>+<base64 key>, the C2SP signed-note verifier key of the Ed25519 key that "
                    + "signs the checkpoints. Keep a copy outside the service: it is what makes a checkpoint proof.")
    @APIResponse(responseCode = "200", description = "The verifier key", content = @Content(
            mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String publicKey() {
        return log.verifier().encoded();
    }

    @GET
    @Path("/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsistencyProof", summary = "A consistency proof between two checkpoints "
            + "(role auditor)", description = "RFC 9162 §2.1.4: the hashes that prove the tree of size to extends "
            + "the tree of size from, with both signed checkpoints. from and to are tree sizes of signed "
            + "checkpoints, 1 <= from <= to.")
    @APIResponse(responseCode = "200", description = "The proof", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsistencyProof")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public TransparencyLog.Consistency consistency(
            @Parameter(description = "The older checkpoint's tree size", required = true) @QueryParam("from")
            String from,
            @Parameter(description = "The newer checkpoint's tree size", required = true) @QueryParam("to")
            String to) {
        long[] sizes = QueryParameters.treeSizes(from, to);
        return log.consistency(sizes[0], sizes[1]);
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
            description = "A header line, then one recorded decision per line (the shape of getDecision, with its "
                    + "leafIndex and its recorded columns and exact bytes), oldest first, streamed; then the nodes of "
                    + "the tree the export does not hold, the signed checkpoint, the purges and an end line: "
                    + "verify-export checks it with no database (docs/audit.md). from and to bound the recording "
                    + "time.")
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
