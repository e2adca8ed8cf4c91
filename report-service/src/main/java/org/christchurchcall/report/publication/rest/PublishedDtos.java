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

    public record PublishedSummary(String period, int version, Instant publishedAt, String sha256, int missingFigures,
            String url) {
    }

    public record PeriodReports(String period, int latestVersion, String latestUrl, List<PublishedSummary> versions) {
    }

    public record PublishedView(String period, int version, Instant publishedAt, String sha256,
            @Schema(description = "How the canonical JSON that sha256 covers is made from snapshot") String canonicalisation,
            Map<String, String> links,
            @Schema(description = "The frozen report; its canonical JSON hashes to sha256") JsonNode snapshot) {
    }

    public static PublishedSummary summary(PublishedReport r, UriInfo uri) {
        return new PublishedSummary(r.periodKey, r.versionNumber, r.publishedAt, r.sha256, r.missingCount,
                uri.getBaseUriBuilder().path(ReportLinks.version(r.periodKey, r.versionNumber)).build().toString());
    }
}
