package org.christchurchcall.supporter.token.config;

import io.smallrye.config.ConfigMapping;

/**
 * The platform's token settings ({@code ccall.token.*}, defaults in platform's
 * microprofile-config.properties): what the tokens this service signs say, and what every
 * service's verifier expects of them.
 */
@ConfigMapping(prefix = "ccall.token")
public interface TokenConfig {

    /** The {@code iss} of every token signed here; the services verify it. */
    String issuer();

    /** The {@code aud} of every token signed here. */
    String audience();

    /** Where the verifiers fetch the public keys (this service's JWKS). */
    String jwksLocation();

    /** How many seconds after its {@code exp} a token is still accepted. */
    int clockSkew();
}
