package org.christchurchcall.supporter.stocktakes;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One supporter's progress on one commitment within one stocktake, with its evidence. */
@Entity
@Table(name = "stocktake_report")
public class StocktakeReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "stocktake_id", nullable = false)
    public UUID stocktakeId;

    @Column(name = "supporter_id", nullable = false)
    public UUID supporterId;

    @Column(name = "commitment_id", nullable = false)
    public String commitmentId;

    @Column(nullable = false)
    public ProgressStatus status;

    public String evidence;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "evidence_urls", nullable = false)
    public String[] evidenceUrls;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
