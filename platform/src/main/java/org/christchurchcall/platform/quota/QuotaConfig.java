package org.christchurchcall.platform.quota;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client request quotas of the API, counted per pod (see docs/operations.md, "Request
 * quotas"). Each limit is a number of requests per {@link #period()}; a client may spend its
 * requests in a burst up to the limit, and they come back evenly over the period.
 */
@ConfigMapping(prefix = "ccall.quota")
public interface QuotaConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("PT1M")
    Duration period();

    /** GET, HEAD and OPTIONS, and the POST queries named in {@link #queryPaths()}. */
    @WithDefault("1200")
    long read();

    /** Every other method with a JSON or form body. */
    @WithDefault("300")
    long write();

    /** Requests that carry a file (multipart, octet-stream, image, video): the costliest to serve. */
    @WithDefault("60")
    long upload();

    /**
     * Limits by role, overriding the defaults above for clients that carry the role; a client
     * with several such roles gets the highest of their limits.
     */
    Map<String, RoleLimits> roles();

    /** Paths whose POST only reads (a query too large for a URL), counted as reads. */
    Optional<List<String>> queryPaths();

    /** Path prefixes that no quota applies to: health, metrics, OpenAPI, and the token endpoint (it has its own throttle). */
    @WithDefault("/q/,/oauth2/,/.well-known/")
    List<String> exemptPaths();

    /** Clients tracked at most; a client idle for a whole period is forgotten (its allowance is full again anyway). */
    @WithDefault("100000")
    long maxTrackedClients();

    interface RoleLimits {
        OptionalLong read();

        OptionalLong write();

        OptionalLong upload();
    }
}
