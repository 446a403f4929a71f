package io.posunbind.ruleset;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.posunbind.engine.RequestJson;
import io.posunbind.errors.FieldError;
import io.posunbind.errors.InvalidRequestException;

/**
 * The body of approve, reject, cancel and the shadow's start and stop: {@code {"comment": "..."}}, and for activate also
 * {@code "effectiveAt": "2027-01-01T00:00:00+08:00"} to schedule it. An empty body is no comment.
 *
 * @param comment     the person's words, stripped; null when none
 * @param effectiveAt when a scheduled activation takes effect; null to activate now
 */
public record GovernanceRequest(String comment, Instant effectiveAt) {
    static final int MAX_COMMENT = 2000;

    /** Reads the body; {@code scheduling} allows effectiveAt. Every bad field is named in one 400. */
    public static GovernanceRequest parse(byte[] body, boolean scheduling) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return new GovernanceRequest(null, null);
        }
        JsonNode root = RequestJson.read(body);
        if (!root.isObject()) {
            throw new InvalidRequestException(List.of(new FieldError("(body)", "must be a JSON object")));
        }
        Set<String> allowed = scheduling ? Set.of("comment", "effectiveAt") : Set.of("comment");
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "unknown field; only " + String.join(" and ", allowed.stream()
                        .sorted().toList()) + " are accepted"));
            }
        });
        JsonNode comment = root.path("comment");
        if (!comment.isMissingNode() && !comment.isNull()
                && (!comment.isTextual() || comment.asText().length() > MAX_COMMENT)) {
            errors.add(new FieldError("comment", "must be text of at most " + MAX_COMMENT + " characters"));
        }
        Instant effectiveAt = null;
        JsonNode at = root.path("effectiveAt");
        if (!at.isMissingNode() && !at.isNull()) {
            try {
                effectiveAt = java.time.OffsetDateTime.parse(at.asText()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("effectiveAt", "must be an instant with its offset, like "
                        + "2027-01-01T00:00:00+08:00"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new GovernanceRequest(comment.isTextual() && !comment.asText().isBlank() ? comment.asText().strip()
                : null, effectiveAt);
    }
}
