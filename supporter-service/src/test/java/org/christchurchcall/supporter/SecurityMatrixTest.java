package org.christchurchcall.supporter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every protected endpoint refuses, with a 401 problem, a request without a token and each kind
 * of bad token, even one that claims the secretariat role.
 */
@QuarkusTest
class SecurityMatrixTest {

    private static final String S = "/api/v1/supporters/" + UUID.randomUUID();
    private static final String T = "/api/v1/stocktakes/" + UUID.randomUUID();

    static final List<String[]> ENDPOINTS = List.of(
            new String[] { "GET", "/api/v1/supporters" },
            new String[] { "GET", "/api/v1/supporters/aggregates?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z" },
            new String[] { "POST", "/api/v1/supporters" },
            new String[] { "GET", S },
            new String[] { "PUT", S },
            new String[] { "POST", S + "/admit" },
            new String[] { "POST", S + "/suspend" },
            new String[] { "POST", S + "/reinstate" },
            new String[] { "POST", S + "/withdraw" },
            new String[] { "GET", "/api/v1/commitments" },
            new String[] { "GET", "/api/v1/commitments/gov-1" },
            new String[] { "GET", "/api/v1/stocktakes" },
            new String[] { "POST", "/api/v1/stocktakes" },
            new String[] { "GET", T },
            new String[] { "POST", T + "/close" },
            new String[] { "POST", T + "/reports" },
            new String[] { "GET", T + "/reports" },
            new String[] { "GET", T + "/summary" },
            new String[] { "GET", S + "/contact-points" },
            new String[] { "POST", S + "/contact-points" },
            new String[] { "PUT", S + "/contact-points/" + UUID.randomUUID() },
            new String[] { "DELETE", S + "/contact-points/" + UUID.randomUUID() },
            new String[] { "GET", S + "/webhooks" },
            new String[] { "POST", S + "/webhooks" },
            new String[] { "GET", S + "/webhooks/" + UUID.randomUUID() },
            new String[] { "PUT", S + "/webhooks/" + UUID.randomUUID() },
            new String[] { "DELETE", S + "/webhooks/" + UUID.randomUUID() },
            new String[] { "POST", S + "/webhooks/" + UUID.randomUUID() + "/rotate-secret" },
            new String[] { "GET", "/api/v1/crisis-contacts" },
            new String[] { "GET", S + "/entitlements" },
            new String[] { "GET", S + "/entitlements/roles/matcher" },
            new String[] { "PUT", S + "/entitlements/roles/matcher" },
            new String[] { "DELETE", S + "/entitlements/roles/matcher" },
            new String[] { "GET", S + "/entitlements/protocols/ccscrp" },
            new String[] { "PUT", S + "/entitlements/protocols/ccscrp" },
            new String[] { "DELETE", S + "/entitlements/protocols/ccscrp" },
            new String[] { "GET", "/api/v1/clients" },
            new String[] { "POST", "/api/v1/clients" },
            new String[] { "GET", "/api/v1/clients/" + UUID.randomUUID() },
            new String[] { "POST", "/api/v1/clients/" + UUID.randomUUID() + "/revoke" },
            new String[] { "GET", "/api/v1/audit-events" });

    record BadToken(String name, Supplier<String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<BadToken> BAD_TOKENS = List.of(
            new BadToken("no token", () -> null),
            new BadToken("expired", () -> TestTokens.expired(Roles.SECRETARIAT)),
            new BadToken("signed by another key", () -> TestTokens.signedByOtherKey(Roles.SECRETARIAT)),
            new BadToken("alg none", () -> TestTokens.algNone(Roles.SECRETARIAT)),
            new BadToken("wrong issuer", () -> TestTokens.wrongIssuer(Roles.SECRETARIAT)),
            new BadToken("wrong audience", () -> TestTokens.wrongAudience(Roles.SECRETARIAT)),
            new BadToken("not a JWT", () -> "garbage"));

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] e : ENDPOINTS) {
            for (BadToken t : BAD_TOKENS) {
                all.add(Arguments.of(e[0], e[1], t));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("cases")
    void refusedWith401(String method, String path, BadToken bad) {
        RequestSpecification r = given().contentType(ContentType.JSON).body("{}");
        String token = bad.token().get();
        if (token != null) {
            r = r.auth().oauth2(token);
        }
        r.request(method, path).then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", startsWith("Bearer realm=\"ccall\"")).body("type", equalTo("urn:ccall:problem:unauthorized"));
    }
}
