package org.christchurchcall.hashmatch.arch;

import org.christchurchcall.platform.testing.arch.ServiceShapeTestBase;

/** The shape every service follows (docs/service-shape.md). */
class ArchitectureTest extends ServiceShapeTestBase {

    @Override
    protected String basePackage() {
        return "org.christchurchcall.hashmatch";
    }

    /**
     * To move into repositories: the aggregates, the change feed and log, the index follower and
     * the match tally are tuned JDBC (server-side cursors, batches, one snapshot per aggregate)
     * written before the shape; feedback, disputes, labels and hash counts still use Panache's
     * active record from their services.
     */
    @Override
    protected String[] dataAccessExceptions() {
        return new String[] { "AggregateService", "ChangeFeed", "ChangeLog", "DisputeService", "FeedbackService",
                "HashQueryService", "LabelTaxonomy", "IndexFollower", "IndexFollowerService", "MatchService",
                "MatchTally" };
    }
}
