package org.christchurchcall.protocol.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery ({@code ccall.delivery.*}). */
@ConfigMapping(prefix = "ccall.delivery")
public interface DeliveryConfig {

    /** How often the worker polls as a safety net; it also polls right after each change. */
    @WithDefault("1s")
    String pollEvery();

    /** Upper bound on concurrent webhook POSTs of one replica. */
    @WithDefault("32")
    int concurrency();

    /** Rows claimed per poll. */
    @WithDefault("200")
    int batchSize();

    /** How long a claimed row stays with the replica that claimed it; after that another takes it. */
    @WithDefault("PT30S")
    Duration lease();

    @WithDefault("PT10S")
    Duration requestTimeout();

    @WithDefault("PT1S")
    Duration backoffBase();

    @WithDefault("PT5M")
    Duration backoffMax();

    /** A notification not delivered within this age of its creation is dead-lettered. */
    @WithDefault("PT24H")
    Duration maxAge();

    /**
     * Deliver to loopback hosts (localhost, 127.0.0.0/8, ::1), over {@code http://} too: for
     * development against a local receiver only. Everything else must be https to a public
     * address (platform's OutboundGuard), checked before every attempt.
     */
    @WithDefault("false")
    boolean allowLoopbackHttp();
}
