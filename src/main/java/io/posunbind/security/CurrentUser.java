package io.posunbind.security;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is asking in this request, as recorded with what they do. */
@RequestScoped
public class CurrentUser {
    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The principal's name; empty for an anonymous request (which no protected endpoint lets through). */
    public String name() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    /** True when the signed-in user holds the role. */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
