package io.posunbind.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * A body that declares a length over the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}, 1 MiB) is
 * answered here with the same problem body as one over an endpoint's limit; the HTTP layer would answer it 413 with
 * no body at all. Runs before anything reads the body.
 */
@ApplicationScoped
public class HardBodyLimit {
    /** Before the decision gate, so an oversized decision takes no permit. */
    private static final int PRIORITY = 2;

    private final long limit;
    private final ObjectMapper json;

    public HardBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                         ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseOversized, PRIORITY);
    }

    private void refuseOversized(RoutingContext request) {
        String declared = request.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            request.next();
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(Problem.of("payload-too-large", "The body is too large", 413,
                    "The body has " + length + " bytes; at most " + limit + " are accepted"));
            request.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(Buffer.buffer(body));
        } catch (JsonProcessingException e) {
            request.fail(413);
        }
    }
}
