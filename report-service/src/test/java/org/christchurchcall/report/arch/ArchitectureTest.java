package org.christchurchcall.report.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeTestBase;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest extends ServiceShapeTestBase {

    @Override
    protected String basePackage() {
        return "org.christchurchcall.report";
    }
}
