package org.christchurchcall.report.publication;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A published report: the canonical JSON of its snapshot and that text's SHA-256. Hibernate never
 * writes it after the insert ({@link Immutable}) and the database refuses updates and deletes.
 */
@Entity
@Immutable
@Table(name = "published_report")
public class PublishedReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "period_key", nullable = false)
    public String periodKey;

    @Column(name = "version_number", nullable = false)
    public int versionNumber;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "draft_id", nullable = false)
    public UUID draftId;

    @Column(nullable = false)
    public String snapshot;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "missing_count", nullable = false)
    public int missingCount;
}
