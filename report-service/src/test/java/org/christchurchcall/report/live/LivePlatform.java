package org.christchurchcall.report.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services of the platform, each the jar its module packaged, each on its own fresh
 * PostgreSQL database, configured as a deployment would be: supporter-service signs tokens with a
 * key generated here and creates the service clients of protocol-service and report-service from
 * their configured secrets; the other services verify tokens against its JWKS. Secretariat access
 * is the demonstration register's {@code demo-secretariat} client that {@code bin/ccall up} uses.
 *
 * <p>Databases are {@code <service>_e2e} plus {@code CCALL_TEST_DB_SUFFIX}, on
 * {@code CCALL_TEST_PGPORT} (default 5432), dropped and created at each start so that no unit-test
 * database is touched and each run starts from nothing.
 */
public final class LivePlatform implements AutoCloseable {

    public static final String DEMO_SECRETARIAT = "demo-secretariat";

    private final Path root;
    private final Path work;
    private final String pgPort = System.getenv().getOrDefault("CCALL_TEST_PGPORT", "5432");
    private final String dbSuffix = System.getenv().getOrDefault("CCALL_TEST_DB_SUFFIX", "");
    private final SecureRandom random = new SecureRandom();
    private final String secretariatSecret = secret();
    private final List<ServiceProcess> started = new ArrayList<>();

    public ServiceProcess supporter;
    public ServiceProcess hashmatch;
    public ServiceProcess protocol;
    public ServiceProcess report;

    /** {@code root} is the repository's root, holding each module's directory. */
    public LivePlatform(Path root, Path work) {
        this.root = root;
        this.work = work;
    }

    /** Creates the databases, starts the four services at once and waits until each is ready. */
    public LivePlatform start() throws IOException, SQLException, NoSuchAlgorithmException {
        Files.createDirectories(work);
        for (String db : List.of("supporter", "hashmatch", "protocol", "report")) {
            recreateDatabase(database(db));
        }
        Path key = signingKey();
        int supporterPort = ServiceProcess.freePort();
        int hashmatchPort = ServiceProcess.freePort();
        int protocolPort = ServiceProcess.freePort();
        int reportPort = ServiceProcess.freePort();
        String supporterUrl = "http://127.0.0.1:" + supporterPort;
        String hashmatchUrl = "http://127.0.0.1:" + hashmatchPort;
        String protocolUrl = "http://127.0.0.1:" + protocolPort;
        String jwks = supporterUrl + "/.well-known/jwks.json";
        String protocolSecret = secret();
        String reportSecret = secret();

        Map<String, String> s = common("supporter", jwks);
        s.put("ccall.signing.key-location", key.toString());
        s.put("ccall.signing.key-id", "live-it-" + Long.toHexString(random.nextLong()));
        s.put("ccall.service-clients.protocol.client-id", "protocol-service");
        s.put("ccall.service-clients.protocol.secret", protocolSecret);
        s.put("ccall.service-clients.report.client-id", "report-service");
        s.put("ccall.service-clients.report.secret", reportSecret);
        s.put("ccall.demo.enabled", "true");
        s.put("ccall.demo.secretariat-secret", secretariatSecret);
        s.put("ccall.demo.government-secret", secret());
        s.put("ccall.demo.company-secret", secret());
        byte[] contactsKey = new byte[32];
        random.nextBytes(contactsKey);
        s.put("ccall.contacts.secret-encryption-key", Base64.getEncoder().encodeToString(contactsKey));
        // the participants' webhook receiver is this test, on the loopback interface
        s.put("ccall.contacts.allow-loopback-http", "true");
        // protocol codes are protocol-service's: supporter-service asks it before granting participation
        s.put("ccall.protocol.url", protocolUrl);
        supporter = launch("supporter-service", supporterPort, s);

        Map<String, String> h = common("hashmatch", jwks);
        // reports read matches from a tally flushed periodically; flush often so the test need not wait 10 s
        h.put("ccall.hashmatch.tally-flush-interval", "1s");
        hashmatch = launch("hashmatch-service", hashmatchPort, h);

        Map<String, String> p = common("protocol", jwks);
        p.put("ccall.supporter.url", supporterUrl);
        p.put("ccall.supporter.client-id", "protocol-service");
        p.put("ccall.supporter.client-secret", protocolSecret);
        p.put("ccall.hashmatch.url", hashmatchUrl);
        byte[] secretsKey = new byte[32];
        random.nextBytes(secretsKey);
        p.put("ccall.secrets.keys.live", Base64.getEncoder().encodeToString(secretsKey));
        p.put("ccall.secrets.active-key", "live");
        p.put("ccall.delivery.allow-loopback-http", "true");
        protocol = launch("protocol-service", protocolPort, p);

        Map<String, String> r = common("report", jwks);
        r.put("ccall.supporter.url", supporterUrl);
        r.put("ccall.hashmatch.url", hashmatchUrl);
        r.put("ccall.protocol.url", protocolUrl);
        r.put("ccall.supporter.client-id", "report-service");
        r.put("ccall.supporter.client-secret", reportSecret);
        report = launch("report-service", reportPort, r);

        for (ServiceProcess service : started) {
            service.awaitReady(Duration.ofSeconds(120));
        }
        return this;
    }

    /** The secretariat's token, from the demonstration register's secretariat client. */
    public String secretariatToken() {
        return Http.token(supporter.url(), DEMO_SECRETARIAT, secretariatSecret);
    }

    /** A JDBC URL of one of the databases this platform runs on. */
    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database(service);
    }

    /** Stops every service still running; safe to call more than once. */
    @Override
    public void close() {
        for (ServiceProcess s : started) {
            s.stop();
        }
    }

    private ServiceProcess launch(String module, int port, Map<String, String> config) throws IOException {
        ServiceProcess s = ServiceProcess.start(module, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"),
                port, config, work);
        started.add(s);
        return s;
    }

    private Map<String, String> common(String service, String jwks) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("quarkus.datasource.jdbc.url", jdbcUrl(service));
        c.put("quarkus.datasource.username", "postgres");
        c.put("quarkus.datasource.password", "");
        c.put("ccall.token.jwks-location", jwks);
        return c;
    }

    private String database(String service) {
        return service + "_e2e" + dbSuffix;
    }

    private void recreateDatabase(String name) throws SQLException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres",
                ""); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
            st.execute("create database " + name);
        }
    }

    /** A fresh RSA key as PKCS#8 PEM, as {@code bin/ccall up} makes with openssl. */
    private Path signingKey() throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, random);
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded());
        Path key = work.resolve("signing-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        return key;
    }

    private String secret() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
