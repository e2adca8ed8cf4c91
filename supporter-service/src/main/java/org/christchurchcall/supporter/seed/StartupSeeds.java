package org.christchurchcall.supporter.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.outbound.HostResolver;
import org.christchurchcall.platform.outbound.OutboundGuard;
import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.webhook.WebhookVerifier;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.clients.service.ApiClientService;
import org.christchurchcall.supporter.contacts.ContactPoint;
import org.christchurchcall.supporter.contacts.WebhookEndpoint;
import org.christchurchcall.supporter.contacts.WebhookUrlPolicy;
import org.christchurchcall.supporter.contacts.config.ContactsConfig;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.ContactPointRepository;
import org.christchurchcall.supporter.contacts.repository.ContactRepositories.WebhookEndpointRepository;
import org.christchurchcall.supporter.contacts.service.WebhookSecrets;
import org.christchurchcall.supporter.entitlements.EntitlementKind;
import org.christchurchcall.supporter.entitlements.service.EntitlementService;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.christchurchcall.supporter.supporters.repository.SupporterRepository;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the service clients, and with {@code ccall.demo.enabled} the demonstration register.
 * Both are idempotent: a restart finds what it made before and leaves it alone.
 */
@ApplicationScoped
public class StartupSeeds {

    private static final Logger LOG = Logger.getLogger(StartupSeeds.class);

    /** A supporter of the demonstration register, as of the Call's April 2021 announcement. */
    record DemoSupporter(String name, SupporterType type, String country, String website, LocalDate joinedOn) {
    }

    /**
     * New Zealand, France and the European Commission were there at the launch in Paris on
     * 15 May 2019; LINE and jeuxvideo.com joined in April 2021 (the day is not public, the first
     * stands for the month); InternetNZ's date is not known, so it gets the day of seeding.
     */
    static final List<DemoSupporter> DEMO_SUPPORTERS = List.of(
            new DemoSupporter("New Zealand", SupporterType.GOVERNMENT, "NZ", "https://www.govt.nz",
                    LocalDate.of(2019, 5, 15)),
            new DemoSupporter("France", SupporterType.GOVERNMENT, "FR", "https://www.diplomatie.gouv.fr",
                    LocalDate.of(2019, 5, 15)),
            new DemoSupporter("European Commission", SupporterType.INTERGOVERNMENTAL, null,
                    "https://commission.europa.eu", LocalDate.of(2019, 5, 15)),
            new DemoSupporter("LINE Corporation", SupporterType.COMPANY, "JP", "https://linecorp.com",
                    LocalDate.of(2021, 4, 1)),
            new DemoSupporter("jeuxvideo.com", SupporterType.COMPANY, "FR", "https://www.jeuxvideo.com",
                    LocalDate.of(2021, 4, 1)),
            new DemoSupporter("InternetNZ", SupporterType.CIVIL_SOCIETY, "NZ", "https://internetnz.nz", null));

    private static final Set<String> OPERATIONAL = Set.of(Roles.CRISIS_COORDINATOR, Roles.HASH_CONTRIBUTOR,
            Roles.MATCHER);

    /**
     * protocol-service's own protocols (its V2__seed_protocols.sql). Seeding grants them without
     * asking protocol-service, which starts after this service.
     */
    static final List<String> DEMO_PROTOCOLS = List.of("ccscrp", "gifct-cip", "eu-crisis-protocol");

    /** A crisis contact point of the demo government or company (invented, reserved example domains). */
    record DemoContact(String supporter, String clientId, String name, String role, String email, String phone) {
    }

    static final List<DemoContact> DEMO_CONTACTS = List.of(
            new DemoContact("New Zealand", "demo-government", "Online crisis desk (demo)", "24/7 crisis coordination",
                    "crisis-desk@government.example", "+64 4 555 0100"),
            new DemoContact("LINE Corporation", "demo-company", "Trust and safety on call (demo)",
                    "24/7 crisis coordination", "crisis-response@company.example", "+81 3 5555 0100"));

    @Inject
    SeedConfig.ServiceClients serviceClients;

    @Inject
    SeedConfig.Demo demo;

    @Inject
    ApiClientService clients;

    @Inject
    SupporterRepository supporters;

    @Inject
    AuditTrail audit;

    @Inject
    EntitlementService entitlements;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    WebhookEndpointRepository webhooks;

    @Inject
    WebhookSecrets webhookSecrets;

    @Inject
    ContactsConfig contactsConfig;

    @Inject
    HostResolver resolver;

    void onStart(@Observes StartupEvent event) {
        seed();
    }

    @Transactional
    public void seed() {
        for (Map.Entry<String, SeedConfig.ServiceClients.Entry> e : serviceClients.clients().entrySet()) {
            String clientId = e.getValue().clientId().orElse(e.getKey());
            clients.ensure(clientId, clientId, null, Set.of(Roles.SERVICE), e.getValue().secret());
        }
        if (demo.enabled()) {
            seedDemo();
        }
    }

    private void seedDemo() {
        for (DemoSupporter d : DEMO_SUPPORTERS) {
            if (supporters.findByName(d.name()).isEmpty()) {
                Supporter s = Supporter.apply(d.name(), d.type(), d.country(), d.website());
                s.admit(d.joinedOn());
                supporters.persist(s);
                audit.record("supporter", s.id, "seeded", "demo supporter '" + s.name + "' registered as active");
            }
        }
        clients.ensure("demo-secretariat", "Demo secretariat", null, roles(Roles.SECRETARIAT, Roles.AUDITOR),
                required(demo.secretariatSecret(), "secretariat"));
        UUID nz = supporters.findByName("New Zealand").orElseThrow().id;
        grantDemo(nz);
        clients.ensure("demo-government", "Demo government (New Zealand)", nz, operational(Roles.GOVERNMENT),
                required(demo.governmentSecret(), "government"));
        UUID line = supporters.findByName("LINE Corporation").orElseThrow().id;
        grantDemo(line);
        clients.ensure("demo-company", "Demo company (LINE Corporation)", line, operational(Roles.COMPANY),
                required(demo.companySecret(), "company"));
        if (demo.webhookUrl().filter(u -> !u.isBlank()).isPresent()) {
            seedDemoContacts(demo.webhookUrl().get().trim().replaceAll("/+$", ""),
                    required(demo.webhookSecret(), "webhook"));
        }
        LOG.info("demo register ready: 6 supporters, clients demo-secretariat, demo-government, demo-company");
    }

    /**
     * A contact point and a webhook endpoint (at {@code <url>/<client id>}, for the three protocols,
     * signed with the configured secret) for the demo government and company. Kept as configured
     * at each start; changed and audited only when they differ.
     */
    private void seedDemoContacts(String baseUrl, String secret) {
        try {
            new WebhookVerifier(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ccall.demo.webhook-secret: " + e.getMessage());
        }
        WebhookUrlPolicy policy = new WebhookUrlPolicy(new OutboundGuard(resolver, contactsConfig.allowLoopbackHttp()));
        String[] protocols = DEMO_PROTOCOLS.stream().sorted().toArray(String[]::new);
        for (DemoContact d : DEMO_CONTACTS) {
            Supporter s = supporters.findByName(d.supporter()).orElseThrow();
            if (contactPoints.count("supporterId = ?1 and email = ?2", s.id, d.email()) == 0) {
                ContactPoint c = new ContactPoint();
                c.id = UUID.randomUUID();
                c.supporterId = s.id;
                c.name = d.name();
                c.role = d.role();
                c.email = d.email();
                c.phone = d.phone();
                c.createdAt = now();
                contactPoints.persist(c);
                audit.record("contact-point", c.id, "seeded", "demo contact point '" + c.name + "' for " + s.name);
            }
            String url;
            try {
                url = policy.check("url", baseUrl + "/" + d.clientId());
            } catch (ApiException e) {
                throw new IllegalStateException("ccall.demo.webhook-url: " + e.getMessage()
                        + " (a loopback receiver needs ccall.contacts.allow-loopback-http=true)");
            }
            WebhookEndpoint w = webhooks.find("supporterId = ?1 and url = ?2", s.id, url).firstResult();
            if (w == null) {
                w = new WebhookEndpoint();
                w.id = UUID.randomUUID();
                w.supporterId = s.id;
                w.url = url;
                w.protocols = protocols;
                w.active = true;
                w.signingSecretEnc = webhookSecrets.encrypt(w.id, secret);
                w.createdAt = now();
                webhooks.persist(w);
                audit.record("webhook-endpoint", w.id, "seeded", "demo webhook " + url + " for " + s.name
                        + " taking part in " + String.join(", ", protocols));
            } else if (!w.active || !Arrays.equals(w.protocols, protocols)
                    || !secret.equals(decryptable(w))) {
                w.protocols = protocols;
                w.active = true;
                w.signingSecretEnc = webhookSecrets.encrypt(w.id, secret);
                audit.record("webhook-endpoint", w.id, "seeded", "demo webhook " + url + " of " + s.name
                        + " reset to the configured protocols and secret");
            }
        }
    }

    /** The stored secret, or null when it no longer decrypts (e.g. a new encryption key in .local). */
    private String decryptable(WebhookEndpoint w) {
        try {
            return webhookSecrets.decrypt(w.id, w.signingSecretEnc);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The demo government and company hold every operational role and take part in every protocol.
     * Re-granted at each start, like the demo clients' roles: the demo register is configuration.
     */
    private void grantDemo(UUID supporterId) {
        OPERATIONAL.stream().sorted().forEach(r -> entitlements.grant(supporterId, EntitlementKind.ROLE, r,
                AuditTrail.SYSTEM));
        DEMO_PROTOCOLS.forEach(p -> entitlements.grant(supporterId, EntitlementKind.PROTOCOL, p, AuditTrail.SYSTEM));
    }

    private static Set<String> operational(String typeRole) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(typeRole);
        roles.addAll(OPERATIONAL.stream().sorted().toList());
        return roles;
    }

    private static Set<String> roles(String... roles) {
        return new LinkedHashSet<>(List.of(roles));
    }

    private static String required(Optional<String> secret, String which) {
        return secret.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "ccall.demo.enabled needs ccall.demo." + which + "-secret"));
    }
}
