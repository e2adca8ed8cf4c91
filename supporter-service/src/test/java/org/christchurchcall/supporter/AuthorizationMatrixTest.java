package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.asSecretariat;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.christchurchcall.platform.testing.authz.AuthorizationMatrixTestBase;
import org.christchurchcall.platform.testing.authz.MatrixCell;
import org.christchurchcall.platform.testing.authz.MatrixFixtures;
import org.christchurchcall.platform.testing.authz.Persona;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The authorization matrix (src/test/resources/authz-matrix.csv) against this service. Personas that act for a
 * supporter act for real, active supporters here, because ownership checks load them.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Override
    protected String service() {
        return "supporter-service";
    }

    @Override
    protected MatrixFixtures fixtures() {
        return new SupporterFixtures();
    }

    static final class SupporterFixtures implements MatrixFixtures {

        private final Map<Persona, UUID> supporters = new EnumMap<>(Persona.class);
        private UUID other;
        private UUID stocktake;

        @Override
        public UUID supporterOf(Persona p) {
            if (!p.actsForSupporter()) {
                return null;
            }
            // the operational personas hold no type role; their supporters are companies
            return supporters.computeIfAbsent(p,
                    x -> Fixtures.activeSupporter(x.supporterType() == null ? "company" : x.supporterType()));
        }

        @Override
        public UUID otherSupporter() {
            if (other == null) {
                other = Fixtures.activeSupporter("company");
            }
            return other;
        }

        @Override
        public void prepare(MatrixCell cell) {
            if (cell.is("POST", "/oauth2/token")) {
                // a well-formed grant, so that only the (missing) client authentication decides
                cell.body("application/x-www-form-urlencoded",
                        "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
            }
            UUID owner = cell.owner();
            if (owner == null) {
                return;
            }
            String path = cell.row().path();
            if (path.startsWith("/api/v1/supporters/{supporterId}/")) {
                cell.param("supporterId", owner);
            }
            if (cell.is("GET", "/api/v1/clients")) {
                cell.query("supporterId", owner);
            } else if (cell.is("POST", "/api/v1/clients")) {
                cell.json(Map.of("name", "matrix client", "supporterId", owner, "roles", List.of()));
            } else if (path.startsWith("/api/v1/clients/{id}")) {
                cell.param("id", client(owner));
                if (cell.row().method().equals("POST")) {
                    cell.json(Map.of("reason", "matrix"));
                }
            } else if (cell.is("GET", "/api/v1/stocktakes/{id}/reports")) {
                cell.param("id", stocktake()).query("supporterId", owner);
            } else if (cell.is("POST", "/api/v1/stocktakes/{id}/reports")) {
                cell.param("id", stocktake()).json(Map.of("supporterId", owner, "entries",
                        List.of(Map.of("commitmentId", "joint-1", "status", "in-progress"))));
            } else if (cell.is("PUT", "/api/v1/supporters/{id}")) {
                JsonPath s = asSecretariat().get("/api/v1/supporters/{id}", owner).then().statusCode(200).extract()
                        .jsonPath();
                Map<String, Object> body = new HashMap<>();
                body.put("version", s.getLong("version"));
                body.put("name", s.getString("name"));
                body.put("country", s.getString("country"));
                body.put("website", s.getString("website"));
                cell.param("id", owner).json(body);
            } else if (path.contains("/contact-points")) {
                prepareContactPoint(cell, owner);
            } else if (path.contains("/webhooks")) {
                prepareWebhook(cell, owner);
            } else if (path.contains("/entitlements/")) {
                prepareEntitlement(cell, owner);
            }
        }

        /** Reads and withdrawals need a grant that is held; civil society cannot hold an operational role. */
        private static void prepareEntitlement(MatrixCell cell, UUID owner) {
            boolean needsGrant = !cell.row().method().equals("PUT");
            if (cell.row().path().endsWith("{role}")) {
                cell.param("role", "matcher");
                if (needsGrant) {
                    asSecretariat().put("/api/v1/supporters/{s}/entitlements/roles/matcher", owner);
                }
            } else {
                cell.param("protocol", "ccscrp");
                if (needsGrant) {
                    Fixtures.grantProtocols(owner, "ccscrp");
                }
            }
        }

        private static void prepareContactPoint(MatrixCell cell, UUID owner) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Duty officer", "role", "24/7 desk", "email",
                    "desk@example.org", "phone", "+64 4 123 4567"));
            if (cell.pathParams().containsKey("id")) {
                cell.param("id", asSecretariat().body(body).post("/api/v1/supporters/{s}/contact-points", owner).then()
                        .statusCode(201).extract().path("id"));
                body.put("version", 0);
            }
            if (!cell.row().method().equals("GET") && !cell.row().method().equals("DELETE")) {
                cell.json(body);
            }
        }

        private static void prepareWebhook(MatrixCell cell, UUID owner) {
            // a webhook may only name protocols its supporter was granted
            Fixtures.grantProtocols(owner, "ccscrp");
            // inactive, so that the crisis-contact directory does not list them
            Map<String, Object> body = new HashMap<>(Map.of("url", "https://hooks.example.org/matrix", "protocols",
                    Set.of("ccscrp"), "active", false));
            if (cell.pathParams().containsKey("id")) {
                cell.param("id", asSecretariat().body(body).post("/api/v1/supporters/{s}/webhooks", owner).then()
                        .statusCode(201).extract().path("id"));
                body.put("version", 0);
            }
            if (cell.is("POST", "/api/v1/supporters/{supporterId}/webhooks/{id}/rotate-secret")) {
                cell.json(Map.of("version", 0));
            } else if (!cell.row().method().equals("GET") && !cell.row().method().equals("DELETE")) {
                cell.json(body);
            }
        }

        private static String client(UUID owner) {
            return asSecretariat().body(Map.of("name", "matrix fixture", "supporterId", owner, "roles", List.of()))
                    .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        }

        private UUID stocktake() {
            if (stocktake == null) {
                stocktake = UUID.fromString(asSecretariat().body(Map.of("name", Fixtures.uniqueName("Matrix stocktake")))
                        .post("/api/v1/stocktakes").then().statusCode(201).extract().path("id"));
            }
            return stocktake;
        }
    }
}
