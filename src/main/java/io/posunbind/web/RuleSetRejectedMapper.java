package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.posunbind.lifecycle.RuleSetRejectedException;
import io.posunbind.rulecheck.ValidationReport;
import io.posunbind.scenario.ScenarioResult;

/** 422 naming every error (file:line:column) and every failed scenario (file › name) of a refused rule set. */
@Provider
public class RuleSetRejectedMapper implements ExceptionMapper<RuleSetRejectedException> {
    @Override
    public Response toResponse(RuleSetRejectedException e) {
        ValidationReport report = e.report();
        java.util.List<Problem.FieldProblem> errors = new java.util.ArrayList<>();
        report.errors().forEach(p -> errors.add(new Problem.FieldProblem(p.location(), p.message())));
        for (ScenarioResult result : report.scenarios().results()) {
            if (!result.passed()) {
                errors.add(new Problem.FieldProblem(result.file() + " › " + result.name(),
                        "scenario failed: " + String.join("; ", result.mismatches())));
            }
        }
        return Problem.of("rule-set-rejected", "The rule set cannot be used", 422,
                e.getMessage() + " (" + report.errors().size() + " error(s), " + report.scenarios().failed()
                        + " failed scenario(s)); version " + report.version())
                .withErrors(errors).toResponse();
    }
}
