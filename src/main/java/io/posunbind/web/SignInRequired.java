package io.posunbind.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.posunbind.security.Users;

/**
 * The one 401 answer: a problem body and the challenges that tell the client how to sign in: Basic always, Bearer
 * too when OIDC tokens are accepted.
 */
@ApplicationScoped
class SignInRequired {
    static final String NO_USERS = "No users are configured, so no one can sign in: set unbind.security.users-file "
            + "(UNBIND_SECURITY_USERS_FILE) to a users file made with hash-password (README, Security)";
    private final String realm;
    private final boolean bearer;
    private final Users users;

    SignInRequired(@ConfigProperty(name = "quarkus.http.auth.realm", defaultValue = "pos-unbind") String realm,
                   @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean bearer,
                   Users users) {
        this.realm = realm;
        this.bearer = bearer;
        this.users = users;
    }

    /** True when neither a password nor a token can sign anyone in. */
    boolean noOneCanSignIn() {
        return users.none() && !bearer;
    }

    Response response(String detail) {
        Response.ResponseBuilder answer = Response.fromResponse(
                Problem.of("unauthorized", "Unauthorized", 401, detail).toResponse());
        answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        if (bearer) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
        }
        return answer.build();
    }
}
