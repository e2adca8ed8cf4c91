package org.christchurchcall.hashmatch.security;

import static org.christchurchcall.hashmatch.support.Api.as;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.pdq;
import static org.christchurchcall.hashmatch.support.Api.share;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.christchurchcall.hashmatch.support.Api.Member;
import org.christchurchcall.hashmatch.support.Db;
import org.christchurchcall.hashmatch.support.Videos;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every endpoint refuses bad tokens with 401 and each role it does not serve with 403, changing nothing. */
@QuarkusTest
class EndpointSecurityTest {

    static final UUID SOME = UUID.fromString("00000000-0000-4000-8000-000000000001");

    /** An endpoint, the roles it serves, and a body good enough that only the role decides. */
    record Endpoint(String method, String path, Object body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Map<String, Object> VIDEO = Videos.vpdq(List.of(Videos.frame(0, 100, "0".repeat(63) + "3", 0),
            Videos.frame(30, 100, "0".repeat(63) + "4", 1.0)), "video");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/hashes", pdq("0".repeat(63) + "1", 80, "image"), Set.of(Roles.HASH_CONTRIBUTOR)),
            new Endpoint("POST", "/api/v1/hashes/bulk", Map.of("items", List.of(pdq("0".repeat(63) + "2", 80, "image"))),
                    Set.of(Roles.HASH_CONTRIBUTOR)),
            new Endpoint("GET", "/api/v1/hashes", null,
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("GET", "/api/v1/hashes/" + SOME, null,
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("GET", "/api/v1/hashes/" + SOME + "/frames", null,
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            // a video, by itself and in a bulk submission
            new Endpoint("POST", "/api/v1/hashes", VIDEO, Set.of(Roles.HASH_CONTRIBUTOR)),
            new Endpoint("POST", "/api/v1/hashes/bulk", Map.of("items", List.of(VIDEO)), Set.of(Roles.HASH_CONTRIBUTOR)),
            new Endpoint("POST", "/api/v1/hashes/" + SOME + "/retraction", null,
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.SECRETARIAT)),
            new Endpoint("GET", "/api/v1/hashes/counts?incidentId=" + SOME, null,
                    Set.of(Roles.SERVICE, Roles.SECRETARIAT, Roles.AUDITOR)),
            new Endpoint("GET", "/api/v1/hashes/changes", null,
                    Set.of(Roles.MATCHER, Roles.HASH_CONTRIBUTOR, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("GET", "/api/v1/hashes/aggregates", null, Set.of(Roles.AUDITOR, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("POST", "/api/v1/hashes/" + SOME + "/feedback", Map.of("verdict", "agree"),
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER)),
            new Endpoint("GET", "/api/v1/hashes/" + SOME + "/feedback/" + SOME, null,
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT)),
            new Endpoint("GET", "/api/v1/disputes", null, Set.of(Roles.SECRETARIAT)),
            new Endpoint("GET", "/api/v1/disputes/" + SOME, null, Set.of(Roles.SECRETARIAT)),
            new Endpoint("POST", "/api/v1/disputes/" + SOME + "/resolution", Map.of("outcome", "keep", "version", 0),
                    Set.of(Roles.SECRETARIAT)),
            new Endpoint("POST", "/api/v1/match", Map.of("queries", List.of(Map.of("type", "md5", "value", "0".repeat(32)))),
                    Set.of(Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("POST", "/api/v1/match", Map.of("queries", List.of(Map.of("type", "vpdq", "frames",
                    VIDEO.get("frames")))), Set.of(Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("POST", "/api/v1/match/file", new byte[] { 1, 2, 3 },
                    Set.of(Roles.MATCHER, Roles.SECRETARIAT, Roles.SERVICE)),
            new Endpoint("POST", "/api/v1/hashes/compute", new byte[] { 1, 2, 3 },
                    Set.of(Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.SECRETARIAT)),
            new Endpoint("GET", "/api/v1/labels", null, Set.of("*")));

    static final Map<String, Supplier<String>> BAD_TOKENS = Map.of(
            "expired", () -> TestTokens.expired(Roles.SECRETARIAT, Roles.MATCHER, Roles.HASH_CONTRIBUTOR),
            "signed by another key", () -> TestTokens.signedByOtherKey(Roles.SECRETARIAT, Roles.MATCHER),
            "alg none", () -> TestTokens.algNone(Roles.SECRETARIAT, Roles.MATCHER),
            "wrong issuer", () -> TestTokens.wrongIssuer(Roles.SECRETARIAT, Roles.MATCHER),
            "wrong audience", () -> TestTokens.wrongAudience(Roles.SECRETARIAT, Roles.MATCHER),
            "garbage", () -> "not.a.jwt");

    @Inject
    Db db;

    static RequestSpecification send(RequestSpecification r, Endpoint e) {
        if (e.body() instanceof byte[] bytes) {
            r = r.contentType(ContentType.BINARY).body(bytes);
        } else if (e.body() != null) {
            r = r.contentType(ContentType.JSON).body(e.body());
        }
        return r;
    }

    static Stream<Arguments> endpointsAndBadTokens() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            out.add(Arguments.of(e, "no token"));
            BAD_TOKENS.keySet().forEach(k -> out.add(Arguments.of(e, k)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("endpointsAndBadTokens")
    void badTokensGet401(Endpoint e, String token) {
        String footprint = db.footprint();
        RequestSpecification r = "no token".equals(token) ? io.restassured.RestAssured.given()
                : as(BAD_TOKENS.get(token).get());
        send(r, e).request(e.method(), e.path()).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"ccall\"")).body("status", equalTo(401));
        assertEquals(footprint, db.footprint());
    }

    /** Roles a member's token can carry; each endpoint must refuse those it does not list. */
    static final List<String> ROLES = List.of(Roles.SECRETARIAT, Roles.HASH_CONTRIBUTOR, Roles.MATCHER, Roles.AUDITOR,
            Roles.SERVICE, Roles.CRISIS_COORDINATOR);

    static Stream<Arguments> endpointsAndRefusedRoles() {
        List<Arguments> out = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (e.allowed().contains("*")) {
                continue;
            }
            for (String role : ROLES) {
                if (!e.allowed().contains(role)) {
                    out.add(Arguments.of(e, role));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRefusedRoles")
    void otherRolesGet403(Endpoint e, String role) {
        String footprint = db.footprint();
        // a supporter's token, so that only the role is missing
        String token = TestTokens.forSupporter(UUID.randomUUID(), Roles.COMPANY, role);
        send(as(token), e).request(e.method(), e.path()).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        assertEquals(footprint, db.footprint());
    }

    @Test
    void everyRoleReadsTheTaxonomy() {
        for (String role : ROLES) {
            as(TestTokens.withRoles(role)).get("/api/v1/labels").then().statusCode(200);
        }
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        String token = Member.company().contributor();
        share(token, pdq(hex(64), 80, "image"));
        as(token).get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as(token).delete("/api/v1/hashes").then().statusCode(405).contentType("application/problem+json");
        json(token, pdq(hex(64), 80, "image")).put("/api/v1/hashes").then().statusCode(405);
    }
}
