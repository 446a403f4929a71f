package io.posunbind.web;

/** The request body is larger than the configured limit. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
