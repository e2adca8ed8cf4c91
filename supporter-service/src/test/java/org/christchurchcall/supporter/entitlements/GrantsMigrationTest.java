package org.christchurchcall.supporter.entitlements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V3 turns what supporters hold before the upgrade into explicit grants. Runs the migrations in a
 * schema of its own in the test database: up to V2, then the data an existing deployment has,
 * then V3.
 */
class GrantsMigrationTest {

    private static final String SCHEMA = "grants_migration_check";
    private static final String URL = "jdbc:postgresql://127.0.0.1:"
            + System.getenv().getOrDefault("CCALL_TEST_PGPORT", "5432") + "/supporter_test"
            + System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "");

    private static Connection db;

    @BeforeAll
    static void migrateAnExistingDeployment() throws SQLException {
        db = DriverManager.getConnection(URL, "postgres", "");
        try (Statement st = db.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        flyway("2").migrate();
        try (Statement st = db.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            st.execute(supporter("11111111-0000-0000-0000-000000000001", "Company A", "company", "active"));
            st.execute(supporter("11111111-0000-0000-0000-000000000002", "Government B", "government", "suspended"));
            st.execute(supporter("11111111-0000-0000-0000-000000000003", "Company C", "company", "withdrawn"));
            st.execute(supporter("11111111-0000-0000-0000-000000000004", "Society D", "civil-society", "active"));
            // A: two clients, one revoked; its roles do not carry over
            st.execute(client("a1", "11111111-0000-0000-0000-000000000001", "{company,matcher,hash-contributor}", false));
            st.execute(client("a2", "11111111-0000-0000-0000-000000000001", "{company,crisis-coordinator}", true));
            st.execute(client("b1", "11111111-0000-0000-0000-000000000002", "{government,crisis-coordinator,matcher}",
                    false));
            st.execute(client("c1", "11111111-0000-0000-0000-000000000003", "{company,matcher}", false));
            st.execute(client("d1", "11111111-0000-0000-0000-000000000004", "{civil-society}", false));
            st.execute(client("s1", null, "{secretariat}", false));
            st.execute(webhook("11111111-0000-0000-0000-000000000001", "{ccscrp,gifct-cip}", true));
            st.execute(webhook("11111111-0000-0000-0000-000000000001", "{gifct-cip}", false));
            st.execute(webhook("11111111-0000-0000-0000-000000000002", "{eu-crisis-protocol}", true));
            st.execute(webhook("11111111-0000-0000-0000-000000000003", "{ccscrp}", true));
        }
        flyway("3").migrate();
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        db.close();
    }

    @Test
    void clientRolesAndWebhookProtocolsBecomeGrantsOfTheirSupporter() throws SQLException {
        assertEquals(List.of(
                "Company A protocol ccscrp", "Company A protocol gifct-cip", "Company A role hash-contributor",
                "Company A role matcher",
                "Government B protocol eu-crisis-protocol", "Government B role crisis-coordinator",
                "Government B role matcher"),
                rows("select s.name || ' ' || e.kind || ' ' || e.code from entitlement e join supporter s "
                        + "on s.id = e.supporter_id where e.granted_by = 'migration' order by 1"));
    }

    @Test
    void eachGrantIsInTheAuditTrail() throws SQLException {
        List<String> audited = rows("select entity_id || ' ' || action || ' ' || client_id from audit_event "
                + "where entity_type = 'entitlement' order by 1");
        assertEquals(7, audited.size());
        assertEquals(List.of(), audited.stream().filter(a -> !a.endsWith(" granted system")).toList());
        assertEquals(List.of("role 'matcher' granted to Company A on upgrade, carried over from its API clients"),
                rows("select summary from audit_event where entity_type = 'entitlement' and summary like '%Company A %'"
                        + " and summary like 'role ''matcher''%'"));
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String supporter(String id, String name, String type, String status) {
        return "insert into supporter (id, name, type, country, status, status_changed_at, applied_at, joined_on, version) "
                + "values ('" + id + "', '" + name + "', '" + type + "', 'NZ', '" + status + "', now(), now(), "
                + "current_date, 0)";
    }

    private static String client(String clientId, String supporterId, String roles, boolean revoked) {
        return "insert into api_client (id, client_id, name, supporter_id, roles, secret_hash, created_at, revoked_at, "
                + "version) values (gen_random_uuid(), '" + clientId + "', '" + clientId + "', "
                + (supporterId == null ? "null" : "'" + supporterId + "'") + ", '" + roles + "', 'x', now(), "
                + (revoked ? "now()" : "null") + ", 0)";
    }

    private static String webhook(String supporterId, String protocols, boolean active) {
        return "insert into webhook_endpoint (id, supporter_id, url, protocols, active, signing_secret_enc, created_at, "
                + "version) values (gen_random_uuid(), '" + supporterId + "', 'https://hooks.example/x', '" + protocols
                + "', " + active + ", 'v1:x', now(), 0)";
    }
}
