package org.christchurchcall.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.christchurchcall.platform.problem.ApiException;

/**
 * An opaque position in a keyset-ordered list: the sort key values of the last item served,
 * base64url-encoded so clients treat it as a token and never build one themselves.
 */
public final class Cursor {

    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    public static String encode(String... keys) {
        String joined = String.join(String.valueOf(SEPARATOR), keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** The key values, or a 400 problem when the cursor was not made by {@link #encode}. */
    public static List<String> decode(String cursor, int expectedKeys) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> keys = new ArrayList<>(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
            if (keys.size() != expectedKeys) {
                throw invalid();
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The id of a cursor made by {@code encode(id.toString())}, or a 400 problem. */
    public static java.util.UUID decodeUuid(String cursor) {
        try {
            return java.util.UUID.fromString(decode(cursor, 1).get(0));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.invalidField("cursor", "not a cursor this list returned");
    }
}
