package org.christchurchcall.protocol.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * V6 brings protocol versions to a deployment that has incidents: every activation made before
 * the upgrade stays on its protocol's first version (a gifct-cip one on the 2021 levels, even if it
 * was made after GIFCT's 2025 change), and the 2025 activation types are added beside them. Runs
 * the migrations in a schema of its own in the test database: up to V5, the data, then V6.
 */
class ProtocolVersionsMigrationTest {

    private static final String SCHEMA = "protocol_versions_migration_check";
    private static final String URL = "jdbc:postgresql://127.0.0.1:"
            + System.getenv().getOrDefault("CCALL_TEST_PGPORT", "5432") + "/protocol_test"
            + System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "");
    private static final String INCIDENT = "22222222-0000-0000-0000-000000000001";
    private static final String LATER = "22222222-0000-0000-0000-000000000002";

    private static Connection db;

    @BeforeAll
    static void migrateADeploymentWithOpenIncidents() throws SQLException {
        db = DriverManager.getConnection(URL, "postgres", "");
        try (Statement st = db.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        flyway("5").migrate();
        try (Statement st = db.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            st.execute("insert into protocol (code, name, description, requires_second_approval, created_at, updated_at) "
                    + "values ('drill', 'Regional drill', '', false, '2024-05-01T00:00:00Z', now())");
            st.execute("insert into protocol_level (protocol_code, code, name, description, position) values "
                    + "('drill', 'watch', 'Watch', '', 1)");
            st.execute(incident(INCIDENT));
            // made after 18 September 2025, at a 2021 level: the release that knows versions comes later
            st.execute(activation("33333333-0000-0000-0000-000000000001", "gifct-cip", "content-incident-protocol",
                    "2026-11-30T10:00:00Z"));
            st.execute(activation("33333333-0000-0000-0000-000000000002", "ccscrp", "awareness", "2026-11-30T10:01:00Z"));
            st.execute(activation("33333333-0000-0000-0000-000000000003", "drill", "watch", "2026-11-30T10:02:00Z"));
        }
        flyway("6").migrate();
    }

    @AfterAll
    static void dropTheSchema() throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        db.close();
    }

    @Test
    void activationsMadeBeforeTheUpgradeKeepTheirLevelsInTheFirstVersion() throws SQLException {
        assertEquals(List.of(
                "ccscrp 2019 level=awareness type= sharesHashes=false",
                "drill 1 level=watch type= sharesHashes=false",
                "gifct-cip 2021 level=content-incident-protocol type= sharesHashes=true"),
                rows("select protocol_code || ' ' || protocol_version || ' level=' || coalesce(level_code, '') || ' type='"
                        + " || coalesce(type_code, '') || ' sharesHashes=' || shares_hashes from activation order by 1"));
    }

    @Test
    void gifctHasTwoVersionsAndTheOthersOne() throws SQLException {
        assertEquals(List.of(
                "ccscrp 2019 levels 2019-09-01",
                "drill 1 levels 2024-05-01",
                "eu-crisis-protocol 2019 levels 2019-10-01",
                "gifct-cip 2021 levels 2021-01-01",
                "gifct-cip 2025 types 2025-09-18"),
                rows("select protocol_code || ' ' || code || ' ' || vocabulary || ' ' "
                        + "|| to_char(effective_from at time zone 'UTC', 'YYYY-MM-DD') from protocol_version order by 1"));
        assertEquals(List.of(
                "2021 content-incident true", "2021 content-incident-protocol true", "2021 incident false",
                "2025 awareness-communication false", "2025 perpetrator-content-incident true"),
                rows("select version_code || ' ' || code || ' ' || shares_hashes from protocol_level "
                        + "where protocol_code = 'gifct-cip' order by 1"));
        assertEquals(List.of("drill 1 watch"),
                rows("select protocol_code || ' ' || version_code || ' ' || code from protocol_level "
                        + "where protocol_code = 'drill'"));
    }

    @Test
    void anActivationHasALevelOrATypeOfItsOwnVersion() {
        // neither, or a type that is not one of its version's terms
        assertThrows(SQLException.class, () -> exec("update activation set level_code = null "
                + "where id = '33333333-0000-0000-0000-000000000002'"));
        assertThrows(SQLException.class, () -> exec("update activation set level_code = null, "
                + "type_code = 'perpetrator-content-incident' where id = '33333333-0000-0000-0000-000000000001'"));
    }

    @Test
    void podsOfThePreviousReleaseKeepWorkingDuringTheRollOut() throws SQLException {
        // they write an activation or a level without a version: the one of the term, or the current one
        try {
            exec(incident(LATER));
            exec(activation("33333333-0000-0000-0000-000000000004", "ccscrp", "coordinated-response", "2026-12-01T10:00:00Z")
                    .replace(INCIDENT, LATER));
            exec(activation("33333333-0000-0000-0000-000000000005", "gifct-cip", "perpetrator-content-incident",
                    "2026-12-01T10:01:00Z").replace(INCIDENT, LATER));
            exec("insert into protocol_level (protocol_code, code, name, description, position) values "
                    + "('drill', 'alert', 'Alert', '', 2)");
            assertEquals(List.of("ccscrp 2019 level=coordinated-response type= sharesHashes=false",
                    "gifct-cip 2025 level= type=perpetrator-content-incident sharesHashes=true"),
                    rows("select protocol_code || ' ' || protocol_version || ' level=' || coalesce(level_code, '') || "
                            + "' type=' || coalesce(type_code, '') || ' sharesHashes=' || shares_hashes from activation "
                            + "where id in ('33333333-0000-0000-0000-000000000004', '33333333-0000-0000-0000-000000000005') "
                            + "order by id"));
            assertEquals(List.of("1 alert", "1 watch"),
                    rows("select version_code || ' ' || code from protocol_level where protocol_code = 'drill' order by code"));
        } finally {
            exec("delete from activation where id in ('33333333-0000-0000-0000-000000000004', "
                    + "'33333333-0000-0000-0000-000000000005')");
            exec("delete from protocol_level where protocol_code = 'drill' and code = 'alert'");
            exec("delete from incident where id = '" + LATER + "'");
        }
    }

    private static String incident(String id) {
        return "insert into incident (id, title, description, occurred_at, location, content_urls, platforms, "
                + "content_types, protocols, exercise, status, reported_by_client, reported_at, updated_at) values ('"
                + id + "', 'Attack', 'd', now(), 'here', '[]', '[]', '[]', "
                + "'[\"gifct-cip\", \"ccscrp\", \"drill\"]', false, 'active', 'c', now(), now())";
    }

    private static String activation(String id, String protocol, String level, String at) {
        return "insert into activation (id, incident_id, protocol_code, level_code, status, ongoing_event, "
                + "perpetrator_content, murder_or_attempt, on_member_platforms, decision, requested_by_client, "
                + "requested_at, effective_at, updated_at) values ('" + id + "', '" + INCIDENT + "', '" + protocol
                + "', '" + level + "', 'in-effect', true, true, true, true, 'd', 'c', '" + at + "', '" + at + "', now())";
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(URL, "postgres", "").schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private static void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("set search_path to " + SCHEMA);
            st.execute(sql);
        }
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
}
