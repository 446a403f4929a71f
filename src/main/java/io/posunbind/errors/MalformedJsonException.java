package io.posunbind.errors;

/** The body is not JSON at all; the message says where it breaks. */
public class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
