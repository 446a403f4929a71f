package io.posunbind.facts;

/**
 * How serious a finding is, most serious first: the declaration order is the order findings are listed in.
 * The verdict of a case follows from the most serious finding present.
 */
public enum Severity {
    /** The unbind cannot go ahead until the blocker is gone. */
    BLOCKER,
    /** A compliance officer must look at the case. */
    REVIEW,
    /** Documents or evidence are missing; the merchant resubmits. */
    MISSING,
    /** Approved; completes once the condition is met. */
    CONDITION,
    /** Information for the merchant; no effect on the verdict. */
    ADVISORY
}
