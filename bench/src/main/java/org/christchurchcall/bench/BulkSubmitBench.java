package org.christchurchcall.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.platform.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk submission throughput over HTTP: hashes stored per second at 1, 100, 1,000 and 10,000
 * items per request, against a hash table that already holds {@code --records} records (1M by
 * default). Runs its own hashmatch-service process on its own database ({@code hashmatch_bench}),
 * never the demo's. Prints one JSON line per request size.
 *
 * <pre>bin/ccall bench bulk [--records 1000000] [--sizes 1,100,1000,10000] [--hashes-per-size 20000]</pre>
 */
public final class BulkSubmitBench {

    private static final ObjectMapper JSON = JsonApi.JSON;
    private static final JsonApi API = new JsonApi();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        long records = a.longValue("--records", 1_000_000);
        int[] sizes = Arrays.stream(a.value("--sizes", "1,100,1000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
        int perSize = (int) a.longValue("--hashes-per-size", 20_000);
        String database = a.value("--database", "hashmatch_bench");

        BenchDatabase db = BenchDatabase.recreate(database);
        // a first start migrates the schema; the second builds its index from the seeded table, so
        // that no index catch-up runs while the bench measures
        try (ServiceProcess migrate = ServiceProcess.start("hashmatch-service", db.jdbcUrl())) {
            migrate.awaitReady();
        }
        db.seedPdq(records);
        try (ServiceProcess hashmatch = ServiceProcess.start("hashmatch-service", db.jdbcUrl())) {
            hashmatch.awaitReady();
            UUID supporter = UUID.randomUUID();
            String token = TestTokens.builder().supporter(supporter, Roles.COMPANY).roles(Roles.HASH_CONTRIBUTOR)
                    .expiresAt(java.time.Instant.now().plusSeconds(6 * 3600)).sign();
            // warm-up: the JIT, the connection pool and the insert path
            for (int i = 0; i < 5; i++) {
                submit(hashmatch, token, 1_000);
            }
            for (int size : sizes) {
                int requests = Math.max(3, Math.min(2_000, perSize / size));
                double[] millis = new double[requests];
                long start = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    long t = System.nanoTime();
                    submit(hashmatch, token, size);
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Arrays.sort(millis);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("bench", "bulk-submit");
                line.put("recordsBefore", records);
                line.put("itemsPerRequest", size);
                line.put("requests", requests);
                line.put("hashesPerSecond", Math.round(size * requests / seconds));
                line.put("requestMsP50", round(millis[millis.length / 2]));
                line.put("requestMsMax", round(millis[millis.length - 1]));
                line.put("recordsAfter", db.count());
                System.out.println(JSON.writeValueAsString(line));
            }
        }
    }

    /** One bulk request of {@code size} new PDQ hashes; fails the bench unless all were created. */
    private static void submit(ServiceProcess service, String token, int size) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            items.add(Map.of("type", "pdq", "value", hex(32), "quality", 90, "labels", List.of("recruitment")));
        }
        JsonNode body = API.post(service.base() + "/api/v1/hashes/bulk", token, Map.of("items", items), 200);
        if (body.path("created").asInt() != size) {
            throw new IllegalStateException("bulk of " + size + " created only " + body.path("created"));
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
