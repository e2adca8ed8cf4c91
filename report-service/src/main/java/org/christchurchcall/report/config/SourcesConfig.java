package org.christchurchcall.report.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How report-service proves who it is to the other services: its own client in supporter-service,
 * role {@code service} (CONTRACTS.md). These keys feed the "supporter" OIDC client
 * ({@code quarkus.oidc-client.supporter.*} in application.properties), which fetches and caches the
 * token; the sources' URLs ({@code ccall.supporter.url}, {@code ccall.hashmatch.url},
 * {@code ccall.protocol.url}) feed the REST clients' configuration. Declared here so that a missing
 * client secret stops the start-up: the OIDC client alone would start and be refused every token.
 */
@ConfigMapping(prefix = "ccall.supporter")
public interface SourcesConfig {

    String url();

    @WithDefault("report-service")
    String clientId();

    String clientSecret();

    /** A token is renewed this long before it expires, so that no call carries one that lapses in flight. */
    @WithDefault("PT60S")
    Duration tokenRenewBefore();
}
