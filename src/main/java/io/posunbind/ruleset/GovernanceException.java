package io.posunbind.ruleset;

/** A change to a version that its governance does not allow: the message names what is missing. */
public class GovernanceException extends RuntimeException {
    /** What was refused; each has its HTTP status, its problem type and its title. */
    public enum Refusal {
        NOT_APPROVED(409, "rule-set-not-approved", "The version is not approved"),
        OWN_VERSION(403, "own-rule-set-version", "Approval must come from someone other than the author"),
        SCHEDULE_CONFLICT(409, "rule-set-schedule-conflict", "The schedule conflicts with another"),
        NOT_SCHEDULED(404, "rule-set-schedule-not-found", "No such schedule is pending");

        public final int status;
        public final String type;
        public final String title;

        Refusal(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Refusal refusal;

    public GovernanceException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
