package org.christchurchcall.platform.testing.arch;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * Checks every {@link ServiceShapeRules} rule against one service. A service's
 * {@code arch/ArchitectureTest} names its package and, where it still breaks a rule, the classes
 * it excepts, each with its reason; it may add rules of its own.
 */
public abstract class ServiceShapeTestBase {

    private JavaClasses classes;

    /** The service's root package, e.g. {@code org.christchurchcall.supporter}. */
    protected abstract String basePackage();

    /** Simple names of classes outside repositories that still query or write; none by default. */
    protected String[] dataAccessExceptions() {
        return new String[0];
    }

    /** Simple names of resources that still call a repository; none by default. */
    protected String[] resourcesUsingRepositories() {
        return new String[0];
    }

    protected final JavaClasses importedClasses() {
        if (classes == null) {
            classes = ServiceShapeRules.importService(basePackage());
        }
        return classes;
    }

    @Test
    void resourcesAreReachedOnlyOverHttp() {
        ServiceShapeRules.resourcesAreReachedOnlyOverHttp().check(importedClasses());
    }

    @Test
    void resourcesDoNotUseRepositories() {
        ServiceShapeRules.resourcesDoNotUseRepositories(resourcesUsingRepositories()).check(importedClasses());
    }

    @Test
    void repositoriesDoNotDependOnRest() {
        ServiceShapeRules.repositoriesDoNotDependOnRest().check(importedClasses());
    }

    @Test
    void jaxRsOnlyAtTheEdge() {
        ServiceShapeRules.jaxRsOnlyAtTheEdge().check(importedClasses());
    }

    @Test
    void dataAccessOnlyInRepositories() {
        ServiceShapeRules.dataAccessOnlyInRepositories(dataAccessExceptions()).check(importedClasses());
    }

    @Test
    void configThroughMappings() {
        ServiceShapeRules.configThroughMappings().check(importedClasses());
    }
}
