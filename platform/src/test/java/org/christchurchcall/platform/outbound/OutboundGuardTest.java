package org.christchurchcall.platform.outbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundGuardTest {

    private final MapResolver dns = new MapResolver().map("localhost", "127.0.0.1", "::1")
            .map("hooks.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
            .map("mixed.example.com", "93.184.215.14", "10.1.2.3");
    private final OutboundGuard production = new OutboundGuard(dns, false);
    private final OutboundGuard development = new OutboundGuard(dns, true);

    /** Every special-purpose range, by an address in it, its first and its last address; and why. */
    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0            | 0.0.0.0/8",
            "0.255.255.255      | 0.0.0.0/8",
            "10.0.0.1           | 10.0.0.0/8 (private network, RFC 1918)",
            "10.255.255.255     | 10.0.0.0/8",
            "100.64.0.1         | 100.64.0.0/10 (carrier-grade NAT",
            "100.127.255.255    | 100.64.0.0/10",
            "127.0.0.1          | 127.0.0.0/8 (loopback)",
            "127.255.255.254    | 127.0.0.0/8",
            "169.254.169.254    | 169.254.0.0/16 (link-local",
            "172.16.0.0         | 172.16.0.0/12",
            "172.31.255.255     | 172.16.0.0/12",
            "192.0.0.8          | 192.0.0.0/24",
            "192.0.2.1          | 192.0.2.0/24 (documentation",
            "192.88.99.1        | 192.88.99.0/24",
            "192.168.1.1        | 192.168.0.0/16",
            "198.18.0.1         | 198.18.0.0/15 (benchmarking)",
            "198.19.255.255     | 198.18.0.0/15",
            "198.51.100.7       | 198.51.100.0/24 (documentation",
            "203.0.113.9        | 203.0.113.0/24 (documentation",
            "224.0.0.1          | 224.0.0.0/4 (multicast)",
            "239.255.255.250    | 224.0.0.0/4",
            "240.0.0.1          | 240.0.0.0/4 (reserved)",
            "255.255.255.254    | 240.0.0.0/4",
            "255.255.255.255    | 255.255.255.255/32 (broadcast)",
            "::                 | ::/128 (unspecified)",
            "::1                | ::1/128 (loopback)",
            "::127.0.0.1        | ::/96 (IPv4-compatible",
            "::8.8.8.8          | ::/96",
            "::1:0:0:1          | ::/8 (reserved)",
            "::ffff:127.0.0.1   | 127.0.0.1 is in 127.0.0.0/8 (loopback)",
            "::ffff:10.0.0.1    | 10.0.0.1 is in 10.0.0.0/8",
            "::ffff:169.254.169.254 | 169.254.169.254 is in 169.254.0.0/16",
            "64:ff9b::a9fe:a9fe | (NAT64) carries 169.254.169.254",
            "64:ff9b::7f00:1    | (NAT64) carries 127.0.0.1",
            "64:ff9b:1::1       | 64:ff9b:1::/48",
            "2002:a00:1::1      | (6to4) carries 10.0.0.1",
            "2002:7f00:1::      | (6to4) carries 127.0.0.1",
            "100::1             | 100::/64",
            "2001::1            | 2001::/32 (Teredo",
            "2001:2::1          | 2001:2::/48 (benchmarking)",
            "2001:db8::1        | 2001:db8::/32 (documentation)",
            "3fff::1            | 3fff::/20 (documentation)",
            "fc00::1            | fc00::/7 (unique-local)",
            "fd00::1            | fc00::/7",
            "fdff:ffff::1       | fc00::/7",
            "fe80::1            | fe80::/10 (link-local)",
            "febf::1            | fe80::/10",
            "fec0::1            | fec0::/10",
            "ff02::1            | ff00::/8 (multicast)",
            "fe00::1            | outside 2000::/3",
            "fbff:ffff::1       | outside 2000::/3",
            "4000::1            | outside 2000::/3",
    })
    void specialPurposeAddressesAreRefusedWhereverTheyComeFrom(String address, String reason) throws Exception {
        String literal = address.contains(":") ? "[" + address + "]" : address;
        RefusedDestinationException asLiteral = assertThrows(RefusedDestinationException.class,
                () -> production.destination("https://" + literal + "/hook"));
        assertTrue(asLiteral.getMessage().contains(reason), asLiteral.getMessage());
        // the same address behind a name, as DNS (or an attacker's DNS) would answer it
        dns.map("evil.example.com", address);
        RefusedDestinationException asName = assertThrows(RefusedDestinationException.class,
                () -> production.destination("https://evil.example.com/hook"));
        assertTrue(asName.getMessage().startsWith("evil.example.com resolves to "), asName.getMessage());
        assertTrue(asName.getMessage().contains(reason), asName.getMessage());
        assertThrows(RefusedDestinationException.class, () -> production.checkRegistration("https://evil.example.com/h"));
    }

    /** Public unicast addresses, including the neighbours of refused ranges. */
    @ParameterizedTest(name = "{0} allowed")
    @ValueSource(strings = { "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "93.184.215.14", "100.63.255.255",
            "100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
            "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255",
            "198.20.0.0", "198.51.99.255", "203.0.112.255", "223.255.255.255", "2606:4700:4700::1111",
            "2a00:1450:4009:81f::200e", "2001:4860:4860::8888", "2001:db9::1", "3fff:1000::1",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1" })
    void publicAddressesAreAllowed(String address) throws Exception {
        String literal = address.contains(":") ? "[" + address + "]" : address;
        Destination d = production.destination("https://" + literal + "/hook?x=1");
        assertEquals(List.of(InetAddress.getByName(address)), d.addresses());
        assertEquals("/hook?x=1", d.requestUri());
        assertEquals(443, d.port());
        dns.map("fine.example.com", address);
        assertEquals(List.of(InetAddress.getByName(address)),
                production.destination("https://fine.example.com:8443/h").addresses());
    }

    /** Numeric spellings that lenient clients read as an IPv4 address: never a way round the ranges. */
    @ParameterizedTest(name = "{0} refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "2130706433         | 127.0.0.1 is in 127.0.0.0/8",
            "0177.0.0.1         | 127.0.0.1 is in 127.0.0.0/8",
            "0x7f.1             | 127.0.0.1 is in 127.0.0.0/8",
            "0x7F.0.0.1         | 127.0.0.1 is in 127.0.0.0/8",
            "127.1              | 127.0.0.1 is in 127.0.0.0/8",
            "127.0.1            | 127.0.0.1 is in 127.0.0.0/8",
            "0x7f000001         | 127.0.0.1 is in 127.0.0.0/8",
            "017700000001       | 127.0.0.1 is in 127.0.0.0/8",
            "127.0.0.1.         | 127.0.0.1 is in 127.0.0.0/8",
            "0                  | 0.0.0.0 is in 0.0.0.0/8",
            "0x0                | 0.0.0.0 is in 0.0.0.0/8",
            "167772161          | 10.0.0.1 is in 10.0.0.0/8",
            "012.0.0.1          | 10.0.0.1 is in 10.0.0.0/8",
            "0xa9.0xfe.0xa9.0xfe | 169.254.169.254 is in 169.254.0.0/16",
            "2852039166         | 169.254.169.254 is in 169.254.0.0/16",
            "0xa9fea9fe         | 169.254.169.254 is in 169.254.0.0/16",
            "169.254.43518      | 169.254.169.254 is in 169.254.0.0/16",
            "134744072          | writes 8.8.8.8 as 134744072",
            "8.8.8.8.           | writes 8.8.8.8 as 8.8.8.8.",
            "08.8.8.8           | is not a valid IPv4 address",
            "256.1.1.1          | is not a valid IPv4 address",
            "1.2.3.256          | is not a valid IPv4 address",
            "4294967296         | is not a valid IPv4 address",
            "1.2.3.4.5          | is neither a host name nor an IPv4 address",
            "[::ffff:127.0.0.1] | ::ffff:127.0.0.1 (IPv4-mapped) carries 127.0.0.1 is in 127.0.0.0/8",
            "[::ffff:7f00:1]    | carries 127.0.0.1",
            "[0:0:0:0:0:ffff:127.0.0.1] | carries 127.0.0.1",
            "[0000::0001]       | ::1/128 (loopback)",
            "[fe80::1%25eth0]   | is not a valid IPv6 address",
            "a_b.example.com    | is not a valid host",
            "localhost          | localhost names this machine",
            "LocalHost.         | localhost names this machine",
            "api.localhost      | api.localhost names this machine",
    })
    void numericSpellingsAndOddHostsAreRefused(String host, String reason) {
        RefusedDestinationException e = assertThrows(RefusedDestinationException.class,
                () -> production.destination("https://" + host + "/hook"));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://hooks.example.com/h    | must use https",
            "ftp://hooks.example.com/h     | must be an absolute https URL",
            "hooks.example.com/h           | must be an absolute https URL",
            "https:///h                    | must be an absolute https URL",
            "https://u:p@hooks.example.com/h | must not carry user info",
            "https://hooks.example.com:0/h | port 0 is out of range",
            "https://hooks.example.com:70000/h | out of range",
            "not a url                     | is not a URL",
            "https://mixed.example.com/h   | mixed.example.com resolves to 10.1.2.3 is in 10.0.0.0/8",
    })
    void schemesAndUrlsOtherThanHttpsToAPublicHostAreRefused(String url, String reason) {
        RefusedDestinationException e = assertThrows(RefusedDestinationException.class,
                () -> production.destination(url));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressIsKept() throws Exception {
        int before = dns.lookups.get();
        Destination d = production.destination("https://hooks.example.com/ccall");
        assertEquals(before + 1, dns.lookups.get());
        assertEquals("hooks.example.com", d.host());
        assertEquals(List.of(InetAddress.getByName("93.184.215.14"),
                InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c")), d.addresses());
    }

    @Test
    void aNameThatDoesNotResolveIsRetriedAtSendingButPassesRegistration() {
        assertThrows(UnknownHostException.class, () -> production.destination("https://not-yet.example.com/h"));
        assertDoesNotThrow(() -> production.checkRegistration("https://not-yet.example.com/h"));
        assertThrows(RefusedDestinationException.class, () -> development.checkRegistration("http://not-yet.example.com/h"));
    }

    /** The development flag opens loopback, and http to it; nothing else. */
    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080/h", "http://127.0.0.1/h", "http://127.255.0.9:9/h", "http://[::1]:9/h",
            "https://localhost:8443/h", "https://127.0.0.1/h" })
    void loopbackOnlyWithTheDevelopmentFlag(String url) throws Exception {
        assertTrue(development.destination(url).addresses().stream().allMatch(SpecialAddresses::isLoopback));
        assertThrows(RefusedDestinationException.class, () -> production.destination(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://10.0.0.1/h", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/h",
            "https://100.64.0.1/h", "https://0.0.0.0/h", "http://hooks.example.com/h", "http://93.184.215.14/h",
            "https://2130706433/h", "https://mixed.example.com/h" })
    void theDevelopmentFlagOpensNothingButLoopback(String url) {
        assertThrows(RefusedDestinationException.class, () -> development.destination(url));
    }
}
