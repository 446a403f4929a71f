package io.posunbind.web;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.ruleset.RuleSetRejectedException;
import io.posunbind.ruleset.ValidationReport;

/** 422 naming every error (file:line:column) and every failed scenario (file › name) of a refused rule set. */
@Provider
public class RuleSetRejectedMapper implements ExceptionMapper<RuleSetRejectedException> {
    @Override
    public Response toResponse(RuleSetRejectedException e) {
        ValidationReport report = e.report();
        List<Problem.FieldProblem> errors = report.failures().stream()
                .map(f -> new Problem.FieldProblem(f.where(), f.what())).toList();
        return Problem.of("rule-set-rejected", "The rule set cannot be used", 422,
                e.getMessage() + " (" + report.errors().size() + " error(s), " + report.scenarios().failed()
                        + " failed scenario(s)); version " + report.version())
                .withErrors(errors).toResponse();
    }
}
