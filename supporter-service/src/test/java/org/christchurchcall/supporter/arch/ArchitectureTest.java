package org.christchurchcall.supporter.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeTestBase;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest extends ServiceShapeTestBase {

    @Override
    protected String basePackage() {
        return "org.christchurchcall.supporter";
    }

    /** Two read-only listings that page a repository with no rule between; to move behind a service. */
    @Override
    protected String[] resourcesUsingRepositories() {
        return new String[] { "AuditEventResource", "CommitmentResource" };
    }
}
