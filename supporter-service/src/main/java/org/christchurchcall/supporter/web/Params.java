package org.christchurchcall.supporter.web;

import java.util.UUID;

import org.christchurchcall.supporter.values.Coded;
import org.christchurchcall.platform.problem.ApiException;

/** Query parameters are taken as text and parsed here, so that a bad one is a 400 naming it. */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a UUID");
        }
    }

    public static <E extends Enum<E> & Coded> E code(Class<E> type, String field, String value) {
        return value == null || value.isBlank() ? null : Coded.parse(type, field, value.trim());
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
