package org.christchurchcall.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The business rules stay free of the framework, and resources stay out of persistence details. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.christchurchcall.protocol");

    /** The timeline chain also builds its RFC 8785 content: the platform's canonicaliser over Jackson's tree. */
    @Test
    void rulesDependOnTheJdkOnly() {
        classes().that().haveSimpleNameStartingWith("IncidentLifecycle")
                .or().haveSimpleName("IncidentStatus").or().haveSimpleName("IllegalTransitionException")
                .or().haveSimpleName("SecondApproval")
                .or().haveSimpleNameStartingWith("TimelineChain")
                .or().haveSimpleName("Backoff")
                .or().haveSimpleNameStartingWith("SecretKeyRing").or().haveSimpleName("Secret")
                .or().haveSimpleName("SealedSecret")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                        "org.christchurchcall.protocol.incident", "org.christchurchcall.protocol.timeline",
                        "org.christchurchcall.protocol.notification", "org.christchurchcall.protocol.secret",
                        "org.christchurchcall.platform.json", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.databind.node")
                .check(CLASSES);
    }

    @Test
    void resourcesDoNotUseTheEntityManager() {
        noClasses().that().haveSimpleNameEndingWith("Resource").should().dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager").check(CLASSES);
    }
}
