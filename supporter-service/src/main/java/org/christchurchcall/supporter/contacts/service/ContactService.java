package org.christchurchcall.supporter.contacts.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.outbound.HostResolver;
import org.christchurchcall.platform.outbound.OutboundGuard;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.problem.Problem;
import org.christchurchcall.platform.problem.ProblemType;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.contacts.WebhookEndpoint;
import org.christchurchcall.supporter.contacts.WebhookUrlPolicy;
import org.christchurchcall.supporter.contacts.config.ContactsConfig;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.ContactPointRepository;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.WebhookEndpointRepository;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.ContactPointInput;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.ContactPointUpdate;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookInput;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookUpdate;
import org.christchurchcall.supporter.contacts.rest.ContactDtos.WebhookView;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.repository.EntitlementRepository;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.service.SupporterService;

/**
 * A supporter's own crisis contacts; only it and the secretariat read or change them here. A
 * webhook endpoint lists the protocols it is notified for, among those the secretariat granted
 * the supporter participation in: listing a protocol never makes the supporter a participant.
 */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    WebhookEndpointRepository webhooks;

    @Inject
    SupporterService supporters;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    EntitlementRepository entitlements;

    private final WebhookUrlPolicy urlPolicy;

    @Inject
    public ContactService(ContactsConfig config, HostResolver resolver) {
        this.urlPolicy = new WebhookUrlPolicy(new OutboundGuard(resolver, config.allowLoopbackHttp()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactPoint> contactPoints(UUID supporterId) {
        owned(supporterId);
        return contactPoints.list("supporterId = ?1 order by createdAt, id", supporterId);
    }

    public ContactPoint addContactPoint(UUID supporterId, ContactPointInput in) {
        Supporter s = owned(supporterId);
        ContactPoint c = new ContactPoint();
        c.id = UUID.randomUUID();
        c.supporterId = supporterId;
        c.name = in.name().trim();
        c.role = in.role().trim();
        c.email = in.email().trim();
        c.phone = in.phone().trim();
        c.createdAt = now();
        contactPoints.persist(c);
        audit.record("contact-point", c.id, "created", "contact point '" + c.name + "' (" + c.role + ") for " + s.name);
        return c;
    }

    public ContactPoint updateContactPoint(UUID supporterId, UUID id, ContactPointUpdate in) {
        Supporter s = owned(supporterId);
        ContactPoint c = contactPoints.findByIdOptional(id).filter(x -> x.supporterId.equals(supporterId))
                .orElseThrow(() -> ApiException.notFound("contact point", id));
        if (c.version != in.version()) {
            throw ApiException.staleVersion(in.version(), c.version);
        }
        c.name = in.name().trim();
        c.role = in.role().trim();
        c.email = in.email().trim();
        c.phone = in.phone().trim();
        contactPoints.flush();
        audit.record("contact-point", c.id, "updated", "contact point '" + c.name + "' of " + s.name + " edited");
        return c;
    }

    public void removeContactPoint(UUID supporterId, UUID id) {
        Supporter s = owned(supporterId);
        ContactPoint c = contactPoints.findByIdOptional(id).filter(x -> x.supporterId.equals(supporterId))
                .orElseThrow(() -> ApiException.notFound("contact point", id));
        contactPoints.delete(c);
        audit.record("contact-point", c.id, "deleted", "contact point '" + c.name + "' of " + s.name + " removed");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookView> webhooks(UUID supporterId) {
        owned(supporterId);
        return webhooks.list("supporterId = ?1 order by createdAt, id", supporterId).stream().map(w -> view(w, null))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView webhook(UUID supporterId, UUID id) {
        owned(supporterId);
        return view(ownedWebhook(supporterId, id), null);
    }

    /** The answer is the only time the signing secret is shown to the supporter. */
    public WebhookView addWebhook(UUID supporterId, WebhookInput in) {
        Supporter s = owned(supporterId);
        WebhookEndpoint w = new WebhookEndpoint();
        w.id = UUID.randomUUID();
        w.supporterId = supporterId;
        w.url = urlPolicy.check("url", in.url().trim());
        w.protocols = participating(s, in.protocols());
        w.active = in.active() == null || in.active();
        String secret = secrets.generate();
        w.signingSecretEnc = secrets.encrypt(w.id, secret);
        w.createdAt = now();
        webhooks.persist(w);
        audit.record("webhook-endpoint", w.id, "created", "webhook " + w.url + " for " + s.name + " taking part in "
                + String.join(", ", w.protocols));
        return view(w, secret);
    }

    public WebhookView updateWebhook(UUID supporterId, UUID id, WebhookUpdate in) {
        Supporter s = owned(supporterId);
        WebhookEndpoint w = ownedWebhook(supporterId, id);
        if (w.version != in.version()) {
            throw ApiException.staleVersion(in.version(), w.version);
        }
        w.url = urlPolicy.check("url", in.url().trim());
        w.protocols = participating(s, in.protocols());
        w.active = in.active();
        webhooks.flush();
        audit.record("webhook-endpoint", w.id, "updated", "webhook " + w.url + " of " + s.name + " edited; active="
                + w.active + ", protocols " + String.join(", ", w.protocols));
        return view(w, null);
    }

    /** A new secret replaces the old one at once, e.g. after a leak; it is shown once, here. */
    public WebhookView rotateSecret(UUID supporterId, UUID id, long version) {
        Supporter s = owned(supporterId);
        WebhookEndpoint w = ownedWebhook(supporterId, id);
        if (w.version != version) {
            throw ApiException.staleVersion(version, w.version);
        }
        String secret = secrets.generate();
        w.signingSecretEnc = secrets.encrypt(w.id, secret);
        webhooks.flush();
        audit.record("webhook-endpoint", w.id, "secret-rotated", "signing secret of webhook " + w.url + " of " + s.name
                + " replaced");
        return view(w, secret);
    }

    public void removeWebhook(UUID supporterId, UUID id) {
        Supporter s = owned(supporterId);
        WebhookEndpoint w = ownedWebhook(supporterId, id);
        webhooks.delete(w);
        audit.record("webhook-endpoint", w.id, "deleted", "webhook " + w.url + " of " + s.name + " removed");
    }

    private WebhookEndpoint ownedWebhook(UUID supporterId, UUID id) {
        return webhooks.findByIdOptional(id).filter(x -> x.supporterId.equals(supporterId))
                .orElseThrow(() -> ApiException.notFound("webhook endpoint", id));
    }

    private Supporter owned(UUID supporterId) {
        if (!caller.isSecretariat() && !caller.actsFor(supporterId)) {
            throw ApiException.forbidden("a supporter manages only its own crisis contacts");
        }
        return supporters.load(supporterId);
    }

    /** The codes, sorted, when the supporter takes part in each; else a 403 naming the first it does not. */
    private String[] participating(Supporter s, Set<String> protocols) {
        Set<String> granted = entitlements.codes(s.id, EntitlementKind.PROTOCOL);
        Set<String> sorted = new TreeSet<>(protocols);
        for (String code : sorted) {
            if (!granted.contains(code)) {
                String message = s.name + " does not take part in protocol '" + code + "'; the secretariat grants "
                        + "participation at /api/v1/supporters/" + s.id + "/entitlements/protocols/" + code;
                throw new ApiException(ProblemType.FORBIDDEN, "protocols: " + message,
                        List.of(new Problem.FieldError("protocols", message)));
            }
        }
        return sorted.toArray(String[]::new);
    }

    static WebhookView view(WebhookEndpoint w, String secret) {
        return new WebhookView(w.id, w.supporterId, w.url, List.of(w.protocols), w.active, w.createdAt, w.version,
                secret);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
