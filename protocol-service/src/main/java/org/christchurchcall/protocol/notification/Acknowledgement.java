package org.christchurchcall.protocol.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A participant's confirmation that it received an incident's alert and is acting on it. */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "supporter_id")
    public UUID supporterId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "event_id")
    public UUID eventId;

    public String note;

    @Column(name = "received_at")
    public Instant receivedAt;
}
