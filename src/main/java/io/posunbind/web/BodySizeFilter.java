package io.posunbind.web;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.posunbind.config.UnbindConfig;

/**
 * Refuses a body whose declared length is over the limit before reading it, and a body that declares no length
 * (chunked) as soon as it has read past the limit. The HTTP layer's own hard limit (quarkus.http.limits.max-body-size)
 * stays as the backstop.
 */
public class BodySizeFilter {
    private final UnbindConfig config;

    public BodySizeFilter(UnbindConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseOversizedBody(ContainerRequestContext request) {
        // Rule sets are uploaded whole (every rule file and scenario), so they get a limit of their own.
        int limit = request.getUriInfo().getPath().startsWith("/api/v1/rulesets")
                ? config.rules().maxUploadBytes() : config.decisions().maxBodyBytes();
        if (request.getLength() > limit) {
            throw new PayloadTooLargeException("The body has " + request.getLength()
                    + " bytes; at most " + limit + " are accepted");
        }
        if (request.getLength() < 0 && request.hasEntity()) {
            request.setEntityStream(new LimitedBody(request.getEntityStream(), limit));
        }
    }
}
