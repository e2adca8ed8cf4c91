package org.christchurchcall.report.content;

/**
 * Where figures came from: the service, the request it answered (method and path with the
 * period, no host: hosts differ between deployments) and when; or why it gave nothing.
 */
public record SourceStatus(String id, String service, String request, String fetchedAt, String status, String error) {

    public static final String OK = "ok";
    public static final String UNAVAILABLE = "unavailable";

    public boolean ok() {
        return OK.equals(status);
    }
}
