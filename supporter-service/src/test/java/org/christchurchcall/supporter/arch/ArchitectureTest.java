package org.christchurchcall.supporter.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest {

    static final JavaClasses CLASSES = ServiceShapeRules.importService("org.christchurchcall.supporter");

    @Test
    void resourcesAreReachedOnlyOverHttp() {
        ServiceShapeRules.resourcesAreReachedOnlyOverHttp().check(CLASSES);
    }

    /** Exceptions, to move behind a service: two read-only listings that page a repository with no rule between. */
    @Test
    void resourcesDoNotUseRepositories() {
        ServiceShapeRules.resourcesDoNotUseRepositories("AuditEventResource", "CommitmentResource").check(CLASSES);
    }

    @Test
    void repositoriesDoNotDependOnRest() {
        ServiceShapeRules.repositoriesDoNotDependOnRest().check(CLASSES);
    }

    @Test
    void jaxRsOnlyAtTheEdge() {
        ServiceShapeRules.jaxRsOnlyAtTheEdge().check(CLASSES);
    }

    @Test
    void dataAccessOnlyInRepositories() {
        ServiceShapeRules.dataAccessOnlyInRepositories().check(CLASSES);
    }

    @Test
    void configThroughMappings() {
        ServiceShapeRules.configThroughMappings().check(CLASSES);
    }
}
