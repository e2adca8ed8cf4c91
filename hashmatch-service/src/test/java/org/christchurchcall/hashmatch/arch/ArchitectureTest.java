package org.christchurchcall.hashmatch.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeRules;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest {

    static final JavaClasses CLASSES = ServiceShapeRules.importService("org.christchurchcall.hashmatch");

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
     * Exceptions, to move into repositories: the aggregates, the change feed and log, the index
     * follower and the match tally are tuned JDBC (server-side cursors, COPY-like batches, one
     * snapshot per aggregate), written before the shape; feedback, disputes, labels and hash counts
     * still use Panache's active record from their services.
     */
    @Test
    void dataAccessOnlyInRepositories() {
        ServiceShapeRules.dataAccessOnlyInRepositories("AggregateService", "ChangeFeed", "ChangeLog", "DisputeService", "FeedbackService", "HashQueryService", "LabelTaxonomy", "IndexFollower", "IndexFollowerService", "MatchService", "MatchTally").check(CLASSES);
    }

    @Test
    void configThroughMappings() {
        ServiceShapeRules.configThroughMappings().check(CLASSES);
    }
}
