package org.christchurchcall.platform.quota;

import java.util.List;
import java.util.Locale;

/** What a request costs the service, which decides the quota it counts against. */
public enum RequestClass {
    READ, WRITE, UPLOAD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads are the safe methods and the POST queries of {@code queryPaths}; a body that is a
     * file makes an upload; everything else is a write.
     */
    public static RequestClass of(String method, String path, String contentType, List<String> queryPaths) {
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            return READ;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("multipart/") || type.startsWith("application/octet-stream") || type.startsWith("image/")
                || type.startsWith("video/")) {
            return UPLOAD;
        }
        if (m.equals("POST") && queryPaths.contains(stripTrailingSlash(path))) {
            return READ;
        }
        return WRITE;
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
