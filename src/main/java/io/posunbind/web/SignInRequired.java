package io.posunbind.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one 401 answer: a problem body and the challenge that tells the client how to sign in. */
@ApplicationScoped
class SignInRequired {
    private final String challenge;

    SignInRequired(@ConfigProperty(name = "quarkus.http.auth.realm", defaultValue = "pos-unbind") String realm) {
        this.challenge = "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
    }

    Response response(String detail) {
        return Response.fromResponse(Problem.of("unauthorized", "Unauthorized", 401, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
