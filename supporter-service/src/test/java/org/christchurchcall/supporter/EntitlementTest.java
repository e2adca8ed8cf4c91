package org.christchurchcall.supporter;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.grantProtocols;
import static org.christchurchcall.supporter.Fixtures.grantRoles;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.supporter.token.service.OwnServiceToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The secretariat's grants of operational roles and protocol participation, and what they govern. */
@QuarkusTest
@QuarkusTestResource(FakeProtocolService.class)
class EntitlementTest {

    private static final String BASE = "/api/v1/supporters/{id}/entitlements";

    @Inject
    AgroalDataSource ds;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void protocolServiceBackUp() {
        FakeProtocolService.reset();
        breakers.resetAll();
    }

    @Test
    void theSecretariatGrantsAndWithdrawsAndTheSupporterReadsItsGrants() {
        UUID s = activeSupporter("company");
        String clerk = "secretariat-clerk-" + UUID.randomUUID();
        String secretariat = TestTokens.builder().subject(clerk).roles(Roles.SECRETARIAT).sign();

        as(secretariat).put(BASE + "/roles/{r}", s, Roles.MATCHER).then().statusCode(201)
                .header("Location", endsWith("/api/v1/supporters/" + s + "/entitlements/roles/matcher"))
                .body("kind", equalTo("role")).body("code", equalTo("matcher")).body("grantedBy", equalTo(clerk))
                .body("grantedAt", notNullValue());
        // granting again is a no-op
        as(secretariat).put(BASE + "/roles/{r}", s, Roles.MATCHER).then().statusCode(200).body("grantedBy",
                equalTo(clerk));
        as(secretariat).put(BASE + "/protocols/{p}", s, "gifct-cip").then().statusCode(201)
                .header("Location", endsWith("/entitlements/protocols/gifct-cip")).body("kind", equalTo("protocol"));

        for (String reader : List.of(secretariat, tokenFor(s, Roles.COMPANY))) {
            as(reader).get(BASE, s).then().statusCode(200).body("supporterId", equalTo(s.toString()))
                    .body("roles", equalTo(List.of("matcher"))).body("protocols", equalTo(List.of("gifct-cip")))
                    .body("grants.code", equalTo(List.of("gifct-cip", "matcher")));
            as(reader).get(BASE + "/roles/{r}", s, Roles.MATCHER).then().statusCode(200).body("code", equalTo("matcher"));
            as(reader).get(BASE + "/protocols/{p}", s, "gifct-cip").then().statusCode(200);
            problem(as(reader).get(BASE + "/roles/{r}", s, Roles.HASH_CONTRIBUTOR).then(), 404);
        }

        as(secretariat).delete(BASE + "/roles/{r}", s, Roles.MATCHER).then().statusCode(204);
        problem(as(secretariat).delete(BASE + "/roles/{r}", s, Roles.MATCHER).then(), 404);
        as(secretariat).delete(BASE + "/protocols/{p}", s, "gifct-cip").then().statusCode(204);
        as(secretariat).get(BASE, s).then().statusCode(200).body("roles", equalTo(List.of()))
                .body("protocols", equalTo(List.of())).body("grants", equalTo(List.of()));

        // every grant and withdrawal is in the audit trail, newest first, with who made it
        as(TestTokens.withRoles(Roles.AUDITOR)).queryParam("entityType", "entitlement").queryParam("entityId", s)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.action", equalTo(List.of("withdrawn", "withdrawn", "granted", "granted")))
                .body("items.clientId", equalTo(List.of(clerk, clerk, clerk, clerk)))
                .body("items[0].summary", containsString("participation in protocol 'gifct-cip' withdrawn from"))
                .body("items[1].summary", containsString("role 'matcher' withdrawn from"))
                .body("items[2].summary", containsString("participation in protocol 'gifct-cip' granted to"))
                .body("items[3].summary", containsString("role 'matcher' granted to"));
    }

    @Test
    void withoutATokenNothingIsReadOrChanged() {
        UUID s = activeSupporter("government");
        grantRoles(s, Roles.MATCHER);
        long grants = count(ds, "entitlement");
        for (String token : List.of("", TestTokens.expired(Roles.SECRETARIAT), TestTokens.signedByOtherKey(Roles.SECRETARIAT),
                TestTokens.wrongIssuer(Roles.SECRETARIAT))) {
            problem(bearer(token).get(BASE, s).then(), 401);
            problem(bearer(token).put(BASE + "/roles/{r}", s, Roles.HASH_CONTRIBUTOR).then(), 401);
            problem(bearer(token).delete(BASE + "/roles/{r}", s, Roles.MATCHER).then(), 401);
            problem(bearer(token).put(BASE + "/protocols/{p}", s, "ccscrp").then(), 401);
        }
        assertEquals(grants, count(ds, "entitlement"));
    }

    @Test
    void onlyTheSecretariatChangesGrantsAndOnlyItAndTheSupporterReadThem() {
        UUID s = activeSupporter("company");
        grantRoles(s, Roles.MATCHER);
        grantProtocols(s, "ccscrp");
        long grants = count(ds, "entitlement");
        long events = count(ds, "audit_event");
        // the supporter itself, even as crisis coordinator, grants itself nothing
        List<String> changers = List.of(tokenFor(s, Roles.COMPANY, Roles.CRISIS_COORDINATOR, Roles.MATCHER),
                tokenFor(UUID.randomUUID(), Roles.GOVERNMENT), TestTokens.withRoles(Roles.AUDITOR),
                TestTokens.withRoles(Roles.SERVICE), TestTokens.withRoles(Roles.MATCHER, Roles.CRISIS_COORDINATOR));
        for (String t : changers) {
            problem(as(t).put(BASE + "/roles/{r}", s, Roles.CRISIS_COORDINATOR).then(), 403);
            problem(as(t).put(BASE + "/protocols/{p}", s, "gifct-cip").then(), 403);
            problem(as(t).delete(BASE + "/roles/{r}", s, Roles.MATCHER).then(), 403);
            problem(as(t).delete(BASE + "/protocols/{p}", s, "ccscrp").then(), 403);
        }
        List<String> readersRefused = List.of(tokenFor(UUID.randomUUID(), Roles.COMPANY),
                TestTokens.withRoles(Roles.AUDITOR), TestTokens.withRoles(Roles.SERVICE),
                TestTokens.withRoles(Roles.MATCHER));
        for (String t : readersRefused) {
            problem(as(t).get(BASE, s).then(), 403);
            problem(as(t).get(BASE + "/roles/{r}", s, Roles.MATCHER).then(), 403);
            problem(as(t).get(BASE + "/protocols/{p}", s, "ccscrp").then(), 403);
        }
        assertEquals(grants, count(ds, "entitlement"));
        assertEquals(events, count(ds, "audit_event"));
    }

    @Test
    void badGrantsAreRefusedAndChangeNothing() {
        UUID company = activeSupporter("company");
        UUID civil = activeSupporter("civil-society");
        UUID gone = activeSupporter("government");
        asSecretariat().body(Map.of("version", Fixtures.version(gone), "reason", "left"))
                .post("/api/v1/supporters/{id}/withdraw", gone).then().statusCode(200);
        long grants = count(ds, "entitlement");
        long events = count(ds, "audit_event");

        for (String role : List.of(Roles.SECRETARIAT, Roles.SERVICE, Roles.AUDITOR, Roles.GOVERNMENT, Roles.COMPANY,
                "root")) {
            problem(asSecretariat().put(BASE + "/roles/{r}", company, role).then(), 400)
                    .body("errors[0].field", equalTo("role"));
        }
        problem(asSecretariat().put(BASE + "/roles/{r}", civil, Roles.HASH_CONTRIBUTOR).then(), 400)
                .body("detail", containsString("civil-society"));
        problem(asSecretariat().put(BASE + "/protocols/{p}", company, "Not A Code").then(), 400)
                .body("errors[0].field", equalTo("protocol"));
        problem(asSecretariat().put(BASE + "/protocols/{p}", company, "x".repeat(61)).then(), 400);
        problem(asSecretariat().put(BASE + "/protocols/{p}", company, "no-such-protocol").then(), 400)
                .body("detail", containsString("protocol-service has no protocol 'no-such-protocol'"));
        problem(asSecretariat().put(BASE + "/roles/{r}", UUID.randomUUID(), Roles.MATCHER).then(), 404);
        problem(asSecretariat().put(BASE + "/protocols/{p}", UUID.randomUUID(), "ccscrp").then(), 404);
        problem(asSecretariat().get(BASE, UUID.randomUUID()).then(), 404);
        problem(asSecretariat().get(BASE, "not-a-uuid").then(), 404);
        problem(asSecretariat().put(BASE + "/roles/{r}", gone, Roles.MATCHER).then(), 409);
        problem(asSecretariat().put(BASE + "/protocols/{p}", gone, "ccscrp").then(), 409);
        problem(asSecretariat().delete(BASE + "/protocols/{p}", company, "ccscrp").then(), 404);

        assertEquals(grants, count(ds, "entitlement"));
        assertEquals(events, count(ds, "audit_event"));
    }

    @Test
    void protocolCodesComeFromProtocolServiceAskedWithASelfSignedServiceToken() throws Exception {
        // the secretariat created a protocol in protocol-service: it can be granted, nothing to deploy here
        String code = "exercise-" + UUID.randomUUID().toString().substring(0, 8);
        FakeProtocolService.serve(code);
        UUID a = activeSupporter("government");
        UUID b = activeSupporter("government");
        asSecretariat().put(BASE + "/protocols/{p}", a, code).then().statusCode(201);

        var asked = FakeProtocolService.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/protocols/" + code)));
        assertEquals(1, asked.size());
        String bearer = asked.get(0).getHeader("Authorization").substring("Bearer ".length());
        JwtClaims claims = Jwks.verify(bearer).getJwtClaims();
        assertEquals(OwnServiceToken.SUBJECT, claims.getSubject());
        assertEquals(List.of(Roles.SERVICE), claims.getStringListClaimValue("groups"));

        // confirmed once, not asked again
        asSecretariat().put(BASE + "/protocols/{p}", b, code).then().statusCode(201);
        assertEquals(1, FakeProtocolService.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/protocols/" + code)))
                .size());

        // the new protocol's participants are in the directory protocol-service reads
        Map<String, Object> entry = directoryEntry(code, a);
        assertEquals(List.of(code), entry.get("protocols"));
    }

    @Test
    void whenProtocolServiceIsDownOnlyCodesAlreadyKnownAreGranted() {
        UUID s = activeSupporter("company");
        UUID other = activeSupporter("company");
        grantProtocols(other, "eu-crisis-protocol");
        long grants = count(ds, "entitlement");
        FakeProtocolService.down();

        String unknown = "unheard-of-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            // the first attempts fail on the connection, the later ones on the open circuit breaker
            problem(asSecretariat().put(BASE + "/protocols/{p}", s, unknown).then(), 503)
                    .contentType(Problem.MEDIA_TYPE).body("detail", containsString("protocol-service"))
                    .body("detail", containsString(unknown));
        }
        assertEquals(grants, count(ds, "entitlement"));
        // a code granted before was confirmed then
        asSecretariat().put(BASE + "/protocols/{p}", s, "eu-crisis-protocol").then().statusCode(201);
        assertEquals(grants + 1, count(ds, "entitlement"));
    }

    @Test
    void aWebhookListsOnlyProtocolsTheSupporterTakesPartIn() {
        UUID s = activeSupporter("company");
        grantProtocols(s, "ccscrp");
        String own = tokenFor(s, Roles.COMPANY);
        String path = "/api/v1/supporters/{s}/webhooks";
        long hooks = count(ds, "webhook_endpoint");
        problem(as(own).body(Map.of("url", "https://co.example/hook", "protocols", List.of("ccscrp", "gifct-cip")))
                .post(path, s).then(), 403).body("errors[0].field", equalTo("protocols"))
                .body("detail", containsString("'gifct-cip'"));
        problem(asSecretariat().body(Map.of("url", "https://co.example/hook", "protocols", List.of("gifct-cip")))
                .post(path, s).then(), 403);
        assertEquals(hooks, count(ds, "webhook_endpoint"));
        String id = as(own).body(Map.of("url", "https://co.example/hook", "protocols", List.of("ccscrp"))).post(path, s)
                .then().statusCode(201).extract().path("id");
        problem(as(own).body(Map.of("version", 0, "url", "https://co.example/hook", "protocols",
                List.of("ccscrp", "eu-crisis-protocol"), "active", true)).put(path + "/{id}", s, id).then(), 403);
        as(own).get(path + "/{id}", s, id).then().statusCode(200).body("protocols", equalTo(List.of("ccscrp")));
    }

    @Test
    void participationShownToProtocolServiceComesFromTheGrants() {
        UUID s = activeSupporter("company");
        grantProtocols(s, "ccscrp", "gifct-cip");
        String own = tokenFor(s, Roles.COMPANY);
        as(own).body(Map.of("url", "https://co.example/both", "protocols", List.of("ccscrp", "gifct-cip")))
                .post("/api/v1/supporters/{s}/webhooks", s).then().statusCode(201);
        assertEquals(List.of("ccscrp", "gifct-cip"), directoryEntry(null, s).get("protocols"));

        asSecretariat().delete(BASE + "/protocols/{p}", s, "gifct-cip").then().statusCode(204);
        Map<String, Object> entry = directoryEntry(null, s);
        assertEquals(List.of("ccscrp"), entry.get("protocols"));
        // the webhook still lists gifct-cip for its owner, but protocol-service is not told to notify it
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> webhooks = (List<Map<String, Object>>) entry.get("webhooks");
        assertEquals(List.of("ccscrp"), webhooks.get(0).get("protocols"));
        assertNull(directoryEntry("gifct-cip", s));

        // a participant without any contact yet is in the directory too: it may see the protocol's incidents
        UUID quiet = activeSupporter("government");
        grantProtocols(quiet, "eu-crisis-protocol");
        assertEquals(List.of("eu-crisis-protocol"), directoryEntry("eu-crisis-protocol", quiet).get("protocols"));
    }

    private static io.restassured.specification.RequestSpecification bearer(String token) {
        return token.isEmpty() ? given() : given().auth().oauth2(token);
    }

    /** One supporter's entry in the crisis-contact directory as protocol-service reads it, or null. */
    private static Map<String, Object> directoryEntry(String protocol, UUID supporterId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var r = as(TestTokens.withRoles(Roles.SERVICE)).queryParam("limit", 500);
            if (protocol != null) {
                r = r.queryParam("protocol", protocol);
            }
            if (cursor != null) {
                r = r.queryParam("cursor", cursor);
            }
            JsonPath page = r.get("/api/v1/crisis-contacts").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all.stream().filter(e -> e.get("supporterId").equals(supporterId.toString())).findFirst().orElse(null);
    }
}
