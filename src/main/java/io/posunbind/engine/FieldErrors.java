package io.posunbind.engine;

import java.util.ArrayList;
import java.util.List;

import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * Collects what is wrong with a request while it is read, so one answer names every offending field. Stops
 * collecting at {@link RequestLimits#ERRORS_MAX}: a body of ten thousand unknown fields gets a bounded answer.
 */
final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();
    private int omitted;

    void add(String path, String message) {
        if (errors.size() < RequestLimits.ERRORS_MAX) {
            errors.add(new FieldError(path, message));
        } else {
            omitted++;
        }
    }

    /** Throws {@link InvalidRequestException} listing every error, if there is any. */
    void throwIfAny() {
        if (errors.isEmpty()) {
            return;
        }
        List<FieldError> all = new ArrayList<>(errors);
        if (omitted > 0) {
            all.add(new FieldError("", omitted + " further error(s) left out; correct the ones listed first"));
        }
        throw new InvalidRequestException(all);
    }
}
