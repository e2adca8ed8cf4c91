package org.christchurchcall.protocol.openapi;

import org.christchurchcall.platform.testing.OpenApiDocumentTestBase;

import io.quarkus.test.junit.QuarkusTest;

/** This service's OpenAPI document is complete (OpenApiDocumentTestBase); it exempts nothing. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiDocumentTestBase {
}
