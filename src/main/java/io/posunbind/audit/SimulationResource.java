package io.posunbind.audit;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.posunbind.security.Roles;

/**
 * Backtests of rule-set versions over the recorded decisions: start one, poll it. HTTP in, one service call, HTTP
 * out. Under {@code /api/v1/rulesets} because a backtest is about a version; its code is the audit's, because it
 * reads the decision log.
 */
@Path("/api/v1/rulesets")
@Tag(name = "simulations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
public class SimulationResource {
    private final Simulations simulations;
    private final RuleUsage usage;

    public SimulationResource(Simulations simulations, RuleUsage usage) {
        this.simulations = simulations;
        this.usage = usage;
    }

    @POST
    @Path("{version}/simulate")
    @Operation(operationId = "simulate", summary = "Backtest a version over recorded decisions (roles rules-admin, "
            + "rules-approver, auditor)", description = "Decides the recorded decisions again under the version (recorded between "
                    + "from and to, the newest limit of them; default 1000), each also under the baseline, and counts "
                    + "how many would change verdict, "
                    + "fees or steps, by finding, fee and step code, listing each changed decision. Answers 200 with "
                    + "the report when done within wait seconds (default 10), else 202 with the simulation to poll.")
    @APIResponse(responseCode = "200", description = "Done (or failed): the report is in result", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "202", description = "Still running: poll the Location",
            headers = @Header(name = "Location", ref = "Location"), content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response simulate(@Parameter(ref = "Version") @PathParam("version") String version,
                             @Parameter(description = "Recorded at or after: a date or an instant") @QueryParam("from")
                             String from,
                             @Parameter(description = "Recorded before (a date includes that day)") @QueryParam("to")
                             String to,
                             @Parameter(description = "The newest this many, 1 to 100000; default 1000",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100000"))
                             @QueryParam("limit") String limit,
                             @Parameter(description = "Seconds to wait for the report, 0 to 60; default 10",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "60"))
                             @QueryParam("wait") String wait,
                             @Parameter(description = "What to compare with: active (the default; the version "
                                     + "deciding now, on the same recorded requests, so only the candidate's change "
                                     + "shows), recorded (the answers as recorded), or a stored version")
                             @QueryParam("baseline") String baseline) {
        SimulationView simulation = simulations.simulate(version, from, to, limit, wait, baseline);
        if (simulation.running()) {
            return Response.accepted(simulation)
                    .location(URI.create("/api/v1/rulesets/simulations/" + simulation.simulationId())).build();
        }
        return Response.ok(simulation).build();
    }

    @GET
    @Path("{version}/usage")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.RULES_APPROVER, Roles.AUDITOR})
    @Operation(operationId = "ruleUsage", summary = "How often each rule of a version fired in a period (roles "
            + "rules-admin, rules-approver, auditor)", description = "Counted in the decisions the version made, "
                    + "recorded between from and to, from their firedRules; the rules that never fired are listed.")
    @APIResponse(responseCode = "200", description = "The usage", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RuleUsage")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RuleUsage.Report usage(@Parameter(ref = "Version") @PathParam("version") String version,
                                  @Parameter(description = "Recorded at or after: a date or an instant")
                                  @QueryParam("from") String from,
                                  @Parameter(description = "Recorded before (a date includes that day)")
                                  @QueryParam("to") String to) {
        return usage.of(version, from, to);
    }

    @GET
    @Path("simulations/{id}")
    @Operation(operationId = "getSimulation", summary = "A simulation's progress, and its report once done (roles "
            + "rules-admin, rules-approver, auditor)", description = "processed of total while it runs; the report in result once it "
                    + "is DONE, with a page of the changed decisions (offset, limit). Stored in the database: any "
                    + "instance answers.")
    @APIResponse(responseCode = "200", description = "The simulation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Simulation")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public SimulationView simulation(@Parameter(description = "The simulationId") @PathParam("id") String id,
                                     @Parameter(description = "The first changed decision to list; default 0")
                                     @QueryParam("offset") String offset,
                                     @Parameter(description = "Changed decisions to list, 1 to 1000; default 100")
                                     @QueryParam("limit") String limit) {
        return simulations.view(id, offset, limit);
    }
}
