package org.christchurchcall.platform.query;

import java.util.UUID;

import org.christchurchcall.platform.problem.ApiException;

/**
 * Query parameters taken as text and parsed here: JAX-RS answers a query parameter it cannot
 * convert with 404, but a malformed filter is the client's mistake and gets a 400 problem naming
 * the field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The UUID, or null when the parameter is absent or blank. */
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

    /** The whole number, {@code defaultValue} when absent or blank; outside {@code [min, max]} is a 400. */
    public static int intBetween(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiException.invalidField(field, "must be a whole number between " + min + " and " + max);
    }

    /** The trimmed text, or null when absent or blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
