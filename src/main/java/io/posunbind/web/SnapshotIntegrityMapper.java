package io.posunbind.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.posunbind.ruleset.SnapshotIntegrityException;

/** 409 when a stored rule set was altered: replaying with it would prove nothing, so it is refused. */
@Provider
public class SnapshotIntegrityMapper implements ExceptionMapper<SnapshotIntegrityException> {
    private static final Logger LOG = Logger.getLogger(SnapshotIntegrityMapper.class);

    @Override
    public Response toResponse(SnapshotIntegrityException e) {
        LOG.error(e.getMessage());
        return Problem.of("rule-set-snapshot-altered", "The stored rule set was altered", 409, e.getMessage())
                .toResponse();
    }
}
