package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.posunbind.engine.RuleSetDefectException;

/** 500 when the rule set produced an answer the contract cannot express; nothing is answered or recorded. */
@Provider
public class RuleSetDefectMapper implements ExceptionMapper<RuleSetDefectException> {
    private static final Logger LOG = Logger.getLogger(RuleSetDefectMapper.class);

    @Override
    public Response toResponse(RuleSetDefectException e) {
        LOG.error(e.getMessage());
        return Problem.of("rule-set-defect", "The rule set could not decide this case", 500, e.getMessage())
                .toResponse();
    }
}
