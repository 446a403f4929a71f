package io.posunbind.audit;

/**
 * Another decision was recorded under the same Idempotency-Key first (a concurrent retry, or another instance):
 * nothing of this one was stored. The caller answers the one recorded, or 409 when its request differs.
 */
public class IdempotencyKeyTakenException extends RuntimeException {
    public IdempotencyKeyTakenException(String key) {
        super("A decision is already recorded under the Idempotency-Key " + key);
    }
}
