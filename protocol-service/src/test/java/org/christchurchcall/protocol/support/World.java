package org.christchurchcall.protocol.support;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;

/**
 * The supporters, webhook endpoints and secrets that the WireMock supporter-service serves to
 * every test. Each endpoint is a WireMock path; tests read what was POSTed to it.
 */
public final class World {

    public record Hook(UUID id, String path, List<String> protocols, String secret) {
        @Override
        public String toString() {
            return "Hook[id=" + id + ", path=" + path + ", protocols=" + protocols + ", secret=[redacted]]";
        }
    }

    /** {@code protocols}: the participation the secretariat granted, as supporter-service serves it. */
    public record Supporter(UUID id, String name, String type, String country, List<String> protocols,
            List<Hook> hooks) {

        public Hook hook() {
            return hooks.get(0);
        }

        /** A token of this supporter's crisis coordinator. */
        public String coordinator() {
            return TestTokens.forSupporter(id, type, Roles.CRISIS_COORDINATOR);
        }

        /** A token of this supporter's client without the coordinator role. */
        public String member() {
            return TestTokens.forSupporter(id, type);
        }
    }

    public static final String RETRY_PROTOCOL = "test-retry";
    public static final String DEAD_PROTOCOL = "test-dead";
    public static final String REFUSED_PROTOCOL = "test-refused";

    public static final Supporter NZ = supporter("New Zealand", "government", "NZ", "nz", "ccscrp",
            "eu-crisis-protocol");
    public static final Supporter FR = supporter("France", "government", "FR", "fr", "ccscrp", "eu-crisis-protocol");
    public static final Supporter LINE = supporter("LINE Corporation", "company", "JP", "line", "ccscrp", "gifct-cip");
    public static final Supporter JVC = supporter("jeuxvideo.com", "company", "FR", "jvc", "gifct-cip");
    public static final Supporter EC = supporter("European Commission", "intergovernmental", null, "ec",
            "eu-crisis-protocol");
    public static final Supporter INZ = new Supporter(UUID.randomUUID(), "InternetNZ", "civil-society", "NZ", List.of(),
            List.of());
    public static final Supporter FLAKY = supporter("Flaky Video Ltd", "company", "GB", "flaky", RETRY_PROTOCOL);
    public static final Supporter DEAD = supporter("Gone Hosting Ltd", "company", "US", "dead", DEAD_PROTOCOL);
    /** Its webhook lists protocols, but the secretariat granted it none: it takes part in nothing. */
    public static final Supporter SQUATTER = new Supporter(UUID.randomUUID(), "Squatter Media Ltd", "company", "GB",
            List.of(), List.of(new Hook(UUID.randomUUID(), "/hooks/squatter", List.of("ccscrp", "gifct-cip"), secret())));
    /** Granted ccscrp without any webhook yet: it sees ccscrp incidents but is not notified. */
    public static final Supporter OBSERVER = new Supporter(UUID.randomUUID(), "Observer State", "government", "IE",
            List.of("ccscrp"), List.of());
    /** Its webhook's host resolves (through {@link TestDns}) to the cloud metadata address. */
    public static final Supporter INWARD = new Supporter(UUID.randomUUID(), "Inward Pointing Ltd", "company", "US",
            List.of(REFUSED_PROTOCOL), List.of(new Hook(UUID.randomUUID(), "https://metadata.hooks.example/ccall",
                    List.of(REFUSED_PROTOCOL), secret())));

    public static final List<Supporter> ALL = List.of(NZ, FR, LINE, JVC, EC, INZ, FLAKY, DEAD, INWARD, SQUATTER,
            OBSERVER);

    private World() {
    }

    public static Supporter byHookPath(String path) {
        return ALL.stream().filter(s -> !s.hooks().isEmpty() && s.hook().path().equals(path)).findFirst().orElseThrow();
    }

    /** A participant granted these protocols, with one webhook notified for all of them. */
    private static Supporter supporter(String name, String type, String country, String hook, String... protocols) {
        return new Supporter(UUID.randomUUID(), name, type, country, List.of(protocols),
                List.of(new Hook(UUID.randomUUID(), "/hooks/" + hook, List.of(protocols), secret())));
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** The crisis-contacts page supporter-service would serve, webhook URLs pointing at {@code base}. */
    public static Map<String, Object> contactsPage(String base, List<Supporter> supporters) {
        Map<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", supporters.stream().map(s -> {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("supporterId", s.id().toString());
            item.put("supporterName", s.name());
            item.put("supporterType", s.type());
            item.put("country", s.country());
            item.put("protocols", s.protocols());
            item.put("contactPoints", List.of(Map.of("id", UUID.randomUUID().toString(), "name", "Duty officer " + s.name(),
                        "role", "24/7 crisis desk", "email", "crisis@" + s.name().replace(" ", "").toLowerCase() + ".example",
                        "phone", "+64 4 000 0000")));
            item.put("webhooks", s.hooks().stream().map(h -> Map.of("id", h.id().toString(),
                        "url", h.path().contains("://") ? h.path() : base + h.path(),
                        "protocols", h.protocols(), "signingSecret", h.secret(), "active", true)).toList());
            return item;
        }).toList());
        page.put("next", null);
        page.put("nextCursor", null);
        return page;
    }
}
