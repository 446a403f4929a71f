package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.posunbind.audit.AuditStoreUnavailableException;

/** 503 when the audit store cannot be read; the database's own error is logged, never answered. */
@Provider
public class AuditStoreUnavailableMapper implements ExceptionMapper<AuditStoreUnavailableException> {
    private static final Logger LOG = Logger.getLogger(AuditStoreUnavailableMapper.class);

    @Override
    public Response toResponse(AuditStoreUnavailableException e) {
        LOG.error(e.getMessage(), e.getCause());
        return Response.fromResponse(Problem.of("audit-store-unavailable", "The audit store is unavailable", 503,
                e.getMessage()).toResponse()).header("Retry-After", "5").build();
    }
}
