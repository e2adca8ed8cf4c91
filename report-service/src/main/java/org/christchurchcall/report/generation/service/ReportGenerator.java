package org.christchurchcall.report.generation.service;

import static org.christchurchcall.report.generation.service.MissingFieldException.require;
import static org.christchurchcall.report.generation.service.Rows.fromCounts;
import static org.christchurchcall.report.generation.service.Rows.row;
import static org.christchurchcall.report.generation.service.Rows.seconds;
import static org.christchurchcall.report.generation.service.Rows.share;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.christchurchcall.report.content.Figures;
import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.MissingFigure;
import org.christchurchcall.report.content.PeriodView;
import org.christchurchcall.report.content.ReportContent;
import org.christchurchcall.report.content.SourceStatus;
import org.christchurchcall.report.content.Timestamps;
import org.christchurchcall.report.content.ReportPeriod;
import org.christchurchcall.report.generation.client.HashAggregates;
import org.christchurchcall.report.generation.client.IncidentAggregates;
import org.christchurchcall.report.generation.client.MembershipAggregates;
import org.christchurchcall.report.generation.client.Sources;
import org.christchurchcall.report.generation.client.StocktakeSummary;
import org.jboss.logging.Logger;

/**
 * Asks each source for its aggregates and lays them out as the report's figure tables. A source
 * that fails leaves all its figures missing, with the reason; a source that answers without some
 * field leaves just that figure missing. Nothing unknown is ever written as zero.
 */
@ApplicationScoped
public class ReportGenerator {

    private static final Logger LOG = Logger.getLogger(ReportGenerator.class);

    @Inject
    Sources sources;

    @Inject
    StocktakeSelector stocktakes;

    Clock clock = Clock.systemUTC();

    public ReportContent generate(ReportPeriod period) {
        Map<String, FigureTable> tables = new LinkedHashMap<>();
        Figures.catalog().forEach(t -> tables.put(t.id(), t));
        List<SourceStatus> statuses = new ArrayList<>();

        fetch(Figures.HASH_AGGREGATES, Sources.HASHMATCH, Sources.hashAggregatesRequest(period),
                () -> sources.hashAggregates(period), tables, statuses, this::hashFigures);
        fetch(Figures.INCIDENT_AGGREGATES, Sources.PROTOCOL, Sources.incidentAggregatesRequest(period),
                () -> sources.incidentAggregates(period), tables, statuses, this::incidentFigures);
        fetch(Figures.MEMBERSHIP_AGGREGATES, Sources.SUPPORTER, Sources.membershipRequest(period),
                () -> sources.membership(period), tables, statuses, this::membershipFigures);
        fetch(Figures.STOCKTAKE_SUMMARY, Sources.SUPPORTER, "GET /api/v1/stocktakes/{latest opened before "
                + Timestamps.format(period.to()) + "}/summary", () -> stocktakes.latestBefore(period.to()), tables, statuses,
                this::stocktakeFigures);

        List<MissingFigure> missing = tables.values().stream().filter(FigureTable::isMissing)
                .map(t -> new MissingFigure(t.id(), t.title(), t.source(), t.missingReason())).toList();
        return new ReportContent(ReportContent.SCHEMA, "Christchurch Call transparency report, " + period.label(),
                PeriodView.of(period), Timestamps.format(clock.instant()), statuses, List.copyOf(tables.values()), missing);
    }

    /**
     * Calls one source; {@code layout} gives, per figure of that source, a supplier of its rows that
     * throws {@link MissingFieldException} when the answer lacks the figure.
     */
    private <T> void fetch(String sourceId, String service, String request, Supplier<T> call, Map<String, FigureTable> tables,
            List<SourceStatus> statuses, Function<T, Map<String, Supplier<TableContent>>> layout) {
        Instant at = clock.instant();
        T payload;
        try {
            payload = call.get();
        } catch (RuntimeException e) {
            String reason = describe(service, e);
            LOG.warnf("report source %s failed: %s", sourceId, reason);
            statuses.add(new SourceStatus(sourceId, service, request, Timestamps.format(at), SourceStatus.UNAVAILABLE, reason));
            tables.replaceAll((id, t) -> t.source().equals(sourceId) ? t.asMissing(reason) : t);
            return;
        }
        statuses.add(new SourceStatus(sourceId, service, request, Timestamps.format(at), SourceStatus.OK, null));
        layout.apply(payload).forEach((id, rows) -> {
            FigureTable t = tables.get(id);
            try {
                TableContent content = rows.get();
                tables.put(id, t.withRows(content.rows(), content.note()));
            } catch (MissingFieldException e) {
                tables.put(id, t.asMissing(e.getMessage()));
            }
        });
    }

    static String describe(String service, Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (kind.contains("CircuitBreakerOpen")) {
            return service + " is failing; report-service stopped calling it for a while (circuit breaker open)";
        }
        if (kind.contains("Timeout")) {
            return service + " did not answer in time";
        }
        return message == null || message.isBlank() ? service + " failed: " + kind : message;
    }

    record TableContent(List<Map<String, Object>> rows, String note) {
        static TableContent of(List<Map<String, Object>> rows) {
            return new TableContent(rows, null);
        }
    }

    private Map<String, Supplier<TableContent>> hashFigures(HashAggregates h) {
        String s = Sources.HASHMATCH;
        Map<String, Supplier<TableContent>> f = new LinkedHashMap<>();
        Supplier<HashAggregates.Holdings> records = () -> require(h.records(), s, "records");
        Supplier<HashAggregates.Flow> flow = () -> require(h.period(), s, "period");
        Supplier<HashAggregates.Disputes> disputes = () -> require(h.disputes(), s, "disputes");
        Supplier<HashAggregates.Matches> matches = () -> require(h.matches(), s, "matches");
        f.put(Figures.HASHES_BY_TYPE, () -> TableContent.of(
                fromCounts(require(records.get().byType(), s, "records.byType"), "type", "hashes")));
        f.put(Figures.HASHES_BY_LABEL, () -> TableContent.of(
                fromCounts(require(records.get().byLabel(), s, "records.byLabel"), "label", "hashes")));
        f.put(Figures.HASHES_BY_CONTRIBUTOR_TYPE, () -> TableContent.of(fromCounts(
                require(records.get().byContributorType(), s, "records.byContributorType"), "supporterType", "hashes")));
        f.put(Figures.HASHES_BY_STATUS, () -> TableContent.of(
                fromCounts(require(records.get().byStatus(), s, "records.byStatus"), "status", "hashes")));
        f.put(Figures.HASHES_ADDED_RETRACTED, () -> TableContent.of(List.of(
                row("change", "added", "hashes", require(flow.get().added(), s, "period.added")),
                row("change", "retracted", "hashes", require(flow.get().retracted(), s, "period.retracted")))));
        f.put(Figures.HASHES_ADDED_BY_TYPE, () -> TableContent.of(
                fromCounts(require(flow.get().addedByType(), s, "period.addedByType"), "type", "hashes")));
        f.put(Figures.HASH_FEEDBACK, () -> {
            HashAggregates.Feedback fb = require(h.feedback(), s, "feedback");
            return TableContent.of(List.of(row("verdict", "agree", "feedback", require(fb.agree(), s, "feedback.agree")),
                    row("verdict", "disagree", "feedback", require(fb.disagree(), s, "feedback.disagree"))));
        });
        f.put(Figures.DISPUTES, () -> TableContent.of(List.of(row(
                "raised", require(disputes.get().raised(), s, "disputes.raised"),
                "resolved", require(disputes.get().resolved(), s, "disputes.resolved"),
                "openNow", require(disputes.get().openNow(), s, "disputes.openNow")))));
        f.put(Figures.DISPUTE_OUTCOMES, () -> TableContent.of(
                fromCounts(require(disputes.get().outcomes(), s, "disputes.outcomes"), "outcome", "disputes")));
        f.put(Figures.MATCHES_SERVED, () -> TableContent.of(List.of(row(
                "queries", require(matches.get().queries(), s, "matches.queries"),
                "matches", require(matches.get().matches(), s, "matches.matches")))));
        f.put(Figures.MATCHES_BY_TYPE, () -> TableContent.of(
                fromCounts(require(matches.get().matchesByType(), s, "matches.matchesByType"), "type", "matches")));
        return f;
    }

    private Map<String, Supplier<TableContent>> incidentFigures(IncidentAggregates a) {
        String s = Sources.PROTOCOL;
        Map<String, Supplier<TableContent>> f = new LinkedHashMap<>();
        f.put(Figures.INCIDENTS_AND_EXERCISES, () -> TableContent.of(List.of(
                row("kind", "incidents-reported", "count", require(a.incidents(), s, "incidents")),
                row("kind", "incidents-activated", "count", require(a.activatedIncidents(), s, "activatedIncidents")),
                row("kind", "incidents-concluded", "count", require(a.concludedIncidents(), s, "concludedIncidents")),
                row("kind", "exercises-left-out", "count", require(a.exercisesExcluded(), s, "exercisesExcluded")))));
        f.put(Figures.INCIDENTS_BY_STATUS, () -> TableContent.of(
                fromCounts(require(a.incidentsByStatus(), s, "incidentsByStatus"), "status", "incidents")));
        f.put(Figures.INCIDENTS_BY_PROTOCOL_LEVEL, () -> TableContent.of(
                require(a.activationsByProtocolAndLevel(), s, "activationsByProtocolAndLevel").stream()
                        .sorted(Comparator.comparing(IncidentAggregates.ProtocolLevelCount::protocol)
                                .thenComparing(IncidentAggregates.ProtocolLevelCount::level))
                        .map(c -> row("protocol", c.protocol(), "level", c.level(), "activations", c.activations())).toList()));
        f.put(Figures.RESPONSE_TIMES, () -> {
            IncidentAggregates.Timings t = require(a.timings(), s, "timings");
            return TableContent.of(List.of(
                    timing("report-to-activation", require(t.reportToActivationSeconds(), s, "timings.reportToActivationSeconds")),
                    timing("activation-to-first-notification-delivered",
                            require(t.activationToFirstDeliverySeconds(), s, "timings.activationToFirstDeliverySeconds")),
                    timing("activation-to-first-acknowledgement", require(t.activationToFirstAcknowledgementSeconds(), s,
                            "timings.activationToFirstAcknowledgementSeconds")),
                    timing("activation-to-median-acknowledgement", require(t.activationToMedianAcknowledgementSeconds(), s,
                            "timings.activationToMedianAcknowledgementSeconds")),
                    timing("activation-to-last-acknowledgement", require(t.activationToLastAcknowledgementSeconds(), s,
                            "timings.activationToLastAcknowledgementSeconds")),
                    timing("activation-to-conclusion",
                            require(t.activationToConclusionSeconds(), s, "timings.activationToConclusionSeconds"))));
        });
        return f;
    }

    private static Map<String, Object> timing(String interval, IncidentAggregates.Stats d) {
        return row("interval", interval, "incidents", d.count(), "minSeconds", seconds(d.min()), "medianSeconds",
                seconds(d.median()), "meanSeconds", seconds(d.mean()), "maxSeconds", seconds(d.max()));
    }

    private Map<String, Supplier<TableContent>> membershipFigures(MembershipAggregates m) {
        String s = Sources.SUPPORTER;
        Map<String, Supplier<TableContent>> f = new LinkedHashMap<>();
        f.put(Figures.SUPPORTERS_BY_TYPE, () -> TableContent.of(fromCounts(require(m.byType(), s, "byType"), "supporterType", "supporters")));
        f.put(Figures.JOINS_BY_TYPE, () -> TableContent.of(
                fromCounts(require(m.joinedInPeriod(), s, "joinedInPeriod"), "supporterType", "joined")));
        f.put(Figures.SUPPORTERS_OVER_TIME, () -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            require(m.activeAt(), s, "activeAt").stream().sorted(Comparator.comparing(MembershipAggregates.ActiveAt::date))
                    .forEach(at -> new TreeMap<>(require(at.byType(), s, "activeAt.byType"))
                            .forEach((type, n) -> rows.add(row("date", at.date(), "supporterType", type, "supporters", n))));
            return TableContent.of(rows);
        });
        return f;
    }

    private Map<String, Supplier<TableContent>> stocktakeFigures(StocktakeSelector.Selected selected) {
        String s = Sources.SUPPORTER;
        Map<String, Supplier<TableContent>> f = new LinkedHashMap<>();
        f.put(Figures.STOCKTAKE_STATUS, () -> {
            if (selected.summary() == null) {
                return new TableContent(List.of(), "No stocktake was opened before the end of this period.");
            }
            StocktakeSummary summary = selected.summary();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (StocktakeSummary.CommitmentSummary c : require(summary.commitments(), s, "commitments")) {
                new TreeMap<>(require(c.bySupporterType(), s, "commitments.bySupporterType")).forEach((type, byStatus) -> {
                    long total = byStatus.values().stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
                    new TreeMap<>(byStatus).forEach((status, n) -> rows.add(row("commitment", c.commitmentId(), "supporterType",
                            type, "status", status, "supporters", n, "share", share(n, total))));
                });
            }
            return new TableContent(rows, "From the stocktake \"" + selected.name() + "\" (" + selected.id() + ").");
        });
        return f;
    }
}
