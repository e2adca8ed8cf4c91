package org.christchurchcall.report.draft.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.christchurchcall.report.draft.ReportDraft;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ReportDraftRepository implements PanacheRepositoryBase<ReportDraft, UUID> {

    /** The draft, locked until the transaction ends, so that it is published at most once. */
    public Optional<ReportDraft> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** {@code rows} drafts, newest first. */
    public List<ReportDraft> newest(int rows) {
        return find("order by generatedAt desc, id desc").page(0, rows).list();
    }

    /** {@code rows} drafts, newest first, after (generatedAt, id). */
    public List<ReportDraft> newestAfter(Instant at, UUID id, int rows) {
        return find("(generatedAt < :at or (generatedAt = :at and id < :id)) order by generatedAt desc, id desc",
                Parameters.with("at", at).and("id", id)).page(0, rows).list();
    }
}
