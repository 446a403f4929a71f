package io.posunbind.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.posunbind.security.RateLimits;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * 429 with Retry-After when a signed-in user goes over the rate limit of their role ({@link RateLimits}). It runs
 * after the endpoint's role check, so a caller without credentials still learns to sign in (401) and one with the
 * wrong role that they may not (403); and before the body is read, so a refused request costs almost nothing.
 */
public class RateLimitFilter {
    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimits limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 1)
    public Uni<Response> limit() {
        return identities.getDeferredIdentity().map(this::admit);
    }

    private Response admit(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return null;
        }
        String user = identity.getPrincipal().getName();
        RateLimits.Admission admission = limits.admit(user, identity.getRoles());
        if (admission.admitted()) {
            return null;
        }
        return Response.fromResponse(Problem.of("too-many-requests", "Too many requests", 429,
                        "User " + user + " is over the rate limit of their role; retry after "
                                + admission.retryAfterSeconds() + " s").toResponse())
                .header("Retry-After", Long.toString(admission.retryAfterSeconds()))
                .build();
    }
}
