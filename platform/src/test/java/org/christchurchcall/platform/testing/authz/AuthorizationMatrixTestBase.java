package org.christchurchcall.platform.testing.authz;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Runs src/test/resources/authz-matrix.csv, the table of who may call each operation, against a
 * service, and keeps its rendering in docs/security.md current. A service's
 * {@code AuthorizationMatrixTest} (a {@code @QuarkusTest}) names itself and supplies the fixtures
 * its rows need.
 */
public abstract class AuthorizationMatrixTestBase {

    protected static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load("authz-matrix.csv");

    @TestHTTPResource("/")
    URI base;

    /** The service's name as docs/security.md heads its table, e.g. {@code supporter-service}. */
    protected abstract String service();

    /** What each row needs: ids of the persona's supporter, bodies, path parameters. */
    protected abstract MatrixFixtures fixtures();

    @Test
    void everyOperationAnswersEveryPersonaAsTheTableSays() {
        MatrixRunner.verify(MATRIX, base, fixtures());
    }

    @Test
    void docsShowTheTable() throws Exception {
        MATRIX.assertDocumentedIn(Path.of("..", "docs", "security.md"), service());
    }
}
