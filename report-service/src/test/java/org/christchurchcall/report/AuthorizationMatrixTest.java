package org.christchurchcall.report;

import org.christchurchcall.platform.testing.authz.AuthorizationMatrixTestBase;
import org.christchurchcall.platform.testing.authz.MatrixFixtures;
import org.christchurchcall.report.support.WireMockSources;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The authorization matrix (src/test/resources/authz-matrix.csv) against this service. Nothing
 * here is owned by a supporter, so made-up ids serve every row.
 */
@QuarkusTest
@WithTestResource(WireMockSources.class)
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Override
    protected String service() {
        return "report-service";
    }

    @Override
    protected MatrixFixtures fixtures() {
        return new MatrixFixtures() {
        };
    }
}
