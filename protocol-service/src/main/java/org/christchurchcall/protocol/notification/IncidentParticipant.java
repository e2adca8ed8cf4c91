package org.christchurchcall.protocol.notification;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A supporter notified about an incident, with the moments that make up its response times. */
@Entity
@Table(name = "incident_participant")
@IdClass(IncidentParticipant.Key.class)
public class IncidentParticipant extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Id
    @Column(name = "supporter_id")
    public UUID supporterId;

    @Column(name = "supporter_name")
    public String supporterName;

    @Column(name = "first_notified_at")
    public Instant firstNotifiedAt;

    @Column(name = "first_delivered_at")
    public Instant firstDeliveredAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    public static class Key implements Serializable {
        public UUID incidentId;
        public UUID supporterId;

        public Key() {
        }

        public Key(UUID incidentId, UUID supporterId) {
            this.incidentId = incidentId;
            this.supporterId = supporterId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId)
                    && Objects.equals(supporterId, k.supporterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, supporterId);
        }
    }
}
