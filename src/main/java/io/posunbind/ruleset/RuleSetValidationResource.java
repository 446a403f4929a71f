package io.posunbind.ruleset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.security.Roles;

/** POST /api/v1/rulesets/validate: HTTP in, one service call, HTTP out. Activates nothing. */
@Path("/api/v1/rulesets/validate")
@Tag(name = "rulesets")
@RolesAllowed(Roles.RULES_ADMIN)
public class RuleSetValidationResource {
    private final ValidationService service;

    public RuleSetValidationResource(ValidationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "validateRuleSet", summary = "Validate a candidate rule set (role rules-admin)",
            description = "Checks the files (safety, syntax, fact vocabulary, rule names, phases, texts), compiles "
                    + "them and runs every scenario. Answers errors and warnings with file, line and column, and each "
                    + "scenario's result. Activates nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RuleSetFiles")))
    @APIResponse(responseCode = "200", description = "The validation report; valid is false when anything failed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ValidationReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public ValidationReport validate(byte[] body) {
        return service.validateUpload(body);
    }
}
