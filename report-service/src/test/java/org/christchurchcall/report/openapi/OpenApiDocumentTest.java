package org.christchurchcall.report.openapi;

import java.util.Set;

import org.christchurchcall.platform.testing.OpenApiDocumentTestBase;

import io.quarkus.test.junit.QuarkusTest;

/** This service's OpenAPI document is complete (OpenApiDocumentTestBase); published reports are public. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTestBase {

    /** Published reports are public by design: anyone may read and re-check them without a token. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/reports",
            "GET /api/v1/reports/{period}",
            "GET /api/v1/reports/{period}/latest",
            "GET /api/v1/reports/{period}/latest/{rest}",
            "GET /api/v1/reports/{period}/versions/{version}",
            "GET /api/v1/reports/{period}/versions/{version}/canonical.json",
            "GET /api/v1/reports/{period}/versions/{version}/report.html",
            "GET /api/v1/reports/{period}/versions/{version}/tables.zip",
            "GET /api/v1/reports/{period}/versions/{version}/tables/{figure}.csv",
            "GET /api/v1/reports/{period}/versions/{version}/changes");

    @Override
    protected Set<String> publicOperations() {
        return PUBLIC;
    }
}
