package org.christchurchcall.supporter.token.config;

import io.smallrye.config.ConfigMapping;

/** Who the tokens this service signs say issued them, and for whom they are meant. */
@ConfigMapping(prefix = "ccall.token")
public interface IssuerConfig {

    /** The {@code iss} of every token signed here; the services verify it. */
    String issuer();

    /** The {@code aud} of every token signed here. */
    String audience();
}
