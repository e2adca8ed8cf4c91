package org.christchurchcall.protocol.timeline;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an incident's append-only, hash-chained timeline. */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry extends PanacheEntityBase {

    /** Global order across incidents; the live-update feed follows it. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "incident_id")
    public UUID incidentId;

    /** The canonical form the hash covers (see {@link TimelineChain}). */
    @Column(name = "chain_version")
    public int chainVersion;

    /** 1-based position within the incident's chain. */
    public int position;

    public UUID id;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public String kind;

    public String actor;

    /** Canonical JSON, stored as the exact text that was hashed. */
    public String payload;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    public TimelineChain.Link link() {
        return new TimelineChain.Link(chainVersion, position, incidentId, id, recordedAt, kind, actor, payload, prevHash);
    }
}
