package org.christchurchcall.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.platform.security.BearerChallenge;
import org.christchurchcall.platform.security.RequiredRoles;
import org.christchurchcall.platform.security.TokenExpectations;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** Maps every exception that reaches the REST layer to an RFC 9457 problem. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ProblemResponses problems;

    @Inject
    TokenExpectations tokens;

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problems.response(e.type(), e.getMessage(), path(uri), null, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return problems.response(ProblemType.VALIDATION, detail, path(uri), null, errors);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class })
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = null;
        String detail = "the body is not valid JSON for this resource";
        if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            String field = JsonProblems.field(mie.getPath());
            String message = JsonProblems.message(mie, problems::wireValue);
            errors = List.of(new Problem.FieldError(field, message));
            detail = field + ": " + message;
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            detail = e.getCause().getMessage();
        } else if (e instanceof JsonParseException jpe && jpe.getLocation() != null) {
            detail = "the body is not valid JSON (line " + jpe.getLocation().getLineNr() + ", column "
                    + jpe.getLocation().getColumnNr() + ")";
        }
        return problems.response(ProblemType.MALFORMED, detail, path(uri), null, errors);
    }

    /**
     * RFC 6750: a request without a token gets a bare challenge, a broken header {@code invalid_request},
     * a token that fails verification {@code invalid_token}, each with a detail that names the fix.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        Throwable failure = e instanceof UnauthorizedException ? null : e;
        BearerChallenge challenge = BearerChallenge.of(failure,
                headers == null ? null : headers.getHeaderString(HttpHeaders.AUTHORIZATION), tokens.expectations());
        Response r = problems.response(ProblemType.UNAUTHORIZED, challenge.detail(), path(uri), null, null);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, challenge.header()).build();
    }

    /** Names the roles the endpoint needs and those the token carries, read from the method's {@code @RolesAllowed}. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        String detail = RequiredRoles.of(resource)
                .map(required -> "this needs one of the roles " + String.join(", ", required) + "; the token carries "
                        + carried())
                .orElse("the caller's roles do not allow this");
        return problems.response(ProblemType.FORBIDDEN, detail, path(uri), null, null);
    }

    private String carried() {
        if (identity == null || identity.isAnonymous() || identity.getRoles().isEmpty()) {
            return "none";
        }
        return String.join(", ", new TreeSet<>(identity.getRoles()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a body that is not JSON at all in a plain 400; name it as such
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return malformed(jpe, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response r = problems.response(type, detailFor(type, e), path(uri), null, null);
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(r).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, correlationId=%s, path=%s", correlationId, path(uri));
        Response r = problems.response(ProblemType.INTERNAL,
                "an unexpected error occurred; quote the correlation id when reporting it", path(uri), correlationId,
                null);
        return Response.fromResponse(r).header("X-Correlation-Id", correlationId).build();
    }

    private static String detailFor(ProblemType type, WebApplicationException e) {
        return switch (type) {
            case NOT_FOUND -> "no resource at this path";
            case METHOD_NOT_ALLOWED -> "this method is not supported here";
            case UNSUPPORTED_MEDIA_TYPE -> "this content type is not accepted here";
            case NOT_ACCEPTABLE -> "no representation matches the Accept header";
            default -> e.getMessage() == null ? type.title() : e.getMessage();
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** "create.request.name" becomes "name": the method and parameter nodes mean nothing to a client. */
    static String field(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterName = node.getName();
                continue;
            }
            // Hibernate Validator puts the index of a list element on the node that follows it
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    sb.append('[').append(node.getKey()).append(']');
                }
            }
            // "<list element>", "<map value>": the element is the index above, not a field of its own
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        if (sb.length() == 0) {
            return parameterName == null ? "body" : parameterName;
        }
        return sb.toString();
    }
}
