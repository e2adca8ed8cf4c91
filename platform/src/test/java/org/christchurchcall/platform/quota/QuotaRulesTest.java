package org.christchurchcall.platform.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuotaRulesTest {

    @Test
    void safeMethodsAreReadsFilesAreUploadsTheRestAreWrites() {
        List<String> queries = List.of("/api/v1/match");
        assertEquals(RequestClass.READ, RequestClass.of("GET", "/api/v1/hashes", null, queries));
        assertEquals(RequestClass.READ, RequestClass.of("head", "/api/v1/hashes", null, queries));
        assertEquals(RequestClass.WRITE, RequestClass.of("POST", "/api/v1/hashes", "application/json", queries));
        assertEquals(RequestClass.WRITE, RequestClass.of("DELETE", "/api/v1/clients/1", null, queries));
        assertEquals(RequestClass.UPLOAD, RequestClass.of("POST", "/api/v1/compute", "image/png", queries));
        assertEquals(RequestClass.UPLOAD, RequestClass.of("POST", "/api/v1/match/file",
                "multipart/form-data; boundary=x", queries));
        assertEquals(RequestClass.UPLOAD, RequestClass.of("PUT", "/x", "Application/Octet-Stream", queries));
        // a query too large for a URL is a read, but a file sent to it is still an upload
        assertEquals(RequestClass.READ, RequestClass.of("POST", "/api/v1/match", "application/json", queries));
        assertEquals(RequestClass.READ, RequestClass.of("POST", "/api/v1/match/", "application/json", queries));
        assertEquals(RequestClass.UPLOAD, RequestClass.of("POST", "/api/v1/match", "image/jpeg", queries));
        assertEquals(RequestClass.WRITE, RequestClass.of("PUT", "/api/v1/match", "application/json", queries));
    }

    @Test
    void aRoleWithItsOwnLimitOverridesTheDefaultAndTheHighestSuchRoleWins() {
        QuotaConfig config = config(Map.of("service", limits(12000, 3000, null), "matcher", limits(5000, null, null)));
        assertEquals(1200, Quotas.limit(config, Set.of("company"), RequestClass.READ));
        assertEquals(300, Quotas.limit(config, Set.of("company"), RequestClass.WRITE));
        assertEquals(60, Quotas.limit(config, Set.of(), RequestClass.UPLOAD));
        assertEquals(12000, Quotas.limit(config, Set.of("service"), RequestClass.READ));
        assertEquals(3000, Quotas.limit(config, Set.of("service"), RequestClass.WRITE));
        assertEquals(60, Quotas.limit(config, Set.of("service"), RequestClass.UPLOAD), "no own upload limit");
        assertEquals(5000, Quotas.limit(config, Set.of("company", "matcher"), RequestClass.READ));
        assertEquals(300, Quotas.limit(config, Set.of("company", "matcher"), RequestClass.WRITE));
        assertEquals(12000, Quotas.limit(config, Set.of("matcher", "service"), RequestClass.READ));
    }

    static QuotaConfig.RoleLimits limits(Integer read, Integer write, Integer upload) {
        return new QuotaConfig.RoleLimits() {
            public OptionalLong read() {
                return read == null ? OptionalLong.empty() : OptionalLong.of(read);
            }

            public OptionalLong write() {
                return write == null ? OptionalLong.empty() : OptionalLong.of(write);
            }

            public OptionalLong upload() {
                return upload == null ? OptionalLong.empty() : OptionalLong.of(upload);
            }
        };
    }

    static QuotaConfig config(Map<String, QuotaConfig.RoleLimits> roles) {
        return new QuotaConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration period() {
                return Duration.ofMinutes(1);
            }

            public long read() {
                return 1200;
            }

            public long write() {
                return 300;
            }

            public long upload() {
                return 60;
            }

            public Map<String, RoleLimits> roles() {
                return roles;
            }

            public Optional<List<String>> queryPaths() {
                return Optional.empty();
            }

            public List<String> exemptPaths() {
                return List.of("/q/");
            }

            public long maxTrackedClients() {
                return 100;
            }
        };
    }
}
