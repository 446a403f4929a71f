package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.decision.IdempotencyConflictException;

/** 409 when an Idempotency-Key comes back with a different request. */
@Provider
public class IdempotencyConflictMapper implements ExceptionMapper<IdempotencyConflictException> {
    @Override
    public Response toResponse(IdempotencyConflictException e) {
        return Problem.of("idempotency-key-reused", "The Idempotency-Key was used for a different request", 409,
                e.getMessage()).toResponse();
    }
}
