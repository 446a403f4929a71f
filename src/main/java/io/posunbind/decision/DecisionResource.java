package io.posunbind.decision;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.posunbind.engine.DecisionAnswer;
import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.Language;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/** POST /api/v1/decisions: HTTP in, one service call, HTTP out. */
@Path("/api/v1/decisions")
@RolesAllowed(Roles.DECISION_CLIENT)
public class DecisionResource {
    private final DecisionService service;
    private final CurrentUser user;

    public DecisionResource(DecisionService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide one unbind case",
            description = "Validates the case, decides it with the active rule set, records it and answers the "
                    + "verdict, findings, steps, fees, refunds, holds and the rules that fired. With an "
                    + "Idempotency-Key, a retry of the same request answers the recorded decision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "DecisionRequest")))
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = DecisionAnswer.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields, each named by its path",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Content type is not application/json",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "The decision could not be recorded, so none is answered",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response decide(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam("Accept-Language") String acceptLanguage) {
        DecisionResult result = service.decide(body, idempotencyKey, user.name(), Language.negotiate(acceptLanguage));
        String id = result.answer().decisionId();
        return Response.ok(result.json(), MediaType.APPLICATION_JSON_TYPE)
                .header("X-Decision-Id", id)
                .header("Content-Language", result.answer().language())
                .location(URI.create("/api/v1/decisions/" + id))
                .build();
    }
}
