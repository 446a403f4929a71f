package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.errors.MalformedJsonException;

/** 400 for a body that is not JSON, saying where it breaks. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<MalformedJsonException> {
    @Override
    public Response toResponse(MalformedJsonException e) {
        return Problem.of("malformed-json", "The body is not valid JSON", 400, e.getMessage()).toResponse();
    }
}
