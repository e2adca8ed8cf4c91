package org.christchurchcall.supporter.values;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.christchurchcall.platform.problem.ApiException;

/**
 * An enumeration whose wire and database form is a lower-case kebab code
 * ({@code civil-society}), so that JSON, query parameters and SQL all read the same.
 */
public interface Coded {

    String code();

    static <E extends Enum<E> & Coded> E of(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code: " + code);
    }

    /** Parses a query or body value, answering a 400 problem naming the field and the allowed codes. */
    static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String code) {
        try {
            return of(type, code);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be one of " + codes(type));
        }
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
