package org.christchurchcall.protocol.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An online crisis reported to the Call, and where it is in its lifecycle. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String description;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String location;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_urls")
    public List<String> contentUrls = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> platforms = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_types")
    public List<String> contentTypes = new ArrayList<>();

    /** Protocols the incident is assessed or activated under; they decide who may see it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> protocols = new ArrayList<>();

    /** An exercise runs the whole flow but is labelled as one and left out of published figures. */
    public boolean exercise;

    @Column(name = "status")
    public String statusCode;

    @Column(name = "reported_by_supporter")
    public UUID reportedBySupporter;

    @Column(name = "reported_by_client")
    public String reportedByClient;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "assessing_at")
    public Instant assessingAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "concluding_at")
    public Instant concludingAt;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Column(name = "conclusion_rationale")
    public String conclusionRationale;

    @Column(name = "debriefed_at")
    public Instant debriefedAt;

    @Column(name = "after_action_review")
    public String afterActionReview;

    @Version
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public IncidentStatus status() {
        return IncidentStatus.fromCode(statusCode).orElseThrow();
    }

    public void status(IncidentStatus status) {
        this.statusCode = status.code();
    }
}
