package io.posunbind.errors;

/** Nothing is stored under the id asked for: a decision, a rule-set version, a simulation. Answered 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
