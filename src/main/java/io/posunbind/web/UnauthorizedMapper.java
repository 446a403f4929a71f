package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.UnauthorizedException;

/** No credentials on an endpoint that needs a role: 401 with the challenge. */
@Provider
public class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
    private final SignInRequired signIn;

    public UnauthorizedMapper(SignInRequired signIn) {
        this.signIn = signIn;
    }

    @Override
    public Response toResponse(UnauthorizedException e) {
        return signIn.response(signIn.noOneCanSignIn() ? SignInRequired.NO_USERS : "This endpoint needs credentials");
    }
}
