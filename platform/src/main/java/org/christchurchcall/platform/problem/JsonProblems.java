package org.christchurchcall.platform.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

/**
 * Turns Jackson's binding failures into the API's own words: the field path as the client wrote
 * it ({@code contentTypes[0]}, {@code criteria.ongoingEvent}) and what the field accepts (the codes of
 * an enumeration, the shape of a UUID or an instant, the known fields beside an unknown one).
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    /** @param wire how an enumeration constant is written in JSON (its {@code @JsonValue} code) */
    static String message(MismatchedInputException e, Function<Object, String> wire) {
        if (e instanceof PropertyBindingException pbe) {
            Collection<Object> known = pbe.getKnownPropertyIds();
            String list = known == null || known.isEmpty() ? "none"
                    : known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "is not a field of this request; the known fields are " + list;
        }
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(wire)
                    .collect(Collectors.joining(", "));
        }
        return "must be " + expected(type);
    }

    private static String expected(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO 8601 instant such as 2026-03-15T01:40:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO 8601 date such as 2026-03-15";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another type or format";
    }
}
