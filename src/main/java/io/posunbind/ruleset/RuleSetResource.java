package io.posunbind.ruleset;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    private final CurrentUser user;

    public RuleSetResource(RuleSetCatalog catalog, RuleSetLifecycle lifecycle, CurrentUser user) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.user = user;
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
        return stored.created()
                ? Response.created(URI.create("/api/v1/rulesets/" + stored.version().version()))
                        .entity(stored.version()).build()
                : Response.ok(stored.version()).build();
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
    @Path("reload")
    @RolesAllowed(Roles.RULES_ADMIN)
    @Operation(summary = "Read the rules directory again; a changed directory becomes the active version")
    @APIResponse(responseCode = "422", description = "The directory does not pass validation; nothing changed")
    public ActivationResult reload() {
        return lifecycle.reload(user.name(), RuleSetLifecycle.RELOAD);
    }
}
