package org.christchurchcall.supporter.clients.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ccall.clients")
public interface ClientsConfig {

    /**
     * bcrypt cost of client secret hashes. The secrets are 256 random bits, so the cost guards
     * only against a leaked table; 10 keeps the token endpoint fast. Tests lower it.
     */
    @WithDefault("10")
    int bcryptCost();
}
