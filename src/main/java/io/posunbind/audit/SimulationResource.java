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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.posunbind.security.Roles;

/**
 * Backtests of rule-set versions over the recorded decisions: start one, poll it. HTTP in, one service call, HTTP
 * out. Under {@code /api/v1/rulesets} because a backtest is about a version; its code is the audit's, because it
 * reads the decision log.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
public class SimulationResource {
    private final Simulations simulations;

    public SimulationResource(Simulations simulations) {
        this.simulations = simulations;
    }

    @POST
    @Path("{version}/simulate")
    @Operation(summary = "Backtest a version over recorded decisions",
            description = "Decides the recorded decisions again under the version (recorded between from and to, "
                    + "the newest limit of them; default 1000) and counts how many would change verdict, fees or "
                    + "steps, by finding, fee and step code, listing each changed decision. Answers 200 with the "
                    + "report when done within wait seconds (default 10), else 202 with the simulation to poll.")
    @APIResponse(responseCode = "200", description = "Done: the report is in result")
    @APIResponse(responseCode = "202", description = "Still running: poll the Location")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    public Response simulate(@PathParam("version") String version, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("limit") String limit,
                             @QueryParam("wait") String wait) {
        SimulationView simulation = simulations.simulate(version, from, to, limit, wait);
        if (simulation.running()) {
            return Response.accepted(simulation)
                    .location(URI.create("/api/v1/rulesets/simulations/" + simulation.simulationId())).build();
        }
        return Response.ok(simulation).build();
    }

    @GET
    @Path("simulations/{id}")
    @Operation(summary = "A simulation's progress, and its report once done (kept in memory on this instance)")
    @APIResponse(responseCode = "404", description = "No such simulation on this instance")
    public SimulationView simulation(@PathParam("id") String id) {
        return simulations.view(id);
    }
}
