package org.christchurchcall.protocol.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.christchurchcall.protocol.catalogue.Vocabulary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One protocol activated for an incident, with the criteria and decision recorded. It keeps the
 * protocol version it was made under: at a level when that version uses levels, of an activation
 * type when it uses types (exactly one of {@link #levelCode} and {@link #typeCode} is set).
 */
@Entity
@Table(name = "activation")
public class Activation extends PanacheEntityBase {

    public static final String PENDING_APPROVAL = "pending-approval";
    public static final String IN_EFFECT = "in-effect";

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "protocol_code")
    public String protocolCode;

    @Column(name = "protocol_version")
    public String protocolVersion;

    @Column(name = "level_code")
    public String levelCode;

    @Column(name = "type_code")
    public String typeCode;

    /** Whether its level or type shares the perpetrator's hashes, as it was when the activation took it. */
    @Column(name = "shares_hashes")
    public boolean sharesHashes;

    public String status;

    @Column(name = "ongoing_event")
    public boolean ongoingEvent;

    @Column(name = "perpetrator_content")
    public boolean perpetratorContent;

    @Column(name = "murder_or_attempt")
    public boolean murderOrAttempt;

    @Column(name = "on_member_platforms")
    public boolean onMemberPlatforms;

    public String decision;

    @Column(name = "requested_by_supporter")
    public UUID requestedBySupporter;

    @Column(name = "requested_by_client")
    public String requestedByClient;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "approved_by_supporter")
    public UUID approvedBySupporter;

    @Column(name = "approved_by_client")
    public String approvedByClient;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Levels or activation types: which of the two this activation is at. */
    public Vocabulary vocabulary() {
        return typeCode == null ? Vocabulary.LEVELS : Vocabulary.TYPES;
    }

    /** The level or the activation type. */
    public String term() {
        return typeCode == null ? levelCode : typeCode;
    }

    public boolean inEffect() {
        return IN_EFFECT.equals(status);
    }

    public static List<Activation> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by requestedAt, id", incidentId);
    }
}
