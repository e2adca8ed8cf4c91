package org.christchurchcall.supporter.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ccall.contacts")
public interface ContactsConfig {

    /**
     * Accept webhook URLs on loopback hosts (localhost, 127.0.0.0/8, ::1), over {@code http://}
     * too: for development against a local receiver only. Everything else must be https to a
     * public address (platform's OutboundGuard).
     */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /**
     * Base64 of the 32-byte AES key that encrypts webhook signing secrets at rest. Comes from the
     * environment (CCALL_CONTACTS_SECRET_ENCRYPTION_KEY), never from a committed file.
     */
    String secretEncryptionKey();
}
