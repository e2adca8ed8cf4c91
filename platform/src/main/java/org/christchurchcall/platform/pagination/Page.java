package org.christchurchcall.platform.pagination;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a list: {@code items}, the opaque {@code nextCursor}, and {@code next}, the link
 * to the following page (both null at the end).
 */
public record Page<T>(List<T> items,
        @Schema(description = "Opaque cursor of the next page; null on the last page",
                example = "eyJrIjpbIjIwMjYtMDMtMTVUMDE6NDA6MDBaIl19") String nextCursor,
        @Schema(description = "Link to the next page; null on the last page",
                example = "/api/v1/incidents?limit=50&cursor=eyJrIjpbIjIwMjYtMDMtMTVUMDE6NDA6MDBaIl19") String next) {

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in keyset order: the extra row only
     * tells that a next page exists.
     */
    public static <E, T> Page<T> of(List<E> rows, int limit, Function<E, String> cursorOf, Function<E, T> view,
            UriInfo uri) {
        boolean more = rows.size() > limit;
        List<E> served = more ? rows.subList(0, limit) : rows;
        List<T> items = served.stream().map(view).toList();
        if (!more) {
            return new Page<>(items, null, null);
        }
        String cursor = cursorOf.apply(served.get(served.size() - 1));
        String link = uri == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
        return new Page<>(items, cursor, link);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor, next);
    }
}
