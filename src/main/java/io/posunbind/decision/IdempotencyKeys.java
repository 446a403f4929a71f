package io.posunbind.decision;

import java.util.List;

/** The Idempotency-Key header's rule: absent, or 1 to 128 characters. */
final class IdempotencyKeys {
    static final int MAX_LENGTH = 128;
    static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** The key, or null when none was sent; throws {@link InvalidRequestException} naming the header otherwise. */
    static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new InvalidRequestException(List.of(new FieldError(HEADER,
                    "must be 1 to " + MAX_LENGTH + " characters long; it has " + key.length())));
        }
        return key;
    }
}
