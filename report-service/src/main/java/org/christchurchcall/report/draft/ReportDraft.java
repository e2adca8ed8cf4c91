package org.christchurchcall.report.draft;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A report generated for a period, not yet public. Its figures are JSON text ({@code ReportContent}). */
@Entity
@Table(name = "report_draft")
public class ReportDraft extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    public UUID id;

    @Column(name = "period_key", nullable = false)
    public String periodKey;

    @Column(name = "period_from", nullable = false)
    public Instant periodFrom;

    @Column(name = "period_to", nullable = false)
    public Instant periodTo;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;

    @Column(nullable = false)
    public String content;

    @Column(name = "missing_count", nullable = false)
    public int missingCount;

    @Column(nullable = false)
    public String status;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Version
    @Column(nullable = false)
    public long version;
}
