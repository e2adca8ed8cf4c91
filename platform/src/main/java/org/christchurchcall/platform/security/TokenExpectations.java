package org.christchurchcall.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The verifier's settings that a 401 may name: what the platform accepts is public, unlike its keys. */
@ApplicationScoped
public class TokenExpectations {

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "(any)")
    String issuer;

    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "(any)")
    String audience;

    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60")
    int clockSkewSeconds;

    public BearerChallenge.Expectations expectations() {
        return new BearerChallenge.Expectations(issuer, audience, clockSkewSeconds);
    }
}
