package org.christchurchcall.report;

import java.net.URI;
import java.nio.file.Path;

import org.christchurchcall.platform.testing.authz.AuthorizationMatrix;
import org.christchurchcall.platform.testing.authz.MatrixFixtures;
import org.christchurchcall.platform.testing.authz.MatrixRunner;
import org.christchurchcall.report.support.WireMockSources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs src/test/resources/authz-matrix.csv, the table of who may call each operation, against
 * this service, and keeps its rendering in docs/security.md current. Nothing here is owned by a
 * supporter, so made-up ids serve every row.
 */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class AuthorizationMatrixTest {

    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load("authz-matrix.csv");

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersEveryPersonaAsTheTableSays() {
        MatrixRunner.verify(MATRIX, base, new MatrixFixtures() {
        });
    }

    @Test
    void docsShowTheTable() throws Exception {
        MATRIX.assertDocumentedIn(Path.of("..", "docs", "security.md"), "report-service");
    }
}
