package org.christchurchcall.hashmatch.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Resources stay thin: they call services, never repositories; services never reach back into resources. */
class ServiceLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.christchurchcall.hashmatch");

    @Test
    void resourcesDoNotUseRepositories() {
        noClasses().that().resideInAPackage("..hashmatch..rest..").should().dependOnClassesThat()
                .resideInAPackage("..hashmatch..repository..").check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnResources() {
        noClasses().that().resideInAPackage("..hashmatch..service..").should().dependOnClassesThat()
                .resideInAPackage("..hashmatch..rest..").check(CLASSES);
    }
}
