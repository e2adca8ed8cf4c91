package org.christchurchcall.hashmatch.config;

import io.smallrye.config.ConfigMapping;

/** The request limits the platform enforces ({@code ccall.http.*}), as far as the upload reader needs them. */
@ConfigMapping(prefix = "ccall.http")
public interface HttpLimitsConfig {

    /** The largest request body the platform lets through, in bytes. */
    long maxBodySize();
}
