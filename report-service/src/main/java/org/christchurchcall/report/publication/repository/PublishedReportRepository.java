package org.christchurchcall.report.publication.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.report.publication.PublishedReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class PublishedReportRepository implements PanacheRepositoryBase<PublishedReport, UUID> {

    /**
     * Holds the period's advisory lock until the transaction ends: versions of one period are
     * numbered under it, so that two drafts published at once get consecutive numbers instead of
     * one failing on the unique key.
     */
    public void lockPeriod(String periodKey) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('published_report:' || ?1))")
                .setParameter(1, periodKey).getSingleResult();
    }

    public Optional<PublishedReport> latest(String periodKey) {
        return find("periodKey = ?1 order by versionNumber desc", periodKey).firstResultOptional();
    }

    public Optional<PublishedReport> version(String periodKey, int version) {
        return find("periodKey = ?1 and versionNumber = ?2", periodKey, version).firstResultOptional();
    }

    public List<PublishedReport> versions(String periodKey) {
        return list("periodKey = ?1 order by versionNumber", periodKey);
    }

    /** {@code rows} reports, newest first. */
    public List<PublishedReport> newest(int rows) {
        return find("order by publishedAt desc, id desc").page(0, rows).list();
    }

    /** {@code rows} reports, newest first, after (publishedAt, id). */
    public List<PublishedReport> newestAfter(Instant at, UUID id, int rows) {
        return find("(publishedAt < :at or (publishedAt = :at and id < :id)) order by publishedAt desc, id desc",
                Parameters.with("at", at).and("id", id)).page(0, rows).list();
    }
}
