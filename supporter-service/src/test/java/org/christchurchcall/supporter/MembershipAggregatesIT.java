package org.christchurchcall.supporter;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application (the JVM build here, the native binary with -Dnative). */
@QuarkusIntegrationTest
class MembershipAggregatesIT extends MembershipAggregatesTest {
}
