package org.christchurchcall.supporter.web;

import java.util.UUID;

import org.christchurchcall.platform.query.QueryParams;
import org.christchurchcall.supporter.values.Coded;

/** Query parameters are taken as text and parsed here, so that a bad one is a 400 naming it. */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String field, String value) {
        return QueryParams.uuid(field, value);
    }

    public static <E extends Enum<E> & Coded> E code(Class<E> type, String field, String value) {
        return value == null || value.isBlank() ? null : Coded.parse(type, field, value.trim());
    }

    public static String text(String value) {
        return QueryParams.text(value);
    }
}
