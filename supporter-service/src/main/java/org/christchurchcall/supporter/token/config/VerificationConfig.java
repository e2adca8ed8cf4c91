package org.christchurchcall.supporter.token.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The bounded pool that client secrets are verified on: a bcrypt comparison keeps a core busy
 * for tens of milliseconds, so only this many run at once and only this many more wait.
 */
@ConfigMapping(prefix = "ccall.token.verification")
public interface VerificationConfig {

    /** Verifications at once; 0 means one per available processor. */
    @WithDefault("0")
    int concurrency();

    /** Requests allowed to wait for a free slot; the next ones get 503 with Retry-After at once. */
    @WithDefault("16")
    int maxWaiting();

    /** How long a waiting request waits for a slot before it gets 503. */
    @WithDefault("PT2S")
    Duration maxWait();
}
