package io.posunbind.decision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.engine.Language;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/** GET /api/v1/decisions/{id}/remedies: HTTP in, one service call, HTTP out. */
@Path("/api/v1/decisions/{decisionId}/remedies")
@Tag(name = "decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.DECISION_CLIENT, Roles.AUDITOR})
public class RemedyResource {
    private final RemedyService service;
    private final CurrentUser user;

    public RemedyResource(RemedyService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Operation(operationId = "getRemedies", summary = "What would change the verdict (roles decision-client, auditor)",
            description = "The smallest sets of changes the merchant can make (provide documents, prove the wipe or "
                    + "return the device, verify the courier or the settlement account, withdraw an account change, "
                    + "settle, pay the balance) that make the case APPROVED or APPROVED_WITH_CONDITIONS (APPROVED for "
                    + "a case approved with conditions). Each set is verified by deciding the changed case with the "
                    + "version that made the decision. Risk flags, regulatory holds and the like are never suggested; "
                    + "a case nothing cures says so and lists the findings that stay. A calling system sees the "
                    + "decisions it asked for. Records nothing.")
    @APIResponse(responseCode = "200", description = "The remedies",
            headers = @Header(name = "Content-Language", ref = "ContentLanguage"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RemedyReport"),
                    examples = @ExampleObject(name = "remedies-03-en", ref = "remedies-03-en")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response remedies(@Parameter(ref = "DecisionId") @PathParam("decisionId") String decisionId,
                             @Parameter(ref = "AcceptLanguage") @HeaderParam("Accept-Language") String acceptLanguage) {
        RemedyReport report = service.remedies(decisionId, user, Language.negotiate(acceptLanguage));
        return Response.ok(report).header("Content-Language", report.language()).build();
    }
}
