package org.christchurchcall.supporter.token.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.supporter.token.config.TokenConfig;
import org.christchurchcall.platform.security.Roles;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * supporter-service's own {@code service} token, for the calls it makes to other services. It is
 * the issuer, so it signs the token itself instead of presenting client credentials to its own
 * token endpoint over HTTP: no client or secret to configure, and no call that depends on its own
 * readiness. Reused until shortly before it expires, like the other services' cached tokens.
 */
@ApplicationScoped
public class OwnServiceToken {

    /** The {@code sub} of the token, as the callee's logs show it. */
    public static final String SUBJECT = "supporter-service";

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    @Inject
    SigningKeys keys;

    @Inject
    TokenConfig tokenConfig;

    private String token;
    private Instant renewAt = Instant.MIN;

    /** The value of an {@code Authorization} header. */
    public synchronized String bearer() {
        Instant now = Instant.now();
        if (token == null || !now.isBefore(renewAt)) {
            Duration ttl = keys.ttl();
            Duration margin = RENEW_BEFORE.compareTo(ttl.dividedBy(2)) < 0 ? RENEW_BEFORE : ttl.dividedBy(2);
            token = Jwt.issuer(tokenConfig.issuer()).audience(tokenConfig.audience()).subject(SUBJECT)
                    .groups(Set.of(Roles.SERVICE)).issuedAt(now).expiresAt(now.plus(ttl))
                    .claim("jti", UUID.randomUUID().toString())
                    .jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256).sign(keys.privateKey());
            renewAt = now.plus(ttl).minus(margin);
        }
        return "Bearer " + token;
    }
}
