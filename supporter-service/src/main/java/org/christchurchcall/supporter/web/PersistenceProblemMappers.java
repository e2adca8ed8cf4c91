package org.christchurchcall.supporter.web;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.problem.ProblemResponses;
import org.christchurchcall.platform.problem.ProblemType;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Races the services' own checks cannot see: two concurrent edits of the same version, or two
 * concurrent creations of the same unique name, surface from the database as 409, not 500.
 */
public class PersistenceProblemMappers {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(RuntimeException e, UriInfo uri) {
        return problems.response(ProblemType.STALE_VERSION, "the resource was changed concurrently; read it again",
                uri.getPath(), null, null);
    }

    @ServerExceptionMapper
    public Response unique(ConstraintViolationException e, UriInfo uri) {
        return problems.response(ProblemType.CONFLICT, "the change conflicts with existing data", uri.getPath(), null,
                null);
    }
}
