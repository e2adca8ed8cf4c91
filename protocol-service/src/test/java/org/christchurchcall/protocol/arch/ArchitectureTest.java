package org.christchurchcall.protocol.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.christchurchcall.platform.testing.arch.ServiceShapeTestBase;
import org.junit.jupiter.api.Test;

/** The shape every service follows (docs/service-shape.md); the business rules stay free of the framework. */
class ArchitectureTest extends ServiceShapeTestBase {

    @Override
    protected String basePackage() {
        return "org.christchurchcall.protocol";
    }

    /**
     * To move into repositories or stores: these services still use Panache's active record
     * (incidents, activations, acknowledgements) or JDBC (the outbox, the event feed, the
     * timeline's batched appends, secret re-encryption) directly. Resources no longer do.
     */
    @Override
    protected String[] dataAccessExceptions() {
        return new String[] { "IncidentAggregates", "ContactDirectory", "SecretReencryption",
                "IncidentEventFeed", "Access", "ActivationService", "IncidentService", "Acknowledgements", "Outbox",
                "Timeline" };
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
                .check(importedClasses());
    }
}
