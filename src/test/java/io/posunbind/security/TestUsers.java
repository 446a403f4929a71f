package io.posunbind.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * Requests signed in as the demo users of {@code config/demo-users} (the test profile's users file), one per role.
 * Preemptive: the credentials go with the first request rather than after a 401.
 */
public final class TestUsers {
    public static final String CLIENT = "client";
    public static final String RULES_ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    public static final String APPROVER = "approver";

    static final String CLIENT_PASSWORD = "client-demo-pw";
    static final String RULES_ADMIN_PASSWORD = "admin-demo-pw";
    static final String AUDITOR_PASSWORD = "auditor-demo-pw";
    static final String APPROVER_PASSWORD = "approver-demo-pw";

    private TestUsers() {
    }

    /** Signed in as {@value #CLIENT}, role decision-client. */
    public static RequestSpecification asClient() {
        return as(CLIENT, CLIENT_PASSWORD);
    }

    /** Signed in as {@value #RULES_ADMIN}, role rules-admin. */
    public static RequestSpecification asRulesAdmin() {
        return as(RULES_ADMIN, RULES_ADMIN_PASSWORD);
    }

    /** Signed in as {@value #APPROVER}, role rules-approver. */
    public static RequestSpecification asApprover() {
        return as(APPROVER, APPROVER_PASSWORD);
    }

    /** Signed in as {@value #AUDITOR}, role auditor. */
    public static RequestSpecification asAuditor() {
        return as(AUDITOR, AUDITOR_PASSWORD);
    }

    public static RequestSpecification as(String name, String password) {
        return given().auth().preemptive().basic(name, password);
    }
}
