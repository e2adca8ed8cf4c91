package org.christchurchcall.hashmatch.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.christchurchcall.hashmatch.hash.HashRecord;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member's disagreement with a record, open until the secretariat keeps, relabels or retracts it. */
@Entity
@Table(name = "dispute")
public class Dispute extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hash_id", nullable = false)
    public HashRecord hash;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "opened_by", nullable = false)
    public UUID openedBy;

    @Column(nullable = false, length = 40)
    public String reason;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(length = 20)
    public String outcome;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "new_labels", columnDefinition = "text[]")
    public List<String> newLabels;

    @Column(name = "resolution_comment", length = 2000)
    public String resolutionComment;

    @Column(name = "resolved_by", length = 200)
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
