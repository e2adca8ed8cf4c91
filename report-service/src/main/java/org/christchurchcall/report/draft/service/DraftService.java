package org.christchurchcall.report.draft.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.report.content.ReportContent;
import org.christchurchcall.report.content.ReportJson;
import org.christchurchcall.report.draft.ReportDraft;
import org.christchurchcall.report.draft.repository.ReportDraftRepository;
import org.christchurchcall.report.generation.service.ReportGenerator;
import org.christchurchcall.report.content.ReportPeriod;

/**
 * Drafts: generated from the sources at any time by the secretariat, kept until published or
 * discarded. Generation calls the sources outside any transaction, so a slow source never holds a
 * database connection.
 */
@ApplicationScoped
public class DraftService {

    @Inject
    ReportGenerator generator;

    @Inject
    ReportJson json;

    @Inject
    DraftStore store;

    @Inject
    ReportDraftRepository drafts;

    Clock clock = Clock.systemUTC();

    public ReportDraft generate(String periodKey, String generatedBy) {
        ReportPeriod period = ReportPeriod.parse(periodKey, "period", clock.instant());
        ReportContent content = generator.generate(period);
        ReportDraft d = new ReportDraft();
        d.id = UUID.randomUUID();
        d.periodKey = period.key();
        d.periodFrom = period.from();
        d.periodTo = period.to();
        d.generatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        d.generatedBy = generatedBy;
        d.content = json.write(content);
        d.missingCount = content.missing().size();
        d.status = ReportDraft.DRAFT;
        return store.insert(d);
    }

    public ReportContent content(ReportDraft d) {
        return json.read(d.content, ReportContent.class);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportDraft> find(UUID id) {
        return drafts.findByIdOptional(id);
    }

    /** limit + 1 drafts, newest first, after the cursor's (generatedAt, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportDraft> page(String cursor, int limit) {
        if (cursor == null) {
            return drafts.newest(limit + 1);
        }
        List<String> parts = Cursor.decode(cursor, 2);
        Instant at;
        UUID id;
        try {
            at = Instant.parse(parts.get(0));
            id = UUID.fromString(parts.get(1));
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "is not a cursor of this list");
        }
        return drafts.newestAfter(at, id, limit + 1);
    }

    @Transactional
    public void discard(UUID id) {
        ReportDraft d = drafts.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("draft", id));
        if (ReportDraft.PUBLISHED.equals(d.status)) {
            throw ApiException.invalidState("draft " + id + " was published as version " + d.publishedVersion
                    + " of " + d.periodKey + " and is kept as its origin");
        }
        drafts.delete(d);
    }
}
