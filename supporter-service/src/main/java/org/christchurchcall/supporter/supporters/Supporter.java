package org.christchurchcall.supporter.supporters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.christchurchcall.platform.problem.ApiException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A government, intergovernmental organisation, online service provider or civil-society
 * partner that supports the Call. The status transitions live here because they are the rules
 * of membership, whoever triggers them.
 */
@Entity
@Table(name = "supporter")
public class Supporter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public SupporterType type;

    public String country;

    public String website;

    @Column(nullable = false)
    public SupporterStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Version
    public long version;

    public static Supporter apply(String name, SupporterType type, String country, String website) {
        Supporter s = new Supporter();
        s.id = UUID.randomUUID();
        s.name = name;
        s.type = type;
        s.country = country;
        s.website = website;
        s.status = SupporterStatus.APPLIED;
        s.appliedAt = now();
        s.statusChangedAt = s.appliedAt;
        return s;
    }

    public boolean isActive() {
        return status == SupporterStatus.ACTIVE;
    }

    /** Admits an applicant; {@code joinedOn} may be given for supporters who joined before this register. */
    public void admit(LocalDate joinedOn) {
        require(SupporterStatus.APPLIED, "admitted");
        Instant at = now();
        this.joinedOn = joinedOn != null ? joinedOn : LocalDate.ofInstant(at, ZoneOffset.UTC);
        move(SupporterStatus.ACTIVE, null, at);
    }

    public void suspend(String reason) {
        require(SupporterStatus.ACTIVE, "suspended");
        Instant at = now();
        suspendedAt = at;
        move(SupporterStatus.SUSPENDED, reason, at);
    }

    public void reinstate(String reason) {
        require(SupporterStatus.SUSPENDED, "reinstated");
        move(SupporterStatus.ACTIVE, reason, now());
    }

    /** An applicant, an active or a suspended supporter may withdraw (or be withdrawn); it is final. */
    public void withdraw(String reason) {
        if (status == SupporterStatus.WITHDRAWN) {
            throw ApiException.invalidState("supporter " + id + " has already withdrawn");
        }
        Instant at = now();
        withdrawnAt = at;
        move(SupporterStatus.WITHDRAWN, reason, at);
    }

    private void require(SupporterStatus from, String verb) {
        if (status != from) {
            throw ApiException.invalidState("only a supporter in status '" + from.code() + "' can be " + verb
                    + "; supporter " + id + " is '" + status.code() + "'");
        }
    }

    private void move(SupporterStatus to, String reason, Instant at) {
        status = to;
        statusReason = reason;
        statusChangedAt = at;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
