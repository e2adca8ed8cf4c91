package org.christchurchcall.platform.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds problem+json bodies and responses; shared by the JAX-RS mappers and the HTTP-level handlers. */
@ApplicationScoped
public class ProblemResponses {

    @Inject
    ObjectMapper mapper;

    public Problem problem(ProblemType type, String detail, String instance, String correlationId,
            List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, correlationId, errors);
    }

    public String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // a record of strings always serialises; keep a valid body if it ever does not
            return "{\"type\":\"" + problem.type() + "\",\"status\":" + problem.status() + "}";
        }
    }

    /** How a value is written in JSON, e.g. an enumeration constant's {@code @JsonValue} code. */
    String wireValue(Object value) {
        try {
            return mapper.writeValueAsString(value).replace("\"", "");
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    public Response response(ProblemType type, String detail, String instance, String correlationId,
            List<Problem.FieldError> errors) {
        Problem p = problem(type, detail, instance, correlationId, errors);
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(json(p)).build();
    }
}
