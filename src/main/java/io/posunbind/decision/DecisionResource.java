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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.engine.DecisionResult;
import io.posunbind.engine.Language;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/** POST /api/v1/decisions: HTTP in, one service call, HTTP out. */
@Path("/api/v1/decisions")
@Tag(name = "decisions")
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
    @Operation(operationId = "decide", summary = "Decide one unbind case (role decision-client)",
            description = "Validates the case, decides it with the active rule set, records it and answers the "
                    + "verdict, findings, steps, fees, refunds, holds and the rules that fired, each line with its "
                    + "rule and regulation. Nothing is answered that is not recorded. With an Idempotency-Key, a "
                    + "retry of the same request answers the recorded decision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "DecisionRequest"), examples = {
                @ExampleObject(name = "01-switch-provider-deposit-refund", ref = "01-switch-provider-deposit-refund"),
                @ExampleObject(name = "02-regulatory-hold-rejected", ref = "02-regulatory-hold-rejected"),
                @ExampleObject(name = "03-business-closure-missing-documents",
                        ref = "03-business-closure-missing-documents"),
                @ExampleObject(name = "04-merchant-keeps-provider-device-without-purge",
                        ref = "04-merchant-keeps-provider-device-without-purge"),
                @ExampleObject(name = "05-lost-terminal-manual-review", ref = "05-lost-terminal-manual-review"),
                @ExampleObject(name = "06-settlement-issue-with-chargebacks-and-debt",
                        ref = "06-settlement-issue-with-chargebacks-and-debt"),
                @ExampleObject(name = "07-device-fault-fees-waived-leased", ref = "07-device-fault-fees-waived-leased"),
                @ExampleObject(name = "08-contract-end-tamper-capped-flat-fee",
                        ref = "08-contract-end-tamper-capped-flat-fee")}))
    @APIResponse(responseCode = "200", description = "The decision, recorded",
            headers = {@Header(name = "X-Decision-Id", ref = "XDecisionId"), @Header(name = "Location", ref = "Location"),
                @Header(name = "Content-Language", ref = "ContentLanguage")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DecisionAnswer"),
                    examples = {@ExampleObject(name = "answer-01-zh-CN", ref = "answer-01-zh-CN"),
                        @ExampleObject(name = "answer-03-en", ref = "answer-03-en")}))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response decide(byte[] body, @Parameter(ref = "IdempotencyKey") @HeaderParam("Idempotency-Key")
                           String idempotencyKey,
                           @Parameter(ref = "AcceptLanguage") @HeaderParam("Accept-Language") String acceptLanguage) {
        DecisionResult result = service.decide(body, idempotencyKey, user.name(), Language.negotiate(acceptLanguage));
        String id = result.answer().decisionId();
        return Response.ok(result.json(), MediaType.APPLICATION_JSON_TYPE)
                .header("X-Decision-Id", id)
                .header("Content-Language", result.answer().language())
                .location(URI.create("/api/v1/decisions/" + id))
                .build();
    }
}
