package io.posunbind.ruleset;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;
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
                    + "them and runs every scenario. Answers errors and warnings with file, line and column, the scenario "
                    + "counts and the failed scenarios (every scenario with scenarios=all). With accept=true, also "
                    + "sets the failing scenarios' expectations to their new answers and answers the changed files. "
                    + "Activates nothing; writes nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "RuleSetFiles")))
    @APIResponse(responseCode = "200", description = "The validation report; valid is false when anything failed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ValidationReport")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public ValidationReport validate(
            @Parameter(description = "true: set every failing scenario's expectations to its new answer and answer "
                    + "the accepted files in accepted.files (the report is then on the accepted files)")
            @QueryParam("accept") @DefaultValue("false") boolean accept,
            @Parameter(description = "true: accept the worked examples (tests/examples/) too; implies accept")
            @QueryParam("acceptExamples") @DefaultValue("false") boolean acceptExamples,
            @Parameter(description = "failed (default): only the failed scenarios' results; all: every scenario's",
                    schema = @Schema(enumeration = {"failed", "all"}))
            @QueryParam("scenarios") @DefaultValue("failed") String scenarios,
            byte[] body) {
        if (!scenarios.equals("failed") && !scenarios.equals("all")) {
            throw new InvalidRequestException(List.of(new FieldError("scenarios", "must be failed or all, not '"
                    + scenarios + "'")));
        }
        ValidationReport report;
        if (accept || acceptExamples) {
            ValidationService.Accepting accepting = service.acceptUpload(body, acceptExamples);
            report = accepting.report().with(accepting.accepted());
        } else {
            report = service.validateUpload(body);
        }
        return scenarios.equals("all") ? report : report.failedScenariosOnly();
    }
}
