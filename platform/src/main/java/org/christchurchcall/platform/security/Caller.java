package org.christchurchcall.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the client id, its supporter and roles, read from the verified token.
 * Services use it for ownership checks ("a supporter only ever changes its own data").
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public String clientId() {
        return jwt.getSubject();
    }

    public Optional<UUID> supporterId() {
        Object raw = jwt.getClaim(Claims.SUPPORTER_ID);
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.toString().replace("\"", "");
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> supporterType() {
        Object raw = jwt.getClaim(Claims.SUPPORTER_TYPE);
        return raw == null ? Optional.empty() : Optional.of(raw.toString().replace("\"", ""));
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isSecretariat() {
        return hasRole(Roles.SECRETARIAT);
    }

    /** True when the caller acts for the given supporter. */
    public boolean actsFor(UUID supporterId) {
        return supporterId != null && supporterId().map(supporterId::equals).orElse(false);
    }
}
