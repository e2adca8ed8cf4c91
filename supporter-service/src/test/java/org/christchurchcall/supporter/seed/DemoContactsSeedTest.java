package org.christchurchcall.supporter.seed;

import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a demo webhook URL (as bin/ccall up sets), the demo government and company get crisis contacts. */
@QuarkusTest
@TestProfile(DemoContactsSeedTest.WithReceiver.class)
class DemoContactsSeedTest {

    static final String SECRET = "whsec_ZGVtby13ZWJob29rLXNlY3JldC1mb3ItdGhlLXRlc3Qtb25seQ==";

    public static class WithReceiver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccall.demo.webhook-url", "http://127.0.0.1:8109/", "ccall.demo.webhook-secret", SECRET);
        }
    }

    @Inject
    StartupSeeds seeds;

    @Inject
    AgroalDataSource ds;

    @Test
    void theDemoGovernmentAndCompanyHaveAContactPointAndAWebhookAtTheReceiver() {
        List<Map<String, Object>> items = as(TestTokens.withRoles(Roles.SERVICE)).queryParam("protocol", "gifct-cip")
                .get("/api/v1/crisis-contacts").then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, String> urls = Map.of("New Zealand", "http://127.0.0.1:8109/demo-government",
                "LINE Corporation", "http://127.0.0.1:8109/demo-company");
        assertEquals(urls.keySet(), items.stream().map(i -> (String) i.get("supporterName"))
                .collect(java.util.stream.Collectors.toSet()));
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> webhooks = (List<Map<String, Object>>) item.get("webhooks");
            assertEquals(1, webhooks.size());
            Map<String, Object> w = webhooks.get(0);
            assertEquals(urls.get(item.get("supporterName")), w.get("url"));
            assertEquals(SECRET, w.get("signingSecret"));
            assertEquals(List.of("ccscrp", "eu-crisis-protocol", "gifct-cip"), w.get("protocols"));
            assertEquals(true, w.get("active"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) item.get("contactPoints");
            assertEquals(1, points.size());
            assertEquals("24/7 crisis coordination", points.get(0).get("role"));
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        long points = count(ds, "contact_point");
        long webhooks = count(ds, "webhook_endpoint");
        long events = count(ds, "audit_event");
        seeds.seed();
        assertEquals(points, count(ds, "contact_point"));
        assertEquals(webhooks, count(ds, "webhook_endpoint"));
        assertEquals(events, count(ds, "audit_event"));
    }
}
