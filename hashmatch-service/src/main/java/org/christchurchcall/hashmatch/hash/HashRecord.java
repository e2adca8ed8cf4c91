package org.christchurchcall.hashmatch.hash;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A hash of known terrorist or violent extremist content, shared by one supporter. The content
 * itself is never stored. {@code seqId} is internal (the matching index keys on it); clients see
 * {@code id}.
 */
@Entity
@Table(name = "hash_record")
public class HashRecord extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "hash_record_seq", sequenceName = "hash_record_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "hash_record_seq")
    @Column(name = "seq_id")
    public Long seqId;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false, length = 20)
    public HashType type;

    @Column(nullable = false, length = 128)
    public String value;

    /** PDQ quality for pdq; for vpdq the share (in %, rounded down) of frames of quality 50 or more. */
    public Integer quality;

    /** vpdq only: how many frames; they are stored apart (video_frames) and read only when asked for. */
    @Column(name = "frame_count")
    public Integer frameCount;

    /** vpdq only: the last frame's timestamp, in seconds. */
    public Double duration;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> labels;

    @Column(name = "contributor_id", nullable = false)
    public UUID contributorId;

    @Column(name = "contributor_type", nullable = false, length = 30)
    public String contributorType;

    @Column(name = "incident_id")
    public UUID incidentId;

    public Integer confidence;

    @Column(nullable = false, length = 20)
    public HashStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
