package io.posunbind.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The framework's own HTTP errors (404 no such path, 405 wrong method, 415 wrong content type, 406 ...) in the
 * problem shape, with words of our own rather than the framework's.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 404 -> Problem.of("not-found", "Not found", 404, "No resource at this path").toResponse();
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405,
                    "This path does not accept this HTTP method").toResponse();
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406,
                    "The service answers application/json only").toResponse();
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "The body must be sent as application/json").toResponse();
            default -> Problem.of("http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), status, "The request was refused")
                    .toResponse();
        };
    }
}
