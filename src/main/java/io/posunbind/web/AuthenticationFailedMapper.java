package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.AuthenticationFailedException;

/** Credentials that do not check out (unknown user, wrong password): 401, without saying which. */
@Provider
public class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
    private final SignInRequired signIn;

    public AuthenticationFailedMapper(SignInRequired signIn) {
        this.signIn = signIn;
    }

    @Override
    public Response toResponse(AuthenticationFailedException e) {
        return signIn.response(signIn.noOneCanSignIn() ? SignInRequired.NO_USERS : "The credentials were not accepted");
    }
}
