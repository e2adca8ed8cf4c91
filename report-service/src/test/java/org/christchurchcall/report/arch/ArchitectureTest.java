package org.christchurchcall.report.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest {

    static final JavaClasses CLASSES = ServiceShapeRules.importService("org.christchurchcall.report");

    @Test
    void resourcesAreReachedOnlyOverHttp() {
        ServiceShapeRules.resourcesAreReachedOnlyOverHttp().check(CLASSES);
    }

    @Test
    void resourcesDoNotUseRepositories() {
        ServiceShapeRules.resourcesDoNotUseRepositories().check(CLASSES);
    }

    @Test
    void repositoriesDoNotDependOnRest() {
        ServiceShapeRules.repositoriesDoNotDependOnRest().check(CLASSES);
    }

    @Test
    void jaxRsOnlyAtTheEdge() {
        ServiceShapeRules.jaxRsOnlyAtTheEdge().check(CLASSES);
    }

    /** Exceptions, to move into the draft store and a publication store: Panache active-record queries. */
    @Test
    void dataAccessOnlyInRepositories() {
        ServiceShapeRules.dataAccessOnlyInRepositories("DraftService", "PublicationService").check(CLASSES);
    }

    @Test
    void configThroughMappings() {
        ServiceShapeRules.configThroughMappings().check(CLASSES);
    }
}
