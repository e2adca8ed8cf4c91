package org.christchurchcall.protocol.web;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.problem.ProblemResponses;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.protocol.incident.IllegalTransitionException;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two writers that read the same version: the loser's flush fails and it gets the same 409 as a
 * client that sent a stale version.
 */
public class ConcurrencyProblems {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response stale(RuntimeException e, UriInfo uri) {
        return problems.response(ProblemType.STALE_VERSION, "the resource was changed concurrently; read it again",
                uri.getPath(), null, null);
    }

    @ServerExceptionMapper
    public Response illegal(IllegalTransitionException e, UriInfo uri) {
        return problems.response(ProblemType.INVALID_STATE, e.getMessage(), uri.getPath(), null, null);
    }
}
