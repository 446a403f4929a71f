package io.posunbind.errors;

import java.util.List;

/** The request breaks the contract; {@link #errors()} names every offending field. */
public class InvalidRequestException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " field(s) of the request are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
