package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;

import org.christchurchcall.platform.testing.TestTokens;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Verifies a token as any other service would: against the JWKS this service publishes, with jose4j. */
public final class Jwks {

    private Jwks() {
    }

    public static String published() {
        return given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
    }

    public static JwtContext verify(String token) {
        try {
            JsonWebKeySet jwks = new JsonWebKeySet(published());
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime().setRequireIssuedAt().setRequireJwtId().setRequireSubject()
                    .setExpectedIssuer(TestTokens.ISSUER).setExpectedAudience(TestTokens.AUDIENCE)
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .build();
            return consumer.process(token);
        } catch (Exception e) {
            throw new AssertionError("the token does not verify against the published JWKS: " + e.getMessage(), e);
        }
    }

    public static String kid(JwtContext ctx) {
        return ctx.getJoseObjects().get(0).getKeyIdHeaderValue();
    }
}
