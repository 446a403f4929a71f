package io.posunbind.storage;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This running instance's id, new at every start: the writer of its decision records' hash chain, and the instance
 * named in the rule-set activations it makes.
 */
@ApplicationScoped
public class InstanceId {
    private final String id;

    @Inject
    public InstanceId(Clock clock) {
        this(Uuid7.next(clock.instant()));
    }

    private InstanceId(String id) {
        this.id = id;
    }

    /** An instance id given by the caller (tests wiring instances by hand). */
    public static InstanceId of(String id) {
        return new InstanceId(id);
    }

    public String value() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
