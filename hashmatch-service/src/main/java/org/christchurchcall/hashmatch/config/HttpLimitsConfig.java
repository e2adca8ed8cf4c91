package org.christchurchcall.hashmatch.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The request limits the platform enforces ({@code ccall.http.*}), as far as the upload reader needs them. */
@ConfigMapping(prefix = "ccall.http")
public interface HttpLimitsConfig {

    /** The largest request body the platform lets through, in bytes, except on the streamed paths. */
    long maxBodySize();

    /**
     * The upload paths, whose bodies the platform streams to the endpoint instead of holding them:
     * it refuses a declared Content-Length over {@link #maxStreamedBodySize()}, and the upload
     * reader counts a chunked body against it.
     */
    List<String> streamedPaths();

    /** The body limit of the streamed paths. */
    long maxStreamedBodySize();
}
