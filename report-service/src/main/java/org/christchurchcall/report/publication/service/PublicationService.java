package org.christchurchcall.report.publication.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.json.CanonicalJson;
import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.report.content.MissingFigure;
import org.christchurchcall.report.content.ReportContent;
import org.christchurchcall.report.content.ReportJson;
import org.christchurchcall.report.content.ReportSnapshot;
import org.christchurchcall.report.content.Timestamps;
import org.christchurchcall.report.draft.ReportDraft;
import org.christchurchcall.report.draft.repository.ReportDraftRepository;
import org.christchurchcall.report.publication.PublishedReport;
import org.christchurchcall.report.publication.repository.PublishedReportRepository;

/**
 * Publishing freezes a draft into the next version of its period's report: the snapshot's
 * canonical JSON is stored with its SHA-256 and never changes again.
 */
@ApplicationScoped
public class PublicationService {

    /** What publishing a draft needs: its current version, and an override when figures are missing. */
    public record PublishCommand(long draftVersion, String overrideReason) {
    }

    @Inject
    PublishedReportRepository reports;

    @Inject
    ReportDraftRepository drafts;

    @Inject
    ReportJson json;

    Clock clock = Clock.systemUTC();

    @Transactional
    public PublishedReport publish(UUID draftId, PublishCommand command, String publishedBy) {
        ReportDraft draft = drafts.findForUpdate(draftId).orElseThrow(() -> ApiException.notFound("draft", draftId));
        if (draft.version != command.draftVersion()) {
            throw ApiException.staleVersion(command.draftVersion(), draft.version);
        }
        if (ReportDraft.PUBLISHED.equals(draft.status)) {
            throw ApiException.invalidState("draft " + draftId + " is already published as version " + draft.publishedVersion
                    + " of " + draft.periodKey + "; generate a new draft for a new version");
        }
        ReportContent content = json.read(draft.content, ReportContent.class);
        ReportSnapshot.Override override = override(content.missing(), command.overrideReason());

        // versions of one period are numbered under a lock on that period
        reports.lockPeriod(draft.periodKey);
        Optional<PublishedReport> previous = reports.latest(draft.periodKey);
        int version = previous.map(p -> p.versionNumber + 1).orElse(1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        ReportSnapshot snapshot = ReportSnapshot.freeze(content, version, Timestamps.format(now), override,
                previous.map(p -> new ReportSnapshot.Previous(p.versionNumber, p.sha256)).orElse(null));
        String canonical = json.canonical(snapshot);

        PublishedReport report = new PublishedReport();
        report.id = UUID.randomUUID();
        report.periodKey = draft.periodKey;
        report.versionNumber = version;
        report.publishedAt = now;
        report.publishedBy = publishedBy;
        report.draftId = draft.id;
        report.snapshot = canonical;
        report.sha256 = CanonicalJson.sha256Hex(canonical);
        report.missingCount = content.missing().size();
        reports.persist(report);

        draft.status = ReportDraft.PUBLISHED;
        draft.publishedVersion = version;
        return report;
    }

    private static ReportSnapshot.Override override(List<MissingFigure> missing, String reason) {
        boolean hasReason = reason != null && !reason.isBlank();
        if (missing.isEmpty()) {
            if (hasReason) {
                throw ApiException.invalidField("override", "the draft has every figure; there is nothing to override");
            }
            return null;
        }
        String names = missing.stream().map(MissingFigure::figure).collect(Collectors.joining(", "));
        if (!hasReason) {
            throw ApiException.invalidState("the draft lacks " + missing.size() + " figure(s): " + names
                    + "; publishing it needs an override with a reason, which the report will state");
        }
        String statement = "Published without " + missing.size() + " figure(s) that could not be obtained from their sources ("
                + names + "). The secretariat chose to publish anyway: " + reason.strip();
        return new ReportSnapshot.Override(reason.strip(), statement);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedReport> latest(String periodKey) {
        return reports.latest(periodKey);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublishedReport> find(String periodKey, int version) {
        return reports.version(periodKey, version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedReport> versions(String periodKey) {
        return reports.versions(periodKey);
    }

    /** limit + 1 published reports, newest first, after the cursor's (publishedAt, id). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PublishedReport> page(String cursor, int limit) {
        if (cursor == null) {
            return reports.newest(limit + 1);
        }
        List<String> parts = Cursor.decode(cursor, 2);
        Instant at;
        UUID id;
        try {
            at = Instant.parse(parts.get(0));
            id = UUID.fromString(parts.get(1));
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "not a cursor this list returned");
        }
        return reports.newestAfter(at, id, limit + 1);
    }

    public ReportSnapshot snapshot(PublishedReport r) {
        return json.read(r.snapshot, ReportSnapshot.class);
    }
}
