package org.christchurchcall.supporter.stocktakes.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.pagination.Cursor;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.commitments.Commitment;
import org.christchurchcall.supporter.commitments.repository.CommitmentRepository;
import org.christchurchcall.supporter.stocktakes.ProgressStatus;
import org.christchurchcall.supporter.stocktakes.Stocktake;
import org.christchurchcall.supporter.stocktakes.StocktakeReport;
import org.christchurchcall.supporter.stocktakes.repository.StocktakeReportRepository;
import org.christchurchcall.supporter.stocktakes.repository.StocktakeRepository;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.CommitmentSummary;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.EntryResult;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.OpenStocktake;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.Outcome;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.ReportEntry;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.SubmitReports;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.SubmitResult;
import org.christchurchcall.supporter.stocktakes.rest.StocktakeDtos.Summary;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.christchurchcall.supporter.supporters.service.SupporterService;

/** Stocktake cycles: the secretariat opens and closes them; supporters report while open. */
@ApplicationScoped
@Transactional
public class StocktakeService {

    @Inject
    StocktakeRepository stocktakes;

    @Inject
    StocktakeReportRepository reports;

    @Inject
    CommitmentRepository commitments;

    @Inject
    SupporterService supporters;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    public Stocktake open(OpenStocktake req) {
        String name = req.name().trim();
        stocktakes.findByName(name).ifPresent(s -> {
            throw ApiException.conflict("a stocktake named '" + s.name + "' exists: " + s.id);
        });
        Stocktake s = Stocktake.open(name, req.description());
        stocktakes.persist(s);
        audit.record("stocktake", s.id, "opened", "opened stocktake '" + name + "'");
        return s;
    }

    public Stocktake close(UUID id, long version) {
        Stocktake s = load(id);
        if (s.version != version) {
            throw ApiException.staleVersion(version, s.version);
        }
        s.close();
        stocktakes.flush();
        audit.record("stocktake", s.id, "closed", "closed stocktake '" + s.name + "'; its reports are frozen");
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Stocktake> find(UUID id) {
        return stocktakes.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stocktake> page(String cursor, int rows) {
        if (cursor == null) {
            return stocktakes.page(null, null, rows);
        }
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            return stocktakes.page(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)), rows);
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "not a cursor this list returned");
        }
    }

    /**
     * Creates or replaces the caller's reports on the given commitments. Everything is checked
     * before anything is written, so a bad entry leaves all reports as they were.
     */
    public SubmitResult submit(UUID stocktakeId, SubmitReports req) {
        Stocktake stocktake = load(stocktakeId);
        UUID supporterId = req.supporterId() != null ? req.supporterId() : caller.supporterId().orElseThrow(
                () -> ApiException.invalidField("supporterId", "required when the caller acts for no supporter"));
        if (!caller.isSecretariat() && !caller.actsFor(supporterId)) {
            throw ApiException.forbidden("a supporter reports only for itself");
        }
        Supporter supporter = supporters.load(supporterId);
        if (!supporter.isActive()) {
            throw ApiException.invalidState("only active supporters report; " + supporter.name + " is "
                    + supporter.status.code());
        }
        stocktake.requireOpen();
        Map<String, Commitment> catalogue = commitments.all().stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        checkEntries(req.entries(), catalogue, supporter.type);

        Map<String, StocktakeReport> existing = reports.ofSupporter(stocktakeId, supporterId).stream()
                .collect(Collectors.toMap(r -> r.commitmentId, Function.identity()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<StocktakeReport> touched = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (ReportEntry e : req.entries()) {
            String[] urls = e.evidenceUrls() == null ? new String[0] : e.evidenceUrls().toArray(String[]::new);
            StocktakeReport r = existing.get(e.commitmentId());
            Outcome outcome;
            if (r == null) {
                r = new StocktakeReport();
                r.id = UUID.randomUUID();
                r.stocktakeId = stocktakeId;
                r.supporterId = supporterId;
                r.commitmentId = e.commitmentId();
                outcome = Outcome.created;
            } else if (r.status == e.status() && Objects.equals(r.evidence, e.evidence())
                    && Arrays.equals(r.evidenceUrls, urls)) {
                touched.add(r);
                outcomes.add(Outcome.unchanged);
                continue;
            } else {
                outcome = Outcome.updated;
            }
            r.status = e.status();
            r.evidence = e.evidence();
            r.evidenceUrls = urls;
            r.submittedBy = caller.clientId();
            r.updatedAt = now;
            if (outcome == Outcome.created) {
                reports.persist(r);
            }
            touched.add(r);
            outcomes.add(outcome);
            audit.record("stocktake-report", r.id, outcome.name(), supporter.name + " reports " + r.status.code()
                    + " on " + r.commitmentId + " in '" + stocktake.name + "'");
        }
        reports.flush();
        List<EntryResult> results = new ArrayList<>();
        for (int i = 0; i < touched.size(); i++) {
            StocktakeReport r = touched.get(i);
            results.add(new EntryResult(r.commitmentId, outcomes.get(i), r.id, r.version));
        }
        return new SubmitResult(stocktakeId, supporterId, results);
    }

    private static void checkEntries(List<ReportEntry> entries, Map<String, Commitment> catalogue, SupporterType type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String field = "entries[" + i + "].commitmentId";
            String id = entries.get(i).commitmentId();
            Commitment c = catalogue.get(id);
            if (c == null) {
                errors.add(new Problem.FieldError(field, "no commitment has this id"));
            } else if (!c.appliesTo(type)) {
                errors.add(new Problem.FieldError(field, "does not apply to a " + type.code() + " supporter"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError(field, "appears twice in this submission"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION, errors.size() == 1 ? errors.get(0).field() + ": "
                    + errors.get(0).message() : errors.size() + " entries are invalid", errors);
        }
    }

    /** The secretariat and auditors read every report; a supporter reads only its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StocktakeReport> reports(UUID stocktakeId, UUID supporterId, String commitmentId, String cursor,
            int rows) {
        load(stocktakeId);
        UUID visible = supporterId;
        if (!caller.isSecretariat() && !caller.hasRole(Roles.AUDITOR)) {
            UUID own = caller.supporterId()
                    .orElseThrow(() -> ApiException.forbidden("only supporters, the secretariat and auditors read reports"));
            if (supporterId != null && !supporterId.equals(own)) {
                throw ApiException.forbidden("a supporter reads only its own reports");
            }
            visible = own;
        }
        UUID after = null;
        if (cursor != null) {
            after = Cursor.decodeUuid(cursor);
        }
        return reports.page(stocktakeId, visible, commitmentId, after, rows);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(UUID stocktakeId) {
        Stocktake s = load(stocktakeId);
        Map<String, List<StocktakeReportRepository.Count>> byCommitment = reports.counts(stocktakeId).stream()
                .collect(Collectors.groupingBy(StocktakeReportRepository.Count::commitmentId));
        List<CommitmentSummary> lines = new ArrayList<>();
        long total = 0;
        for (Commitment c : commitments.all()) {
            Map<String, Long> byStatus = zeroes();
            Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
            for (SupporterType t : SupporterType.values()) {
                if (c.appliesTo(t)) {
                    byType.put(t.code(), zeroes());
                }
            }
            long count = 0;
            for (StocktakeReportRepository.Count n : byCommitment.getOrDefault(c.id, List.of())) {
                byStatus.merge(n.status().code(), n.reports(), Long::sum);
                byType.computeIfAbsent(n.supporterType().code(), k -> zeroes()).merge(n.status().code(), n.reports(),
                        Long::sum);
                count += n.reports();
            }
            total += count;
            lines.add(new CommitmentSummary(c.id, c.commitmentGroup, c.label, count, byStatus, byType));
        }
        return new Summary(s.id, s.name, s.status, reports.supportersReporting(stocktakeId), total, lines);
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ProgressStatus p : ProgressStatus.values()) {
            m.put(p.code(), 0L);
        }
        return m;
    }

    private Stocktake load(UUID id) {
        return stocktakes.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("stocktake", id));
    }
}
