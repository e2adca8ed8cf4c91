package org.christchurchcall.platform.problem;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Problem+json for requests the HTTP decoder refuses before any route sees them: a request line
 * over {@code quarkus.http.limits.max-initial-line-length} (414), headers over
 * {@code quarkus.http.limits.max-header-size} (431), and otherwise malformed requests (400).
 * <p>
 * Vert.x answers these itself, with an empty body, through the server's invalid-request handler;
 * Quarkus 3.33 creates the HTTP server without a hook to set that handler. The one callback that
 * sees such a request before Vert.x dispatches it is the tracer's {@code receiveRequest}, so this
 * installs a tracer that does nothing but give the request's connection our invalid-request
 * handler. It is installed only if no other tracer is (Vert.x keeps the first one; an OpenTelemetry
 * extension, were one added, would take precedence and these answers would be empty again).
 */
@Singleton
public class InvalidRequestProblems implements VertxOptionsCustomizer {

    @Inject
    ProblemResponses problems;

    @Override
    public void accept(VertxOptions options) {
        if (options.getTracingOptions() == null || options.getTracingOptions().getFactory() == null) {
            options.setTracingOptions(new TracingOptions().setFactory(o -> new Hook()));
        }
    }

    void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ProblemType type;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            type = ProblemType.URI_TOO_LONG;
            detail = "the request line (method, URI and version) is longer than the server accepts";
        } else if (cause instanceof TooLongHttpHeaderException) {
            type = ProblemType.HEADERS_TOO_LARGE;
            detail = "the request headers are larger than the server accepts";
        } else {
            type = ProblemType.BAD_REQUEST;
            detail = "the request is not valid HTTP";
        }
        // the decoder replaced the request line, so there is no path to name as the instance
        HttpServerResponse response = request.response();
        response.setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problems.json(problems.problem(type, detail, null, null, null)));
        response.close();
    }

    private final class Hook implements VertxTracer<Object, Object> {

        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                String operation, Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
            if (request instanceof HttpServerRequest r && r.decoderResult() != null && r.decoderResult().isFailure()
                    && r.connection() instanceof HttpServerConnection connection) {
                connection.invalidRequestHandler(InvalidRequestProblems.this::answer);
            }
            return null;
        }
    }
}
