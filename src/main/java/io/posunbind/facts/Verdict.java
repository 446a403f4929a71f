package io.posunbind.facts;

/** The compliance verdict of a case. */
public enum Verdict {
    APPROVED, APPROVED_WITH_CONDITIONS, INCOMPLETE, MANUAL_REVIEW, REJECTED
}
