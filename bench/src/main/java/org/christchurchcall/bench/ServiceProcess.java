package org.christchurchcall.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) started as a child
 * process on a free loopback port, on the bench's own database, trusting the platform's test
 * token key. Its log goes to {@code bench/target/<module>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final Path log;

    private ServiceProcess(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static ServiceProcess start(String module, String jdbcUrl) throws IOException {
        return start(module, jdbcUrl, Path.of(System.getProperty("java.home")),
                List.of(System.getProperty("ccall.bench.service-heap", "-Xmx2g")));
    }

    /** Starts the service on the JDK at {@code javaHome} with {@code jvmOptions} before {@code -jar}. */
    static ServiceProcess start(String module, String jdbcUrl, Path javaHome, List<String> jvmOptions) throws IOException {
        Path root = Path.of(System.getProperty("ccall.root", "."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests");
        }
        Path jwks = Files.createTempFile("bench-jwks", ".json");
        jwks.toFile().deleteOnExit();
        try (InputStream in = ServiceProcess.class.getClassLoader().getResourceAsStream("test-keys/jwks.json")) {
            Files.write(jwks, in.readAllBytes());
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = root.resolve("bench/target/" + module + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin/java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=postgres",
                "-Dccall.token.jwks-location=" + jwks.toUri(),
                "-jar", jar.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(p, "http://127.0.0.1:" + port, log);
    }

    /** The service's process, for its resident set size. */
    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    String base() {
        return base;
    }

    void awaitReady() {
        awaitReady(Duration.ofMillis(200));
    }

    /** Waits until readiness answers 200, polling every {@code poll}. */
    void awaitReady(Duration poll) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        Awaitility.await("readiness of the service logging to " + log).atMost(Duration.ofMinutes(5))
                .pollDelay(Duration.ZERO).pollInterval(poll).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the service exited during start-up; see " + log);
                    }
                    try {
                        return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
