package io.posunbind.ruleset;

import java.time.Instant;

/**
 * A row of ruleset_activation: one version made active.
 *
 * @param id          the activation's place in the order of all activations
 * @param version     the version activated
 * @param activatedAt when
 * @param activatedBy who; empty when unknown
 * @param instanceId  the instance that activated it
 * @param reason      {@code startup}, {@code reload}, {@code activate} or {@code watch}
 */
public record Activation(long id, String version, Instant activatedAt, String activatedBy, String instanceId,
                         String reason) {
}
