package org.christchurchcall.supporter.contacts.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.contacts.WebhookEndpoint;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.ContactPointRepository;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.WebhookEndpointRepository;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.CrisisContacts;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.DirectoryContactPoint;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.DirectoryWebhook;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.christchurchcall.supporter.supporters.Supporter;

/**
 * The contacts of every active supporter, as protocol-service reads them to notify participants.
 * Who takes part in which protocol comes from the secretariat's grants; a webhook shows only the
 * granted protocols it lists, so a protocol withdrawn after the webhook listed it is dropped here.
 * Only the service role gets the signing secrets, since only it signs deliveries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CrisisContactDirectory {

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    WebhookEndpointRepository webhooks;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Caller caller;

    /**
     * Up to {@code rows} supporters after {@code afterId}; with a protocol, only its participants
     * and, of their endpoints, the active ones notified for it.
     */
    public List<CrisisContacts> page(String protocol, UUID afterId, int rows) {
        List<Supporter> page = webhooks.supportersWithContacts(protocol, afterId, rows);
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        Map<UUID, Set<String>> participation = entitlements.protocolsOf(ids);
        Map<UUID, List<ContactPoint>> points = contactPoints.ofSupporters(ids).stream()
                .collect(Collectors.groupingBy(c -> c.supporterId));
        Map<UUID, List<WebhookEndpoint>> hooks = webhooks.ofSupporters(ids).stream()
                .filter(w -> protocol == null || (w.active && List.of(w.protocols).contains(protocol)))
                .collect(Collectors.groupingBy(w -> w.supporterId));
        boolean withSecrets = caller.hasRole(Roles.SERVICE);
        return page.stream().map(s -> {
            Set<String> granted = participation.getOrDefault(s.id, Set.of());
            return new CrisisContacts(s.id, s.name, s.type, s.country, List.copyOf(granted),
                    points.getOrDefault(s.id, List.of()).stream()
                            .map(c -> new DirectoryContactPoint(c.id, c.name, c.role, c.email, c.phone)).toList(),
                    hooks.getOrDefault(s.id, List.of()).stream()
                            .map(w -> new DirectoryWebhook(w.id, w.url,
                                    List.of(w.protocols).stream().filter(granted::contains).toList(),
                                    withSecrets ? secrets.decrypt(w.id, w.signingSecretEnc) : null, w.active))
                            .toList());
        }).toList();
    }
}
