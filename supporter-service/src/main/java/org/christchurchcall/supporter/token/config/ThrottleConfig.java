package org.christchurchcall.supporter.token.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Failed client authentications allowed at the token endpoint before it answers 429 without
 * looking at the secret (docs/operations.md, "Token endpoint throttle"). Counted per pod.
 */
@ConfigMapping(prefix = "ccall.token.throttle")
public interface ThrottleConfig {

    @WithDefault("true")
    boolean enabled();

    /** Failures allowed per client id within {@link #period()}, whatever address they come from. */
    @WithDefault("10")
    long clientFailures();

    /** Failures allowed per source address (IPv6: per /64) within {@link #period()}, whatever client ids they name. */
    @WithDefault("30")
    long addressFailures();

    /** The window in which failures count; the allowance comes back evenly over it. */
    @WithDefault("PT1M")
    Duration period();

    /**
     * How long a client id stays known at an address after it authenticated from there. A known
     * pair has its own allowance of {@link #clientFailures()} and is spared the client id's and
     * the address's, so that an attack on a client id from elsewhere does not lock its owner out.
     */
    @WithDefault("PT24H")
    Duration trustedFor();

    /** Client ids, addresses and known pairs tracked at most (each kept while its failures count). */
    @WithDefault("100000")
    long maxTracked();
}
