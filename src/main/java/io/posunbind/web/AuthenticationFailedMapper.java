package io.posunbind.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Credentials that do not check out (unknown user, wrong password): 401, without saying which. The console's sign-in
 * form is a page, not an API call: it goes back to the form, which says so.
 */
@Provider
public class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
    private final SignInRequired signIn;
    private final CurrentVertxRequest request;
    private final String formPost;
    private final String formError;

    public AuthenticationFailedMapper(SignInRequired signIn, CurrentVertxRequest request,
                                      @ConfigProperty(name = "quarkus.http.auth.form.post-location") String formPost,
                                      @ConfigProperty(name = "quarkus.http.auth.form.error-page") String formError) {
        this.signIn = signIn;
        this.request = request;
        this.formPost = formPost;
        this.formError = formError;
    }

    @Override
    public Response toResponse(AuthenticationFailedException e) {
        RoutingContext current = request.getCurrent();
        if (current != null && formPost.equals(current.normalizedPath())) {
            return Response.seeOther(URI.create(formError)).build();
        }
        return signIn.response(signIn.noOneCanSignIn() ? SignInRequired.NO_USERS : "The credentials were not accepted");
    }
}
