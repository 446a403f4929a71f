package io.posunbind.lifecycle;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import io.posunbind.audit.RecordNotFoundException;
import io.posunbind.audit.SimulationScope;
import io.posunbind.config.UnbindConfig;
import io.posunbind.security.CurrentUser;
import io.posunbind.security.Roles;

/**
 * The rule-set versions: list, read, store, activate, reload. HTTP in, one service call, HTTP out. Auditors may read;
 * changing anything is for rules admins, whose name is recorded with what they stored or activated.
 */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    private final RuleSetCatalog catalog;
    private final RuleSetLifecycle lifecycle;
    private final Simulations simulations;
    private final CurrentUser user;
    private final ZoneId zone;

    public RuleSetResource(RuleSetCatalog catalog, RuleSetLifecycle lifecycle, Simulations simulations,
                           CurrentUser user, UnbindConfig config) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.simulations = simulations;
        this.user = user;
        this.zone = config.decisions().zone();
    }

    @GET
    @RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
    @Operation(summary = "List the stored rule-set versions, newest first")
    public Map<String, List<RuleSetView>> list() {
        return Map.of("items", catalog.list());
    }

    @GET
    @Path("active")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The version deciding on this instance, with its files")
    public RuleSetView active() {
        return catalog.active();
    }

    @GET
    @Path("{version}")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
    @Operation(summary = "One stored version, with its files")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    public RuleSetView version(@PathParam("version") String version) {
        return catalog.get(version);
    }

    @POST
    @RolesAllowed(Roles.RULES_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store a candidate rule set",
            description = "Body: {\"files\": {\"path\": \"text\"}, \"label\": \"...\"}. Stored as an immutable "
                    + "version when it compiles, passes the safety lint and every scenario; activates nothing.")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "This version was stored before; nothing changed")
    @APIResponse(responseCode = "422", description = "It does not pass validation; errors name file, line and "
            + "column, and every failed scenario")
    public Response store(byte[] body) {
        RuleSetLifecycle.Stored stored = lifecycle.upload(body, user.name());
        RuleSetView view = catalog.get(stored.version().version());
        RuleSetView summary = new RuleSetView(view.version(), view.createdAt(), view.activatedAt(), view.active(),
                view.source(), view.createdBy(), view.label(), view.fileCount(), view.validation(), null);
        return stored.created()
                ? Response.created(URI.create("/api/v1/rulesets/" + summary.version())).entity(summary).build()
                : Response.ok(summary).build();
    }

    @POST
    @Path("{version}/activate")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(summary = "Make a stored version the one that decides; activating an older one rolls back")
    @APIResponse(responseCode = "404", description = "No such version is stored")
    public ActivationResult activate(@PathParam("version") String version) {
        return lifecycle.activate(version, user.name());
    }

    @POST
    @Path("{version}/simulate")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
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
                             @QueryParam("wait") @DefaultValue("10") int wait) {
        Simulations.Simulation simulation = simulations.start(version, SimulationScope.of(from, to, limit, zone));
        if (simulation.await(Math.max(0, Math.min(wait, 60)) * 1000L)) {
            return Response.ok(simulation.view()).build();
        }
        return Response.accepted(simulation.view())
                .location(URI.create("/api/v1/rulesets/simulations/" + simulation.id())).build();
    }

    @GET
    @Path("simulations/{id}")
    @RolesAllowed({Roles.RULES_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A simulation's progress, and its report once done (kept in memory on this instance)")
    @APIResponse(responseCode = "404", description = "No such simulation on this instance")
    public SimulationView simulation(@PathParam("id") String id) {
        return simulations.find(id).map(Simulations.Simulation::view)
                .orElseThrow(() -> new RecordNotFoundException("No simulation " + id + " is known on this instance"));
    }

    @POST
    @Path("reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(summary = "Read the rules directory again; a changed directory becomes the active version")
    @APIResponse(responseCode = "422", description = "The directory does not pass validation; nothing changed")
    public ActivationResult reload() {
        return lifecycle.reload(user.name(), RuleSetLifecycle.RELOAD);
    }
}
