package io.posunbind.web;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.posunbind.config.UnbindConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets at most {@code unbind.decisions.max-concurrent} decision requests in at once; one more is answered 503 with
 * Retry-After at once instead of queueing, so a flood costs a refusal each rather than memory and threads. The permit
 * is taken before the body is read or the caller authenticated and given back when the response ends, however it ends.
 */
@ApplicationScoped
public class DecisionGate {
    static final String PATH = "/api/v1/decisions";
    static final String RETRY_AFTER_SECONDS = "1";
    /** Below the HTTP security-header filters, so a refusal carries those headers too. */
    private static final int PRIORITY = 1;

    private final Semaphore permits;
    private final byte[] refusal;

    public DecisionGate(UnbindConfig config, ObjectMapper json) throws JsonProcessingException {
        this.permits = new Semaphore(config.decisions().maxConcurrent());
        this.refusal = json.writeValueAsBytes(Problem.of("too-busy", "Service busy", 503,
                "Too many decisions are being made at once; retry after " + RETRY_AFTER_SECONDS + " s"));
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY);
    }

    private void admit(RoutingContext request) {
        if (request.request().method() != HttpMethod.POST || !PATH.equals(request.normalizedPath())) {
            request.next();
            return;
        }
        if (!permits.tryAcquire()) {
            request.response().setStatusCode(503)
                    .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(refusal));
            return;
        }
        request.addEndHandler(ended -> permits.release());
        request.next();
    }

    /** Permits free now; for tests and metrics. */
    int available() {
        return permits.availablePermits();
    }

    /** Takes every free permit, as a flood would; the test gives them back with {@link #release(int)}. */
    int takeAll() {
        return permits.drainPermits();
    }

    void release(int count) {
        permits.release(count);
    }
}
