package org.christchurchcall.protocol;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every endpoint refuses bad tokens with 401 and the roles that must not pass with 403. */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class AuthTest {

    record Endpoint(String method, String path, String body, List<String> refusedRoles) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String ID = UUID.randomUUID().toString();
    static final String ACT = UUID.randomUUID().toString();
    static final List<String> NON_READERS = List.of("auditor", "service", "hash-contributor", "matcher");
    static final List<String> NON_COORDINATORS = List.of("government", "company", "intergovernmental", "civil-society",
            "auditor", "service", "hash-contributor", "matcher");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/protocols", null, List.of()),
            new Endpoint("GET", "/api/v1/protocols/ccscrp", null, List.of()),
            new Endpoint("POST", "/api/v1/protocols", "{}", List.of("government", "company", "crisis-coordinator",
                    "auditor", "service")),
            new Endpoint("PUT", "/api/v1/protocols/ccscrp", "{}", List.of("government", "company", "crisis-coordinator",
                    "auditor", "service")),
            new Endpoint("GET", "/api/v1/protocols/ccscrp/participants", null, List.of("government", "company",
                    "auditor", "service", "civil-society")),
            new Endpoint("POST", "/api/v1/incidents", "{}", List.of("intergovernmental", "civil-society",
                    "crisis-coordinator", "auditor", "service", "hash-contributor", "matcher")),
            new Endpoint("GET", "/api/v1/incidents", null, NON_READERS),
            new Endpoint("GET", "/api/v1/incidents/" + ID, null, NON_READERS),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/transitions", "{}", NON_COORDINATORS),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/updates", "{}", NON_COORDINATORS),
            new Endpoint("GET", "/api/v1/incidents/" + ID + "/participants", null, List.of("government", "company",
                    "auditor", "service", "civil-society")),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/acknowledgements", "{}", List.of("secretariat",
                    "crisis-coordinator", "auditor", "service", "matcher")),
            new Endpoint("GET", "/api/v1/incidents/" + ID + "/acknowledgements/" + ACT, null, NON_READERS),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/activations", "{}", List.of("secretariat", "government",
                    "company", "auditor", "service")),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/activations/" + ACT + "/approvals", "{}",
                    List.of("secretariat", "government", "company", "auditor", "service")),
            new Endpoint("POST", "/api/v1/incidents/" + ID + "/activations/" + ACT + "/level-changes", "{}",
                    List.of("secretariat", "government", "company", "auditor", "service")),
            new Endpoint("GET", "/api/v1/incidents/" + ID + "/timeline", null, NON_READERS),
            new Endpoint("GET", "/api/v1/incidents/" + ID + "/timeline/" + ACT, null, NON_READERS),
            new Endpoint("GET", "/api/v1/incidents/" + ID + "/timeline/verify", null, List.of("government", "company",
                    "crisis-coordinator", "service", "civil-society")),
            new Endpoint("GET", "/api/v1/incidents/aggregates?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", null,
                    List.of("government", "company", "crisis-coordinator", "civil-society", "matcher")));

    static Stream<Arguments> badTokens() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            out.add(Arguments.of(e, "none", null));
            out.add(Arguments.of(e, "expired", TestTokens.expired("secretariat", "crisis-coordinator", "auditor")));
            out.add(Arguments.of(e, "other key", TestTokens.signedByOtherKey("secretariat", "auditor")));
            out.add(Arguments.of(e, "alg none", TestTokens.algNone("secretariat", "auditor")));
            out.add(Arguments.of(e, "wrong issuer", TestTokens.wrongIssuer("secretariat", "auditor")));
            out.add(Arguments.of(e, "wrong audience", TestTokens.wrongAudience("secretariat", "auditor")));
            out.add(Arguments.of(e, "garbage", "not-a-jwt"));
        }
        return out.stream();
    }

    static Stream<Arguments> refusedRoles() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String role : e.refusedRoles()) {
                out.add(Arguments.of(e, role));
            }
        }
        return out.stream();
    }

    static io.restassured.response.Response call(Endpoint e, String token) {
        RequestSpecification r = given();
        if (token != null) {
            r = r.auth().oauth2(token);
        }
        if (e.body() != null) {
            r = r.contentType(ContentType.JSON).body(e.body());
        }
        return r.request(e.method(), e.path());
    }

    @ParameterizedTest(name = "{0} with {1} token -> 401")
    @MethodSource("badTokens")
    void badTokensGet401(Endpoint e, String kind, String token) {
        call(e, token).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"ccall\"")).body("status", equalTo(401));
    }

    @ParameterizedTest(name = "{0} as {1} -> 403")
    @MethodSource("refusedRoles")
    void rolesThatMustNotPassGet403(Endpoint e, String role) {
        String token = switch (role) {
            case "government", "company", "intergovernmental", "civil-society" ->
                TestTokens.forSupporter(UUID.randomUUID(), role);
            default -> TestTokens.withRoles(role);
        };
        call(e, token).then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
