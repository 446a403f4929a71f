package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.ruleset.GovernanceException;

/** A rule-set change that governance refuses: 403 for one's own version, 409 or 404 otherwise, naming what is missing. */
@Provider
public class GovernanceMapper implements ExceptionMapper<GovernanceException> {
    @Override
    public Response toResponse(GovernanceException e) {
        return Problem.of(e.refusal().type, e.refusal().title, e.refusal().status, e.getMessage()).toResponse();
    }
}
