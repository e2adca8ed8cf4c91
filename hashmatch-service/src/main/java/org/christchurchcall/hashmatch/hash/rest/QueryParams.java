package org.christchurchcall.hashmatch.hash.rest;

import java.util.UUID;

import org.christchurchcall.platform.problem.ApiException;

/**
 * Query parameters parsed by hand: JAX-RS answers a query parameter it cannot convert with 404,
 * but a malformed filter is the client's mistake and gets a 400 problem naming the field.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "not a UUID");
        }
    }

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
}
