package org.christchurchcall.protocol.contact.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Advisory lock key of contact refreshes ("contacts" in ASCII). */
    static final long LOCK_KEY = 0x636f6e7461637473L;

    @Inject
    EntityManager em;

    @Inject
    EndpointSecrets secrets;

    /**
     * Makes the local copy equal to what supporter-service served. Compares with the stored rows
     * and writes only what changed, so a refresh before an activation costs a few statements
     * rather than several per participant. Refreshes (the background one, those of concurrent
     * activations, other replicas) take a transaction-scoped advisory lock and replace one at a
     * time; otherwise two of them could both insert a newly seen supporter.
     */
    @Transactional
    public void replace(List<CrisisContactPayload> contacts, Instant at) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) l").setParameter("key", LOCK_KEY)
                .getSingleResult();
        Map<UUID, CrisisContact> stored = new HashMap<>();
        CrisisContact.<CrisisContact>listAll().forEach(c -> stored.put(c.supporterId, c));
        Map<UUID, WebhookEndpoint> storedHooks = new HashMap<>();
        WebhookEndpoint.<WebhookEndpoint>listAll().forEach(e -> storedHooks.put(e.id, e));
        Set<UUID> seen = new HashSet<>();
        Set<UUID> seenHooks = new HashSet<>();
        for (CrisisContactPayload c : contacts) {
            if (c.supporterId() == null || !seen.add(c.supporterId())) {
                continue;
            }
            CrisisContact row = stored.get(c.supporterId());
            boolean created = row == null;
            if (created) {
                row = new CrisisContact();
                row.supporterId = c.supporterId();
                row.fetchedAt = at;
            }
            row.supporterName = c.supporterName() == null ? c.supporterId().toString() : c.supporterName();
            row.supporterType = c.supporterType() == null ? "unknown" : c.supporterType();
            row.country = c.country();
            // participation is the secretariat's grant as supporter-service serves it; a payload without
            // it (a supporter-service older than the grants) grants nothing
            List<String> granted = c.protocols() == null ? List.of()
                    : c.protocols().stream().filter(p -> p != null).distinct().sorted().toList();
            if (!granted.equals(row.protocols)) {
                row.protocols = granted;
            }
            List<CrisisContact.ContactPoint> points = new ArrayList<>();
            if (c.contactPoints() != null) {
                c.contactPoints().forEach(p -> points.add(
                        new CrisisContact.ContactPoint(p.id(), p.name(), p.role(), p.email(), p.phone())));
            }
            if (!points.equals(row.contactPoints)) {
                row.contactPoints = points;
            }
            if (created) {
                row.persist();
            }
            if (c.webhooks() == null) {
                continue;
            }
            for (CrisisContactPayload.WebhookPayload w : c.webhooks()) {
                if (w.id() == null || w.url() == null || w.signingSecret() == null || !seenHooks.add(w.id())) {
                    continue;
                }
                WebhookEndpoint e = storedHooks.get(w.id());
                boolean newHook = e == null;
                if (newHook) {
                    e = new WebhookEndpoint();
                    e.id = w.id();
                }
                e.supporterId = c.supporterId();
                e.url = w.url();
                // an endpoint is notified only for protocols its supporter takes part in, whatever it lists
                List<String> protocols = w.protocols() == null ? List.of()
                        : w.protocols().stream().filter(granted::contains).distinct().toList();
                if (!protocols.equals(e.protocols)) {
                    e.protocols = protocols;
                }
                if (newHook || !secrets.holds(e, w.signingSecret())) {
                    secrets.store(e, w.signingSecret());
                }
                e.active = w.active() == null || w.active();
                if (newHook) {
                    e.persist();
                }
            }
        }
        // endpoints and supporters no longer served (suspended, withdrawn, removed) stop receiving alerts
        storedHooks.values().stream().filter(e -> !seenHooks.contains(e.id)).forEach(e -> e.delete());
        stored.values().stream().filter(c -> !seen.contains(c.supporterId)).forEach(c -> c.delete());
        em.flush();
        if (!seen.isEmpty()) {
            CrisisContact.update("fetchedAt = ?1", at);
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
