package org.christchurchcall.platform.pagination;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?limit=&cursor=} of every list endpoint; use with {@code @BeanParam @Valid}. */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(value = 1, message = "must be at least 1")
    @Max(value = MAX_LIMIT, message = "must be at most " + MAX_LIMIT)
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    public String cursor;

    public PageRequest() {
    }

    public PageRequest(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return limit;
    }

    public String cursor() {
        return cursor;
    }

    public boolean hasCursor() {
        return cursor != null && !cursor.isBlank();
    }
}
