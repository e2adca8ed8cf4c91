package org.christchurchcall.supporter;

import static org.christchurchcall.supporter.Fixtures.activeSupporter;
import static org.christchurchcall.supporter.Fixtures.as;
import static org.christchurchcall.supporter.Fixtures.count;
import static org.christchurchcall.supporter.Fixtures.grantProtocols;
import static org.christchurchcall.supporter.Fixtures.problem;
import static org.christchurchcall.supporter.Fixtures.tokenFor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.christchurchcall.platform.security.Roles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A webhook URL must lead to a public server: the review's list of addresses inside a network
 * (and names that resolve to them, through {@link TestDns}) is refused when an endpoint is added
 * and when one is edited, with the development flag off as in production.
 */
@QuarkusTest
@TestProfile(WebhookAddressTest.Production.class)
class WebhookAddressTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ccall.contacts.allow-loopback-http", "false");
        }
    }

    private static final String PATH = "/api/v1/supporters/{s}/webhooks";

    @Inject
    AgroalDataSource ds;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://10.0.0.1/hook                        | 10.0.0.0/8 (private network, RFC 1918)",
            "https://169.254.169.254/latest/meta-data     | 169.254.0.0/16 (link-local",
            "https://127.0.0.1/hook                       | 127.0.0.0/8 (loopback)",
            "https://[::1]/hook                           | ::1/128 (loopback)",
            "https://100.64.0.1/hook                      | 100.64.0.0/10 (carrier-grade NAT",
            "https://[fd00::1]/hook                       | fc00::/7 (unique-local)",
            "https://0.0.0.0/hook                         | 0.0.0.0/8",
            "https://2130706433/hook                      | 127.0.0.1 is in 127.0.0.0/8",
            "https://0177.0.0.1/hook                      | 127.0.0.1 is in 127.0.0.0/8",
            "https://0x7f.1/hook                          | 127.0.0.1 is in 127.0.0.0/8",
            "https://127.1/hook                           | 127.0.0.1 is in 127.0.0.0/8",
            "https://localhost/hook                       | localhost names this machine",
            "https://localhost:8443/hook                  | localhost names this machine",
            "https://[::ffff:127.0.0.1]/hook              | (IPv4-mapped) carries 127.0.0.1",
            "https://[64:ff9b::a9fe:a9fe]/hook            | (NAT64) carries 169.254.169.254",
            "https://[2002:a00:1::]/hook                  | (6to4) carries 10.0.0.1",
            "https://192.0.2.1/hook                       | 192.0.2.0/24 (documentation",
            "https://[2001:db8::1]/hook                   | 2001:db8::/32 (documentation)",
            "https://internal.hooks.example/hook          | internal.hooks.example resolves to 10.0.0.1",
            "https://metadata.hooks.example/hook          | metadata.hooks.example resolves to 169.254.169.254",
            "https://ula.hooks.example/hook               | ula.hooks.example resolves to fd00:0:0:0:0:0:0:1",
            "https://mixed.hooks.example/hook             | mixed.hooks.example resolves to 192.168.0.10",
            "http://127.0.0.1:9999/hook                   | 127.0.0.0/8 (loopback)",
            "http://public.hooks.example/hook             | must use https",
    })
    void refusedAddressesAreNeitherAddedNorEditedIn(String url, String reason) {
        UUID s = activeSupporter("company");
        grantProtocols(s, "gifct-cip");
        String own = tokenFor(s, Roles.COMPANY);
        String id = as(own).body(Map.of("url", "https://public.hooks.example/ccall", "protocols", List.of("gifct-cip")))
                .post(PATH, s).then().statusCode(201).extract().path("id");
        long before = count(ds, "webhook_endpoint");

        var added = problem(as(own).body(Map.of("url", url, "protocols", List.of("gifct-cip"))).post(PATH, s).then(), 400)
                .body("errors.field", hasItem("url"));
        var edited = problem(as(own).body(Map.of("version", 0, "url", url, "protocols", List.of("gifct-cip"), "active",
                true)).put(PATH + "/{id}", s, id).then(), 400).body("errors.field", hasItem("url"));
        if (reason != null) {
            added.body("errors[0].message", org.hamcrest.Matchers.containsString(reason));
            edited.body("errors[0].message", org.hamcrest.Matchers.containsString(reason));
        }

        assertEquals(before, count(ds, "webhook_endpoint"));
        as(own).get(PATH + "/{id}", s, id).then().statusCode(200).body("url", equalTo("https://public.hooks.example/ccall"))
                .body("version", equalTo(0));
        as(own).get(PATH, s).then().statusCode(200).body("url", equalTo(List.of("https://public.hooks.example/ccall")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "https://public.hooks.example/ccall", "https://93.184.215.14:8443/ccall?k=v",
            "https://not-yet-in-dns.example/ccall" })
    void publicAndNotYetResolvableHostsAreAccepted(String url) {
        UUID s = activeSupporter("company");
        grantProtocols(s, "gifct-cip");
        as(tokenFor(s, Roles.COMPANY)).body(Map.of("url", url, "protocols", List.of("gifct-cip"))).post(PATH, s).then()
                .statusCode(201).body("url", equalTo(url));
    }
}
