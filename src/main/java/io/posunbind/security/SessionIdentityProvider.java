package io.posunbind.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The console's session: once a user signed in with the form, the encrypted session cookie names them, and each
 * request asks this provider who they are now. Their roles come from the users file as it is now, so a role taken away
 * or a user removed counts at their next request, not when the session would have expired.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final Users users;

    public SessionIdentityProvider(Users users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return users.find(request.getPrincipal())
                .map(user -> Uni.createFrom().item(UsersFileIdentityProvider.identity(user)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException()));
    }
}
