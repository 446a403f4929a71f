package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.errors.InvalidRequestException;

/** 400 naming every offending field by its JSON path. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException e) {
        return Problem.of("invalid-request", "The request is invalid", 400,
                        e.errors().size() == 1 ? "The request has 1 problem" : "The request has " + e.errors().size() + " problems")
                .withErrors(e.errors().stream().map(f -> new Problem.FieldProblem(f.path(), f.message())).toList())
                .toResponse();
    }
}
