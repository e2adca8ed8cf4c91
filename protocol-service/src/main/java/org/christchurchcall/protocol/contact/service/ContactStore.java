package org.christchurchcall.protocol.contact.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.contact.CrisisContact;
import org.christchurchcall.protocol.contact.WebhookEndpoint;
import org.christchurchcall.protocol.contact.client.CrisisContactPayload;

/** The local copy of crisis contacts: replaced wholesale on each successful read. */
@ApplicationScoped
public class ContactStore {

    @Inject
    EntityManager em;

    @Transactional
    public void replace(List<CrisisContactPayload> contacts, Instant at) {
        Set<UUID> seen = new HashSet<>();
        for (CrisisContactPayload c : contacts) {
            if (c.supporterId() == null || !seen.add(c.supporterId())) {
                continue;
            }
            CrisisContact row = CrisisContact.findById(c.supporterId());
            if (row == null) {
                row = new CrisisContact();
                row.supporterId = c.supporterId();
            }
            row.supporterName = c.supporterName() == null ? c.supporterId().toString() : c.supporterName();
            row.supporterType = c.supporterType() == null ? "unknown" : c.supporterType();
            row.country = c.country();
            List<CrisisContact.ContactPoint> points = new ArrayList<>();
            if (c.contactPoints() != null) {
                c.contactPoints().forEach(p -> points.add(
                        new CrisisContact.ContactPoint(p.id(), p.name(), p.role(), p.email(), p.phone())));
            }
            row.contactPoints = points;
            row.fetchedAt = at;
            row.persist();
            WebhookEndpoint.delete("supporterId", c.supporterId());
            em.flush();
            if (c.webhooks() != null) {
                for (CrisisContactPayload.WebhookPayload w : c.webhooks()) {
                    if (w.id() == null || w.url() == null || w.signingSecret() == null) {
                        continue;
                    }
                    WebhookEndpoint e = new WebhookEndpoint();
                    e.id = w.id();
                    e.supporterId = c.supporterId();
                    e.url = w.url();
                    e.protocols = w.protocols() == null ? List.of() : List.copyOf(w.protocols());
                    e.signingSecret = w.signingSecret();
                    e.active = w.active() == null || w.active();
                    e.persist();
                }
            }
        }
        // supporters no longer served are no longer active: they stop receiving alerts
        if (seen.isEmpty()) {
            WebhookEndpoint.deleteAll();
            CrisisContact.deleteAll();
        } else {
            WebhookEndpoint.delete("supporterId not in ?1", seen);
            CrisisContact.delete("supporterId not in ?1", seen);
        }
        em.createNativeQuery("insert into contact_sync (id, synced_at) values (1, :at) "
                + "on conflict (id) do update set synced_at = excluded.synced_at")
                .setParameter("at", at).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> lastSync() {
        List<?> rows = em.createNativeQuery("select synced_at from contact_sync where id = 1").getResultList();
        if (rows.isEmpty() || rows.get(0) == null) {
            return Optional.empty();
        }
        Object v = rows.get(0);
        if (v instanceof Instant i) {
            return Optional.of(i);
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (v instanceof java.sql.Timestamp t) {
            return Optional.of(t.toInstant());
        }
        return Optional.empty();
    }
}
