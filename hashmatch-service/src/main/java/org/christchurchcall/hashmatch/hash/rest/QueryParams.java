package org.christchurchcall.hashmatch.hash.rest;

import java.util.UUID;

/** The platform's query parameter parsing ({@link org.christchurchcall.platform.query.QueryParams}), under the name the resources use. */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String field, String value) {
        return org.christchurchcall.platform.query.QueryParams.uuid(field, value);
    }

    public static int intBetween(String field, String value, int defaultValue, int min, int max) {
        return org.christchurchcall.platform.query.QueryParams.intBetween(field, value, defaultValue, min, max);
    }
}
