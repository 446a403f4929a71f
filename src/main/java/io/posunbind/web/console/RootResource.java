package io.posunbind.web.console;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;


/** The service's address leads people to the console; API clients use /api/v1 and never ask for /. */
@Path("/")
@PermitAll
public class RootResource {
    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }
}
