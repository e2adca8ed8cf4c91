package org.christchurchcall.platform.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * Problem+json for what never reaches the REST layer: bodies over the size limit, paths no route
 * serves, and failures raised by the HTTP layer.
 * <p>
 * The body limit ({@code ccall.http.max-body-size}) holds however the body is framed. A declared
 * Content-Length over it is refused before a byte of the body is read. A body of undeclared length
 * (chunked, or an HTTP/2 stream without content-length) is read here, counting bytes as they
 * arrive, and refused as soon as it passes the limit: never more than the limit is held in memory.
 * The REST layer then takes the counted body from the routing context, as it does after Vert.x's
 * own body handler. The HTTP layer's limit ({@code quarkus.http.limits.max-body-size}) stays above
 * ours, so that its plain-text 413 is never what a client sees.
 * <p>
 * Streamed paths ({@code ccall.http.streamed-paths}: file uploads) are the exception: their bodies
 * are never held here. A declared Content-Length is checked against their own limit
 * ({@code ccall.http.max-streamed-body-size}) as above; a body of undeclared length goes on to the
 * endpoint unread, which reads it as a stream and must count it against that limit itself.
 */
@ApplicationScoped
public class HttpProblemHandlers {

    /**
     * How much of a refused body is still read and dropped before the connection closes: enough
     * that a client that is still sending sees the 413 rather than a connection reset, and no
     * more, so that an endless body costs nothing (Tomcat's maxSwallowSize is the same idea).
     */
    static final long DRAIN_ALLOWANCE = 2L * 1024 * 1024;

    @Inject
    ProblemResponses problems;

    @ConfigProperty(name = "ccall.http.max-body-size", defaultValue = "1048576")
    long maxBodySize;

    /** Paths whose bodies go to the endpoint as a stream, never held here (file uploads). */
    @ConfigProperty(name = "ccall.http.streamed-paths")
    Optional<List<String>> streamedPaths;

    /** The body limit of the streamed paths; their endpoints count a body of undeclared length against it. */
    @ConfigProperty(name = "ccall.http.max-streamed-body-size", defaultValue = "1048576")
    long maxStreamedBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limitBody);
        router.route().order(Integer.MAX_VALUE - 100).handler(ctx -> send(ctx, ProblemType.NOT_FOUND,
                "no resource at this path"));
        router.route().order(Integer.MIN_VALUE + 100).failureHandler(this::failure);
    }

    private void limitBody(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean streamed = isStreamed(ctx.normalizedPath());
        long limit = streamed ? maxStreamedBodySize : maxBodySize;
        // Only HTTP/1.1 bodies are counted here. An HTTP/2 stream cannot be handed on to the REST
        // layer once it has ended (it pauses the request and Vert.x then throws "Request has
        // already been read": every GET from Java's HttpClient, which upgrades to h2c, got a 500);
        // an HTTP/2 body of undeclared length is held to quarkus.http.limits.max-body-size instead.
        if (!streamed && request.version() != HttpVersion.HTTP_2
                && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            new CountedBody(ctx).start();
            return;
        }
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                send(ctx, ProblemType.BAD_REQUEST, "Content-Length is not a number");
                return;
            }
            if (declared > limit) {
                refuse(ctx, limit);
                return;
            }
        }
        ctx.next();
    }

    private boolean isStreamed(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String s : streamedPaths.orElse(List.of())) {
            if (p.equals(s.trim())) {
                return true;
            }
        }
        return false;
    }

    /** Reads a body of undeclared length into memory, up to the limit and no further. */
    private final class CountedBody implements Handler<Buffer> {

        private final RoutingContext ctx;
        private final Buffer body = Buffer.buffer();
        private boolean refused;

        CountedBody(RoutingContext ctx) {
            this.ctx = ctx;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            request.handler(this);
            request.endHandler(v -> {
                if (!refused) {
                    ((RoutingContextInternal) ctx).setBody(body);
                    ctx.next();
                }
            });
            // a client that goes away mid-body gets no answer; there is nobody to send one to
            request.exceptionHandler(e -> refused = true);
            // the REST layer would send it when it starts reading; here is where the reading starts
            if (request.version() == HttpVersion.HTTP_1_1
                    && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                ctx.response().writeContinue();
            }
            request.resume();
        }

        @Override
        public void handle(Buffer chunk) {
            if (refused) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBodySize) {
                refused = true;
                refuse(ctx, maxBodySize);
                return;
            }
            body.appendBuffer(chunk);
        }
    }

    /**
     * 413, then the connection closes: once the body has ended, or once the client has sent
     * {@link #DRAIN_ALLOWANCE} more bytes, or at once if it waits for 100-continue. Nothing of the
     * rest of the body is kept.
     */
    private void refuse(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        boolean http1 = request.version() != HttpVersion.HTTP_2;
        long[] dropped = { 0 };
        Runnable close = () -> {
            if (http1) {
                request.connection().close();
            }
        };
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > DRAIN_ALLOWANCE && ctx.response().ended()) {
                close.run();
            }
        });
        request.endHandler(v -> {
            if (ctx.response().ended()) {
                close.run();
            }
        });
        request.exceptionHandler(e -> {
        });
        if (http1) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().endHandler(v -> {
            if (request.isEnded() || dropped[0] > DRAIN_ALLOWANCE
                    || "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                close.run();
            }
        });
        send(ctx, ProblemType.TOO_LARGE, "the body exceeds the limit of " + limit + " bytes");
        request.resume();
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
