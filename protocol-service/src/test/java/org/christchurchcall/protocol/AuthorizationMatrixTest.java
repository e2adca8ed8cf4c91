package org.christchurchcall.protocol;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.platform.testing.authz.AuthorizationMatrixTestBase;
import org.christchurchcall.platform.testing.authz.MatrixCell;
import org.christchurchcall.platform.testing.authz.MatrixFixtures;
import org.christchurchcall.protocol.support.Fixtures;
import org.christchurchcall.protocol.support.WireMockPeers;
import org.christchurchcall.protocol.support.World;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The authorization matrix (src/test/resources/authz-matrix.csv) against this service.
 */
@QuarkusTest
@QuarkusTestResource(WireMockPeers.class)
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Override
    protected String service() {
        return "protocol-service";
    }

    @Override
    protected MatrixFixtures fixtures() {
        return new IncidentFixtures();
    }

    /**
     * In own rows the incident was reported by the persona's supporter; in other rows by a
     * supporter no persona acts for. No persona's supporter takes part in its protocols (none, or
     * ccscrp where the row needs an active incident), so only the reporter and the secretariat see
     * it. A new one for every request, as transitions change it.
     */
    static final class IncidentFixtures implements MatrixFixtures {

        @Override
        public void prepare(MatrixCell cell) {
            UUID owner = cell.owner();
            if (owner == null) {
                return;
            }
            // situational updates need an active incident, and activation needs a protocol
            boolean active = cell.is("POST", "/api/v1/incidents/{id}/updates");
            JsonPath incident = given().auth().oauth2(TestTokens.forSupporter(owner, Roles.COMPANY))
                    .contentType(ContentType.JSON).body(Fixtures.report(active ? List.of("ccscrp") : List.of(), false))
                    .post("/api/v1/incidents").then().statusCode(201).extract().jsonPath();
            String id = incident.getString("id");
            if (active) {
                Fixtures.transition(TestTokens.secretariat(), id, "assessing", null, null).statusCode(200);
                Fixtures.activate(World.NZ.coordinator(), id, "ccscrp", "awareness").statusCode(201);
            }
            cell.param(cell.pathParams().containsKey("incidentId") ? "incidentId" : "id", id);
            if (cell.pathParams().containsKey("entryId")) {
                cell.param("entryId", given().auth().oauth2(TestTokens.secretariat())
                        .get("/api/v1/incidents/{id}/timeline", id).then().statusCode(200).extract()
                        .path("items[0].id"));
            }
            if (cell.is("POST", "/api/v1/incidents/{id}/transitions")) {
                cell.json(Map.of("to", "assessing", "version", incident.getLong("version")));
            } else if (active) {
                cell.json(Map.of("summary", "Copies found on two more platforms."));
            }
        }
    }
}
