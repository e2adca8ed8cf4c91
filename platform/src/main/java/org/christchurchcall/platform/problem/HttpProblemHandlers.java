package org.christchurchcall.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem+json for what never reaches the REST layer: bodies over the size limit (checked on
 * Content-Length before reading), paths no route serves, and failures raised by the HTTP layer.
 */
@ApplicationScoped
public class HttpProblemHandlers {

    @Inject
    ProblemResponses problems;

    @ConfigProperty(name = "ccall.http.max-body-size", defaultValue = "1048576")
    long maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limitBody);
        router.route().order(Integer.MAX_VALUE - 100).handler(ctx -> send(ctx, ProblemType.NOT_FOUND,
                "no resource at this path"));
        router.route().order(Integer.MIN_VALUE + 100).failureHandler(this::failure);
    }

    private void limitBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodySize) {
                    send(ctx, ProblemType.TOO_LARGE, "the body exceeds the limit of " + maxBodySize + " bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, ProblemType.BAD_REQUEST, "Content-Length is not a number");
                return;
            }
        }
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().headWritten() || status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        send(ctx, type, type.title());
    }

    private void send(RoutingContext ctx, ProblemType type, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        String body = problems.json(problems.problem(type, detail, ctx.normalizedPath(), null, null));
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
