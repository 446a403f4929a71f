package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.posunbind.storage.StoreUnavailableException;

/** 503 when the database cannot be read or written; the database's own error is logged, never answered. */
@Provider
public class StoreUnavailableMapper implements ExceptionMapper<StoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class);

    @Override
    public Response toResponse(StoreUnavailableException e) {
        LOG.error(e.getMessage(), e.getCause());
        return Response.fromResponse(Problem.of("audit-store-unavailable", "The audit store is unavailable", 503,
                e.getMessage()).toResponse()).header("Retry-After", "5").build();
    }
}
