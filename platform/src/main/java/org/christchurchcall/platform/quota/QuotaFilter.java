package org.christchurchcall.platform.quota;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.christchurchcall.platform.problem.ProblemResponses;
import org.christchurchcall.platform.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Counts every API request of an authenticated client against its quota, keyed by the verified
 * token's {@code sub}, and answers 429 once it is spent. Every counted answer carries the
 * RateLimit-Limit, -Remaining and -Reset headers (draft-ietf-httpapi-ratelimit-headers); a 429
 * also Retry-After. Anonymous requests are not counted: they reach nothing but public resources
 * and the 401 of the others.
 */
public class QuotaFilter {

    static final String DECISION = QuotaFilter.class.getName() + ".decision";
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    @Inject
    QuotaConfig config;

    @Inject
    Quotas quotas;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ProblemResponses problems;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 100)
    public Uni<Response> enforce(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || exempt(path)) {
            return Uni.createFrom().nullItem();
        }
        // a bad token is not this filter's business: the endpoint's own check answers it with 401
        return identities.getDeferredIdentity().onFailure().recoverWithNull().map(identity -> {
            String subject = subject(identity);
            if (subject == null) {
                return null;
            }
            RequestClass requestClass = RequestClass.of(request.getMethod(), path,
                    request.getHeaderString(HttpHeaders.CONTENT_TYPE), config.queryPaths().orElse(List.of()));
            Quotas.Decision decision = quotas.take(subject, identity.getRoles(), requestClass);
            request.setProperty(DECISION, decision);
            if (decision.allowed()) {
                return null;
            }
            Response problem = problems.response(ProblemType.TOO_MANY_REQUESTS, "the " + requestClass.label()
                    + " quota of this client (" + decision.limit() + " per " + config.period().toSeconds()
                    + " s) is spent; retry after " + decision.retryAfterSeconds() + " s", path, null, null);
            Response.ResponseBuilder r = Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds());
            return r.build();
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Quotas.Decision d) {
            MultivaluedMap<String, Object> h = response.getHeaders();
            h.putSingle(LIMIT, d.limit());
            h.putSingle(REMAINING, d.remaining());
            h.putSingle(RESET, d.resetSeconds());
            if (!d.allowed()) {
                h.putSingle(HttpHeaders.RETRY_AFTER, d.retryAfterSeconds());
            }
        }
    }

    private boolean exempt(String path) {
        for (String prefix : config.exemptPaths()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
