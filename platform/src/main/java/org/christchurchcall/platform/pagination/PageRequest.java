package org.christchurchcall.platform.pagination;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.QueryParam;

import org.christchurchcall.platform.problem.ApiException;

/**
 * {@code ?limit=&cursor=} of every list endpoint; use with {@code @BeanParam}. The limit is taken
 * as text and parsed here: JAX-RS answers an unconvertible query parameter with 404, and a bad
 * limit is the client's bad input (400).
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "500", defaultValue = "50"), example = "50")
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "Where the page starts: the nextCursor of the previous page", example = "eyJrIjpbIjIwMjYtMDMtMTVUMDE6NDA6MDBaIl19")
    String cursor;

    public PageRequest() {
    }

    public PageRequest(int limit, String cursor) {
        this.limit = Integer.toString(limit);
        this.cursor = cursor;
    }

    /** The requested page size, default 50; a 400 problem when it is not a number in 1..500. */
    public int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return n;
    }

    public String cursor() {
        return cursor;
    }

    public boolean hasCursor() {
        return cursor != null && !cursor.isBlank();
    }
}
