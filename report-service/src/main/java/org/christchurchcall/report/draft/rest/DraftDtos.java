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
            @Schema(description = "Why the report is published without some figures; the report states it",
                    example = "protocol-service was unavailable for the whole period; its figures follow in version 2")
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record Publish(
            @Schema(description = "The draft's version as last read (optimistic locking)", example = "1") @NotNull Long version,
            @Schema(description = "Required exactly when the draft has missing figures") @Valid Override override) {
    }

    public record DraftSummary(@Schema(example = "8d3e2f1a-5b6c-4d7e-8f90-a1b2c3d4e5f6") UUID id,
            @Schema(example = "2024-q2") String period,
            @Schema(enumeration = { "draft", "published" }, example = "draft") String status,
            @Schema(example = "1") long version, @Schema(example = "2024-07-01T09:00:00Z") Instant generatedAt,
            @Schema(description = "Figures a source could not give", example = "0") int missingFigures,
            @Schema(description = "The published version this draft became; null while a draft") Integer publishedVersion) {
    }

    public record DraftView(@Schema(example = "8d3e2f1a-5b6c-4d7e-8f90-a1b2c3d4e5f6") UUID id,
            @Schema(example = "2024-q2") String period,
            @Schema(enumeration = { "draft", "published" }, example = "draft") String status,
            @Schema(example = "1") long version, @Schema(example = "2024-07-01T09:00:00Z") Instant generatedAt,
            @Schema(description = "The published version this draft became; null while a draft") Integer publishedVersion,
            @Schema(description = "Path of the published version; null while a draft",
                    example = "/api/v1/reports/2024-q2/versions/1") String publishedUrl,
            List<MissingFigure> missing, ReportContent content) {
    }
}
