package org.christchurchcall.supporter.token.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ccall.signing")
public interface SigningConfig {

    /** PKCS#8 PEM RSA private key that signs new tokens: a file path, or a classpath resource. */
    String keyLocation();

    /** The {@code kid} of that key in token headers and in the JWKS. */
    String keyId();

    /**
     * Public keys still published during a rotation, each {@code kid=location} of an X.509 PEM
     * public key, so that tokens signed before the switch verify until they expire.
     */
    Optional<List<String>> previousKeys();

    /** Lifetime of issued tokens; at most 15 minutes. */
    @WithDefault("PT15M")
    Duration tokenTtl();
}
