package io.posunbind.web;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.engine.RuleSetCompilationException;
import io.posunbind.engine.RuleSetException;

/** 422 when a rule set cannot be read or compiled (a rules directory that is gone, a stored version that fails). */
@Provider
public class RuleSetUnusableMapper implements ExceptionMapper<RuleSetException> {
    @Override
    public Response toResponse(RuleSetException e) {
        if (e instanceof RuleSetCompilationException compilation) {
            List<Problem.FieldProblem> errors = compilation.problems().stream()
                    .map(p -> new Problem.FieldProblem(p.location(), p.message())).toList();
            return Problem.of("rule-set-rejected", "The rule set cannot be used", 422,
                    "The rule set does not compile or is not safe; the active rule set is unchanged")
                    .withErrors(errors).toResponse();
        }
        return Problem.of("rule-set-rejected", "The rule set cannot be used", 422, e.getMessage()).toResponse();
    }
}
