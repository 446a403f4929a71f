package io.posunbind.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.inject.Provider;
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
    /** Sent by the console's scripts with every API request. */
    static final String CONSOLE_HEADER = "X-Unbind-Console";
    private final String realm;
    private final boolean bearer;
    private final Users users;
    private final Provider<HttpHeaders> request;

    SignInRequired(@ConfigProperty(name = "quarkus.http.auth.realm", defaultValue = "pos-unbind") String realm,
                   @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean bearer,
                   Users users, Provider<HttpHeaders> request) {
        this.request = request;
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
        if (request.get().getHeaderString(CONSOLE_HEADER) != null) {
            return answer.header(HttpHeaders.WWW_AUTHENTICATE, "Form realm=\"" + realm + "\"").build();
        }
        answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        if (bearer) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
        }
        return answer.build();
    }
}
