package org.christchurchcall.supporter.stocktakes.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.christchurchcall.supporter.commitments.CommitmentGroup;
import org.christchurchcall.supporter.values.HttpUrl;
import org.christchurchcall.supporter.stocktakes.ProgressStatus;
import org.christchurchcall.supporter.stocktakes.Stocktake;
import org.christchurchcall.supporter.stocktakes.StocktakeReport;
import org.christchurchcall.supporter.stocktakes.StocktakeStatus;

/** Request and response bodies of /api/v1/stocktakes. */
public final class StocktakeDtos {

    private StocktakeDtos() {
    }

    public record OpenStocktake(@Schema(example = "Aotearoa New Zealand") @NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
    }

    public record CloseStocktake(@Schema(example = "1") @NotNull Long version) {
    }

    public record StocktakeView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, String name, String description, StocktakeStatus status, Instant openedAt,
            Instant closedAt, long version) {
        public static StocktakeView of(Stocktake s) {
            return new StocktakeView(s.id, s.name, s.description, s.status, s.openedAt, s.closedAt, s.version);
        }
    }

    public record ReportEntry(
            @Schema(example = "7") @NotBlank @Size(max = 16) String commitmentId,
            @NotNull ProgressStatus status,
            @Size(max = 4000) String evidence,
            @Size(max = 20) List<@NotBlank @HttpUrl @Size(max = 2000) String> evidenceUrls) {
    }

    /** A supporter's reports on some or all of its applicable commitments; resubmitting replaces them. */
    public record SubmitReports(
            @Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID supporterId,
            @NotEmpty @Size(max = 25) List<@Valid @NotNull ReportEntry> entries) {
    }

    public enum Outcome {
        created, updated, unchanged
    }

    public record EntryResult(String commitmentId, Outcome outcome, UUID reportId, long version) {
    }

    public record SubmitResult(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID stocktakeId, UUID supporterId, List<EntryResult> results) {
    }

    public record ReportView(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID id, UUID stocktakeId, UUID supporterId, String commitmentId, ProgressStatus status,
            String evidence, List<String> evidenceUrls, String submittedBy, Instant updatedAt, long version) {
        public static ReportView of(StocktakeReport r) {
            return new ReportView(r.id, r.stocktakeId, r.supporterId, r.commitmentId, r.status, r.evidence,
                    List.of(r.evidenceUrls), r.submittedBy, r.updatedAt, r.version);
        }
    }

    /**
     * Counts per commitment: by status over all reporting supporters, and by status within each
     * supporter type the commitment applies to. Every status appears, with zero where none.
     */
    public record Summary(@Schema(example = "3f2b8c1e-7a4d-4c2b-9e1f-5d6a7b8c9d0e") UUID stocktakeId, String name, StocktakeStatus status, long supportersReporting,
            long reports, List<CommitmentSummary> commitments) {
    }

    public record CommitmentSummary(String commitmentId, CommitmentGroup group, String label, long reports,
            Map<String, Long> byStatus, Map<String, Map<String, Long>> bySupporterType) {
    }
}
