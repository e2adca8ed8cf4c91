package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.asSecretariat;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.grantProtocols;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CrisisContactTest {

    private static final String SECRET = "^whsec_[A-Za-z0-9+/]{43}=$";

    @Inject
    AgroalDataSource ds;

    static Map<String, Object> contact(String name, String email, String phone) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("role", "24/7 duty officer");
        m.put("email", email);
        m.put("phone", phone);
        return m;
    }

    static Map<String, Object> webhook(String url, String... protocols) {
        return Map.of("url", url, "protocols", List.of(protocols));
    }

    @Test
    void aSupporterManagesItsContactPoints() {
        UUID s = activeSupporter("government");
        String own = tokenFor(s, Roles.GOVERNMENT);
        String path = "/api/v1/supporters/{s}/contact-points";
        var created = as(own).body(contact("Duty desk", "duty@gov.example", "+64 4 123 4567")).post(path, s).then()
                .statusCode(201).body("supporterId", equalTo(s.toString())).body("version", equalTo(0)).extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/contact-points/" + id));
        as(own).get(path, s).then().statusCode(200).body("id", equalTo(List.of(id)));

        Map<String, Object> edit = contact("Duty desk", "desk@gov.example", "+64 4 765 4321");
        edit.put("version", 0);
        as(own).body(edit).put(path + "/{id}", s, id).then().statusCode(200).body("email", equalTo("desk@gov.example"))
                .body("version", equalTo(1));
        problem(as(own).body(edit).put(path + "/{id}", s, id).then(), 409);
        asSecretariat().get(path, s).then().statusCode(200).body("[0].phone", equalTo("+64 4 765 4321"));

        as(own).delete(path + "/{id}", s, id).then().statusCode(204);
        as(own).get(path, s).then().body("$", hasSize(0));
        problem(as(own).delete(path + "/{id}", s, id).then(), 404);
    }

    @Test
    void badContactPointsStoreNothing() {
        UUID s = activeSupporter("company");
        String own = tokenFor(s, Roles.COMPANY);
        long before = count(ds, "contact_point");
        for (Object[] c : List.of(new Object[] { contact(null, "a@b.example", "+1 555 0100"), "name" },
                new Object[] { contact("A", "not-an-email", "+1 555 0100"), "email" },
                new Object[] { contact("A", "a@b.example", "call me"), "phone" },
                new Object[] { contact("A", "a@b.example", null), "phone" })) {
            problem(as(own).body(c[0]).post("/api/v1/supporters/{s}/contact-points", s).then(), 400)
                    .body("errors.field", hasItem(c[1]));
        }
        problem(as(own).body(contact("A", "a@b.example", "+1 555 0100"))
                .post("/api/v1/supporters/{s}/contact-points", UUID.randomUUID()).then(), 403);
        problem(asSecretariat().body(contact("A", "a@b.example", "+1 555 0100"))
                .post("/api/v1/supporters/{s}/contact-points", UUID.randomUUID()).then(), 404);
        assertEquals(before, count(ds, "contact_point"));
    }

    @Test
    void webhookSecretIsShownOnceAndStoredEncrypted() throws SQLException {
        UUID s = activeSupporter("company");
        grantProtocols(s, "gifct-cip", "ccscrp");
        String own = tokenFor(s, Roles.COMPANY);
        String path = "/api/v1/supporters/{s}/webhooks";
        JsonPath created = as(own).body(webhook("https://hooks.example/ccall", "gifct-cip", "ccscrp")).post(path, s)
                .then().statusCode(201).body("signingSecret", matchesPattern(SECRET))
                .body("protocols", equalTo(List.of("ccscrp", "gifct-cip"))).body("active", equalTo(true)).extract()
                .jsonPath();
        String id = created.getString("id");
        String secret = created.getString("signingSecret");
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);

        as(own).get(path + "/{id}", s, id).then().statusCode(200).body("$", not(hasKey("signingSecret")));
        as(own).get(path, s).then().statusCode(200).body("[0]", not(hasKey("signingSecret")));

        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("select signing_secret_enc from webhook_endpoint where id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                String stored = rs.getString(1);
                assertTrue(stored.startsWith("v1:"));
                assertFalse(stored.contains(secret.substring(6, 20)));
            }
        }

        assertEquals(secret, directorySecret(s, id));
        String rotated = as(own).body(Map.of("version", 0)).post(path + "/{id}/rotate-secret", s, id).then()
                .statusCode(200).body("signingSecret", matchesPattern(SECRET)).extract().path("signingSecret");
        assertNotEquals(secret, rotated);
        assertEquals(rotated, directorySecret(s, id));
        problem(as(own).body(Map.of("version", 0)).post(path + "/{id}/rotate-secret", s, id).then(), 409);
    }

    @Test
    void webhooksAreHttpsOrLoopbackHttpInDevelopment() {
        UUID s = activeSupporter("government");
        grantProtocols(s, "ccscrp");
        String own = tokenFor(s, Roles.GOVERNMENT);
        String path = "/api/v1/supporters/{s}/webhooks";
        as(own).body(webhook("http://127.0.0.1:9999/hook", "ccscrp")).post(path, s).then().statusCode(201);
        as(own).body(webhook("http://localhost:9999/hook", "ccscrp")).post(path, s).then().statusCode(201);
        long before = count(ds, "webhook_endpoint");
        List<Object[]> bad = List.of(new Object[] { webhook("http://hooks.example/ccall", "ccscrp"), "url" },
                new Object[] { webhook("http://localhost.evil.example/x", "ccscrp"), "url" },
                new Object[] { webhook("ftp://hooks.example/ccall", "ccscrp"), "url" },
                new Object[] { webhook("https://user:pw@hooks.example/x", "ccscrp"), "url" },
                new Object[] { webhook("not a url", "ccscrp"), "url" },
                new Object[] { webhook("https://hooks.example/x"), "protocols" },
                new Object[] { webhook("https://hooks.example/x", "Telepathy!"), "protocols" });
        for (Object[] c : bad) {
            problem(as(own).body(c[0]).post(path, s).then(), 400).body("errors.field", hasItem(
                    org.hamcrest.Matchers.startsWith((String) c[1])));
        }
        assertEquals(before, count(ds, "webhook_endpoint"));
    }

    @Test
    void editingAndRemovingWebhooks() {
        UUID s = activeSupporter("company");
        grantProtocols(s, "gifct-cip", "eu-crisis-protocol", "ccscrp");
        String own = tokenFor(s, Roles.COMPANY);
        String path = "/api/v1/supporters/{s}/webhooks";
        String id = as(own).body(webhook("https://a.example/hook", "gifct-cip")).post(path, s).then().statusCode(201)
                .extract().path("id");
        as(own).body(Map.of("version", 0, "url", "https://b.example/hook", "protocols", List.of("eu-crisis-protocol"),
                "active", false)).put(path + "/{id}", s, id).then().statusCode(200)
                .body("url", equalTo("https://b.example/hook")).body("active", equalTo(false))
                .body("protocols", equalTo(List.of("eu-crisis-protocol"))).body("$", not(hasKey("signingSecret")));
        problem(as(own).body(Map.of("version", 1, "url", "http://b.example/hook", "protocols", List.of("ccscrp"),
                "active", true)).put(path + "/{id}", s, id).then(), 400);
        problem(as(own).body(Map.of("version", 0, "url", "https://c.example/hook", "protocols", List.of("ccscrp"),
                "active", true)).put(path + "/{id}", s, id).then(), 409);
        as(own).delete(path + "/{id}", s, id).then().statusCode(204);
        problem(as(own).get(path + "/{id}", s, id).then(), 404);
    }

    @Test
    void onlyTheSupporterItselfAndTheSecretariatManageContacts() {
        UUID s = activeSupporter("company");
        grantProtocols(s, "ccscrp");
        String cp = as(tokenFor(s, Roles.COMPANY)).body(contact("Desk", "d@x.example", "+33 1 23 45 67 89"))
                .post("/api/v1/supporters/{s}/contact-points", s).then().statusCode(201).extract().path("id");
        String wh = asSecretariat().body(webhook("https://x.example/h", "ccscrp"))
                .post("/api/v1/supporters/{s}/webhooks", s).then().statusCode(201).extract().path("id");
        long points = count(ds, "contact_point");
        long hooks = count(ds, "webhook_endpoint");
        List<String> refused = List.of(tokenFor(UUID.randomUUID(), Roles.COMPANY, Roles.CRISIS_COORDINATOR),
                tokenFor(UUID.randomUUID(), Roles.GOVERNMENT), TestTokens.withRoles(Roles.AUDITOR),
                TestTokens.withRoles(Roles.SERVICE), TestTokens.withRoles(Roles.MATCHER));
        String base = "/api/v1/supporters/{s}";
        for (String t : refused) {
            problem(as(t).get(base + "/contact-points", s).then(), 403);
            problem(as(t).body(contact("X", "x@x.example", "+1 555 0100")).post(base + "/contact-points", s).then(), 403);
            Map<String, Object> edit = contact("X", "x@x.example", "+1 555 0100");
            edit.put("version", 0);
            problem(as(t).body(edit).put(base + "/contact-points/{id}", s, cp).then(), 403);
            problem(as(t).delete(base + "/contact-points/{id}", s, cp).then(), 403);
            problem(as(t).get(base + "/webhooks", s).then(), 403);
            problem(as(t).get(base + "/webhooks/{id}", s, wh).then(), 403);
            problem(as(t).body(webhook("https://evil.example/h", "ccscrp")).post(base + "/webhooks", s).then(), 403);
            problem(as(t).body(Map.of("version", 0, "url", "https://evil.example/h", "protocols", List.of("ccscrp"),
                    "active", true)).put(base + "/webhooks/{id}", s, wh).then(), 403);
            problem(as(t).body(Map.of("version", 0)).post(base + "/webhooks/{id}/rotate-secret", s, wh).then(), 403);
            problem(as(t).delete(base + "/webhooks/{id}", s, wh).then(), 403);
        }
        assertEquals(points, count(ds, "contact_point"));
        assertEquals(hooks, count(ds, "webhook_endpoint"));
        asSecretariat().get(base + "/webhooks/{id}", s, wh).then().statusCode(200).body("url",
                equalTo("https://x.example/h"));
    }

    @Test
    void theDirectoryListsActiveSupportersWithSecretsForTheServiceOnly() {
        UUID s = activeSupporter("company");
        grantProtocols(s, "gifct-cip", "eu-crisis-protocol");
        String own = tokenFor(s, Roles.COMPANY);
        as(own).body(contact("Trust & Safety", "ts@co.example", "+81 3 1234 5678"))
                .post("/api/v1/supporters/{s}/contact-points", s).then().statusCode(201);
        as(own).body(webhook("https://co.example/gifct", "gifct-cip")).post("/api/v1/supporters/{s}/webhooks", s)
                .then().statusCode(201);
        String euHook = as(own).body(webhook("https://co.example/eu", "eu-crisis-protocol"))
                .post("/api/v1/supporters/{s}/webhooks", s).then().statusCode(201).extract().path("id");

        Map<String, Object> forService = directoryEntry(TestTokens.withRoles(Roles.SERVICE), null, s);
        assertEquals("company", forService.get("supporterType"));
        assertEquals("JP", forService.get("country"));
        assertEquals(1, ((List<?>) forService.get("contactPoints")).size());
        assertEquals(List.of("eu-crisis-protocol", "gifct-cip"), forService.get("protocols"));
        List<Map<String, Object>> hooks = list(forService, "webhooks");
        assertEquals(2, hooks.size());
        assertTrue(hooks.stream().allMatch(h -> ((String) h.get("signingSecret")).matches(SECRET)));

        Map<String, Object> forSecretariat = directoryEntry(TestTokens.secretariat(), null, s);
        assertTrue(list(forSecretariat, "webhooks").stream().noneMatch(h -> h.containsKey("signingSecret")));

        Map<String, Object> gifct = directoryEntry(TestTokens.withRoles(Roles.SERVICE), "gifct-cip", s);
        assertEquals(List.of("https://co.example/gifct"), list(gifct, "webhooks").stream().map(h -> h.get("url")).toList());
        assertNull(directoryEntry(TestTokens.withRoles(Roles.SERVICE), "ccscrp", s));

        as(own).body(Map.of("version", 0, "url", "https://co.example/eu", "protocols", List.of("eu-crisis-protocol"),
                "active", false)).put("/api/v1/supporters/{s}/webhooks/{id}", s, euHook).then().statusCode(200);
        // still a participant, with no active endpoint to notify
        Map<String, Object> eu = directoryEntry(TestTokens.withRoles(Roles.SERVICE), "eu-crisis-protocol", s);
        assertEquals(List.of(), eu.get("webhooks"));

        asSecretariat().body(Map.of("version", Fixtures.version(s), "reason", "test"))
                .post("/api/v1/supporters/{id}/suspend", s).then().statusCode(200);
        assertNull(directoryEntry(TestTokens.withRoles(Roles.SERVICE), null, s));

        for (String t : List.of(own, TestTokens.withRoles(Roles.AUDITOR), TestTokens.withRoles(Roles.MATCHER))) {
            problem(as(t).get("/api/v1/crisis-contacts").then(), 403);
        }
        problem(as(TestTokens.withRoles(Roles.SERVICE)).queryParam("protocol", "Smoke Signals")
                .get("/api/v1/crisis-contacts").then(), 400).body("errors[0].field", equalTo("protocol"));
    }

    private String directorySecret(UUID supporterId, String webhookId) {
        Map<String, Object> entry = directoryEntry(TestTokens.withRoles(Roles.SERVICE), null, supporterId);
        return list(entry, "webhooks").stream().filter(h -> h.get("id").equals(webhookId))
                .map(h -> (String) h.get("signingSecret")).findFirst().orElseThrow();
    }

    /** Pages through the directory (two per page, to exercise the cursor) and returns one supporter's entry. */
    private static Map<String, Object> directoryEntry(String token, String protocol, UUID supporterId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            var r = as(token).queryParam("limit", 2);
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
        assertEquals(all.size(), all.stream().map(e -> e.get("supporterId")).distinct().count());
        return all.stream().filter(e -> e.get("supporterId").equals(supporterId.toString())).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> entry, String key) {
        return (List<Map<String, Object>>) entry.get(key);
    }
}
