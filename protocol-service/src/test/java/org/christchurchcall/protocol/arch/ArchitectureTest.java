package org.christchurchcall.protocol.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.christchurchcall.platform.testing.arch.ServiceShapeRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** The shape every service follows (docs/service-shape.md); the business rules stay free of the framework. */
class ArchitectureTest {

    static final JavaClasses CLASSES = ServiceShapeRules.importService("org.christchurchcall.protocol");

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

    /**
     * Exceptions, to move into repositories or stores: these services still use Panache's active
     * record (incidents, activations, protocols, acknowledgements) or JDBC (the outbox, the event
     * feed, the timeline's batched appends, secret re-encryption) directly. Resources no longer do.
     */
    @Test
    void dataAccessOnlyInRepositories() {
        ServiceShapeRules.dataAccessOnlyInRepositories("IncidentAggregates", "ProtocolService", "ContactDirectory", "SecretReencryption", "IncidentEventFeed", "Access", "ActivationService", "IncidentService", "Acknowledgements", "Outbox", "Timeline").check(CLASSES);
    }

    @Test
    void configThroughMappings() {
        ServiceShapeRules.configThroughMappings().check(CLASSES);
    }

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
}
