package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.audit.DecisionNotRecordedException;

/** 503 when a decision cannot be recorded: no decision is answered. The cause is logged where it happened. */
@Provider
public class DecisionNotRecordedMapper implements ExceptionMapper<DecisionNotRecordedException> {
    @Override
    public Response toResponse(DecisionNotRecordedException e) {
        return Response.fromResponse(Problem.of("decision-not-recorded", "The decision could not be recorded", 503,
                e.getMessage()).toResponse()).header("Retry-After", "5").build();
    }
}
