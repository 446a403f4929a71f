package io.posunbind.security;

import java.util.Set;

/**
 * The roles of the decision API (spec: Roles). Each names what its holder may do: {@link #DECISION_CLIENT} asks for
 * decisions, {@link #RULES_ADMIN} manages rule sets, {@link #RULES_APPROVER} approves them, {@link #AUDITOR} reads the decision log and the rule sets.
 */
public final class Roles {
    /** Calling systems: POST /api/v1/decisions. */
    public static final String DECISION_CLIENT = "decision-client";
    /** Compliance officers: everything under /api/v1/rulesets. */
    public static final String RULES_ADMIN = "rules-admin";
    /** A second person for rule sets: approves or rejects a stored version before it may be activated. */
    public static final String RULES_APPROVER = "rules-approver";
    /** Auditors: read decisions, replay, verify, export, read and simulate rule sets. */
    public static final String AUDITOR = "auditor";

    /** Every role there is; a users file naming another is refused. */
    public static final Set<String> ALL = Set.of(DECISION_CLIENT, RULES_ADMIN, RULES_APPROVER, AUDITOR);

    private Roles() {
    }
}
