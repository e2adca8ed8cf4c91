package org.christchurchcall.supporter.contacts.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.contacts.WebhookEndpoint;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries of a supporter's crisis contacts: its contact points and its webhook endpoints. */
public final class ContactRepositories {

    private ContactRepositories() {
    }

    @ApplicationScoped
    public static class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, UUID> {

        public List<ContactPoint> ofSupporters(Collection<UUID> supporterIds) {
            return list("supporterId in ?1 order by createdAt, id", supporterIds);
        }
    }

    @ApplicationScoped
    public static class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

        public List<WebhookEndpoint> ofSupporters(Collection<UUID> supporterIds) {
            return list("supporterId in ?1 order by createdAt, id", supporterIds);
        }

        /**
         * Active supporters that have any contact or take part in any protocol (or, for a protocol,
         * those the secretariat granted participation in it), ordered by id after the keyset position.
         */
        public List<Supporter> supportersWithContacts(String protocol, UUID afterId, int rows) {
            String contacts = protocol == null
                    ? "(exists (from ContactPoint c where c.supporterId = s.id) "
                            + "or exists (from WebhookEndpoint w where w.supporterId = s.id) "
                            + "or exists (from Entitlement e where e.supporterId = s.id and e.kind = :participation))"
                    : "exists (from Entitlement e where e.supporterId = s.id and e.kind = :participation "
                            + "and e.code = :protocol)";
            var query = getEntityManager().createQuery("select s from Supporter s where s.status = :active and "
                    + contacts + (afterId == null ? "" : " and s.id > :after") + " order by s.id", Supporter.class)
                    .setParameter("active", SupporterStatus.ACTIVE)
                    .setParameter("participation", EntitlementKind.PROTOCOL)
                    .setMaxResults(rows);
            if (protocol != null) {
                query.setParameter("protocol", protocol);
            }
            if (afterId != null) {
                query.setParameter("after", afterId);
            }
            return query.getResultList();
        }
    }
}
