package org.christchurchcall.supporter.seed;

import java.time.LocalDate;
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

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.supporter.audit.AuditTrail;
import org.christchurchcall.supporter.clients.service.ApiClientService;
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
        LOG.info("demo register ready: 6 supporters, clients demo-secretariat, demo-government, demo-company");
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
