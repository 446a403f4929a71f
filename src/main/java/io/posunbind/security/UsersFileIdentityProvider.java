package io.posunbind.security;


import jakarta.enterprise.context.ApplicationScoped;

import io.posunbind.config.UnbindConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the {@link Users}.
 */
@ApplicationScoped
public class UsersFileIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** Checked when the name is unknown, so an unknown name takes as long to refuse as a wrong password. */
    private static final String DECOY = Bcrypt.hash("decoy, never a password");

    private final Users users;
    private final CredentialCache verified;

    public UsersFileIdentityProvider(Users users, UnbindConfig config) {
        UnbindConfig.Security security = config.security();
        this.users = users;
        this.verified = new CredentialCache(security.credentialCacheTtl(), security.credentialCacheSize(),
                System::nanoTime);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] password = request.getPassword().getPassword();
        UsersFile.User user = users.find(name).orElse(null);
        if (user != null && verified.verified(cacheName(user), password)) {
            return Uni.createFrom().item(identity(user));
        }
        // bcrypt is slow on purpose: off the event loop.
        return context.runBlocking(() -> check(user, name, password));
    }

    private SecurityIdentity check(UsersFile.User user, String name, char[] password) {
        String given = new String(password);
        if (user == null) {
            Bcrypt.matches(given, DECOY);
            throw new AuthenticationFailedException();
        }
        if (!Bcrypt.matches(given, user.hash())) {
            throw new AuthenticationFailedException();
        }
        verified.remember(cacheName(user), password);
        return identity(user);
    }

    /**
     * The cache's name for a user: with their hash, so that a password changed in the users file (read again
     * without a restart) is never answered from what the old one passed.
     */
    private static String cacheName(UsersFile.User user) {
        return user.name() + "\u0000" + user.hash();
    }

    static SecurityIdentity identity(UsersFile.User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .build();
    }
}
