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
        seed(db, records);
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

    /** Tops the table up to {@code total} records (with their change-log entries), 100,000 rows a statement. */
    private static void seed(BenchDatabase db, long total) throws SQLException {
        try (Connection c = db.connect()) {
            long have = db.count();
            while (have < total) {
                int n = (int) Math.min(100_000, total - have);
                try (PreparedStatement ps = c.prepareStatement("""
                        with r as (
                            insert into hash_record (seq_id, id, type, value, quality, labels, contributor_id,
                                contributor_type, status, created_at, updated_at, version)
                            select nextval('hash_record_seq'), gen_random_uuid(), 'pdq',
                                md5(random()::text || g) || md5(random()::text || g), 90, '{recruitment}',
                                gen_random_uuid(), 'company', 'active', now(), now(), 0
                            from generate_series(1, ?) g
                            returning seq_id, status, labels
                        )
                        insert into hash_change (seq, hash_id, kind, status, labels, changed_at)
                        select nextval('hash_change_seq'), seq_id, 'added', status, labels, clock_timestamp() from r
                        """)) {
                    ps.setInt(1, n);
                    ps.executeUpdate();
                }
                have += n;
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze hash_record");
            }
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

    /** The bench's own database: dropped and created anew on every run. */
    record BenchDatabase(String host, int port, String name) {
        static BenchDatabase recreate(String name) throws SQLException {
            String host = System.getenv().getOrDefault("CCALL_PGHOST", "127.0.0.1");
            int port = Integer.parseInt(System.getenv().getOrDefault("CCALL_PGPORT", "5432"));
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
                s.execute("create database " + name);
            }
            return new BenchDatabase(host, port, name);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), "postgres", "");
        }

        long count() throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from hash_record")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
