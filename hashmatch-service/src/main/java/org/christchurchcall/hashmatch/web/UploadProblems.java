package org.christchurchcall.hashmatch.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.hashmatch.compute.service.UploadRefusedException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a refused upload with its problem (and Retry-After when it says one), then closes an
 * HTTP/1.1 connection: the rest of the body, up to 200 MiB, is never read, and the connection
 * could not carry another request anyway.
 */
public class UploadProblems {

    @Inject
    ProblemResponses problems;

    @ServerExceptionMapper
    public Response refused(UploadRefusedException e, UriInfo uri, RoutingContext ctx) {
        Problem p = new Problem(e.type(), e.title(), e.status(), e.getMessage(), uri == null ? null : uri.getPath(), null,
                null);
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problems.json(p));
        if (e.retryAfter() != null) {
            r.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        HttpServerRequest request = ctx == null ? null : ctx.request();
        if (request != null && request.version() != HttpVersion.HTTP_2 && !request.isEnded()) {
            // Vert.x keeps an HTTP/1.1 connection open whatever this header says: close it once the answer is out
            r.header("Connection", "close");
            ctx.addEndHandler(done -> request.connection().close());
        }
        return r.build();
    }
}
