package org.christchurchcall.protocol.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The keys that encrypt webhook signing secrets at rest ({@code ccall.secrets.*}), from a
 * Kubernetes Secret through the environment, never from a committed file:
 * {@code CCALL_SECRETS_KEYS_<ID>=<base64 of 32 random bytes>} per key and
 * {@code CCALL_SECRETS_ACTIVE_KEY=<id>}. Key ids are lower-case letters and digits, because an
 * environment variable cannot carry anything else unambiguously into a map key.
 */
@ConfigMapping(prefix = "ccall.secrets")
public interface SecretsConfig {

    /** Every key that may still decrypt a stored secret, by id. */
    Map<String, String> keys();

    /** The key that encrypts; the others only decrypt, until rows under them are re-encrypted. */
    Optional<String> activeKey();
}
