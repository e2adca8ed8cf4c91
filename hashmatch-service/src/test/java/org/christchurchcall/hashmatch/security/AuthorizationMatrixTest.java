package org.christchurchcall.hashmatch.security;

import static org.christchurchcall.hashmatch.support.Api.exact;
import static org.christchurchcall.hashmatch.support.Api.hex;
import static org.christchurchcall.hashmatch.support.Api.json;
import static org.christchurchcall.hashmatch.support.Api.share;

import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;
import org.christchurchcall.platform.testing.authz.AuthorizationMatrixTestBase;
import org.christchurchcall.platform.testing.authz.MatrixCell;
import org.christchurchcall.platform.testing.authz.MatrixFixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The authorization matrix (src/test/resources/authz-matrix.csv) against this service.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Override
    protected String service() {
        return "hashmatch-service";
    }

    @Override
    protected MatrixFixtures fixtures() {
        return new HashFixtures();
    }

    /** Hashes and feedback of the persona's supporter or of another, made afresh for each request. */
    static final class HashFixtures implements MatrixFixtures {

        @Override
        public void prepare(MatrixCell cell) {
            UUID owner = cell.owner();
            if (owner == null) {
                return;
            }
            if (cell.is("POST", "/api/v1/hashes/{id}/retraction")) {
                cell.param("id", share(contributor(owner), exact("md5", hex(32), "image")));
            } else if (cell.is("GET", "/api/v1/hashes/{hashId}/feedback/{feedbackId}")) {
                String hash = share(contributor(otherSupporter()), exact("md5", hex(32), "image"));
                String feedback = json(TestTokens.forSupporter(owner, Roles.COMPANY, Roles.MATCHER),
                        Map.of("verdict", "agree")).post("/api/v1/hashes/{h}/feedback", hash).then().statusCode(201)
                        .extract().path("id");
                cell.param("hashId", hash).param("feedbackId", feedback);
            }
        }

        private static String contributor(UUID supporter) {
            return TestTokens.forSupporter(supporter, Roles.COMPANY, Roles.HASH_CONTRIBUTOR);
        }
    }
}
