package org.christchurchcall.report.publication.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.christchurchcall.report.publication.PublishedReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** Response bodies of the public report endpoints. */
public final class PublishedDtos {

    private PublishedDtos() {
    }

    public record PublishedSummary(@Schema(example = "2024-q2") String period,
            @Schema(description = "From 1 within the period", minimum = "1", example = "1") int version,
            @Schema(example = "2024-07-02T10:00:00Z") Instant publishedAt,
            @Schema(description = "Lower-case hex SHA-256 of the canonical JSON", example = "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab") String sha256,
            @Schema(description = "Figures published as missing", example = "0") int missingFigures,
            @Schema(example = "https://reports.example.org/api/v1/reports/2024-q2/versions/1") String url) {
    }

    public record PeriodReports(@Schema(example = "2024-q2") String period, @Schema(example = "2") int latestVersion,
            @Schema(example = "https://reports.example.org/api/v1/reports/2024-q2/versions/2") String latestUrl,
            List<PublishedSummary> versions) {
    }

    public record PublishedView(@Schema(example = "2024-q2") String period,
            @Schema(minimum = "1", example = "1") int version,
            @Schema(example = "2024-07-02T10:00:00Z") Instant publishedAt,
            @Schema(description = "Lower-case hex SHA-256 of canonical.json", example = "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab") String sha256,
            @Schema(description = "How the canonical JSON that sha256 covers is made from snapshot") String canonicalisation,
            @Schema(description = "The version's representations by rel: json, canonical, csv, changes, versions, html",
                    example = "{\"canonical\": \"https://reports.example.org/api/v1/reports/2024-q2/versions/1/canonical.json\", "
                            + "\"html\": \"https://reports.example.org/api/v1/reports/2024-q2/versions/1/report.html\"}")
            Map<String, String> links,
            @Schema(description = "The frozen report; its canonical JSON hashes to sha256") JsonNode snapshot) {
    }

    public static PublishedSummary summary(PublishedReport r, UriInfo uri) {
        return new PublishedSummary(r.periodKey, r.versionNumber, r.publishedAt, r.sha256, r.missingCount,
                uri.getBaseUriBuilder().path(ReportLinks.version(r.periodKey, r.versionNumber)).build().toString());
    }
}
