package org.christchurchcall.report.draft.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.christchurchcall.report.content.MissingFigure;
import org.christchurchcall.report.content.ReportContent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the draft endpoints. */
public final class DraftDtos {

    private DraftDtos() {
    }

    public record CreateDraft(
            @Schema(description = "2024, 2024-h1, 2024-q3, 2024-05 or 2024-03-01--2024-03-15", examples = "2024-q2")
            @NotBlank @Size(max = 40) String period) {
    }

    public record Override(
            @Schema(description = "Why the report is published without some figures; the report states it")
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Publish(
            @Schema(description = "The draft's version as last read (optimistic locking)") @NotNull Long version,
            @Schema(description = "Required exactly when the draft has missing figures") @Valid Override override) {
    }

    public record DraftSummary(UUID id, String period, String status, long version, Instant generatedAt, int missingFigures,
            Integer publishedVersion) {
    }

    public record DraftView(UUID id, String period, String status, long version, Instant generatedAt, Integer publishedVersion,
            String publishedUrl, List<MissingFigure> missing, ReportContent content) {
    }
}
