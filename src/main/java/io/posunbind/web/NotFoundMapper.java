package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.errors.NotFoundException;

/** 404 for a decision id or rule-set version that is not recorded. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
        return Problem.of("not-recorded", "Not recorded", 404, e.getMessage()).toResponse();
    }
}
