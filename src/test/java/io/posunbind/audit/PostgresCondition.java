package io.posunbind.audit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers. Without it the class is skipped with the reason, never faked;
 * with {@code UNBIND_TEST_POSTGRES=required} (CI sets it) an unreachable server fails the class instead. Checked
 * before a Quarkus test starts its application, so a skipped class starts nothing.
 */
public class PostgresCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = PostgresTestSupport.unreachable();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestSupport.SERVER);
        }
        String message = "PostgreSQL does not answer at " + PostgresTestSupport.SERVER + " (" + problem + ")";
        if (PostgresTestSupport.required()) {
            throw new IllegalStateException(message + "; UNBIND_TEST_POSTGRES=required, so the PostgreSQL tests "
                    + "fail instead of being skipped");
        }
        return ConditionEvaluationResult.disabled(message + "; the PostgreSQL tests are skipped (set "
                + "UNBIND_TEST_POSTGRES=required to make this a failure)");
    }
}
