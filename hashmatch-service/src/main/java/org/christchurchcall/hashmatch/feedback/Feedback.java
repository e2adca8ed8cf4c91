package org.christchurchcall.hashmatch.feedback;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.christchurchcall.hashmatch.hash.HashRecord;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One member's agreement or disagreement with a record's labels, given once per supporter and record. */
@Entity
@Table(name = "hash_feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hash_id", nullable = false)
    public HashRecord hash;

    @Column(name = "supporter_id", nullable = false)
    public UUID supporterId;

    @Column(name = "supporter_type", nullable = false, length = 30)
    public String supporterType;

    @Column(nullable = false, length = 20)
    public String verdict;

    @Column(length = 40)
    public String reason;

    @Column(length = 2000)
    public String comment;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "dispute_id")
    public Dispute dispute;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
