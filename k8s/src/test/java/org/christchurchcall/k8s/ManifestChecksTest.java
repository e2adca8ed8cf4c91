package org.christchurchcall.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlays render and pass every check; and each check fails, naming the culprit, when
 * one thing in a rendered overlay is broken.
 */
class ManifestChecksTest {

    private static final Rendered DEV = Rendered.kustomize(Overlays.dir("dev"));
    private static final Rendered PRODUCTION = Rendered.kustomize(Overlays.dir("production"));

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void overlayRendersAndPassesEveryCheck(String overlay) {
        Rendered r = overlay.equals("dev") ? DEV : PRODUCTION;
        List<Finding> findings = new ManifestChecker(Overlays.REPO, overlay.equals("production")).check(r);
        assertEquals(List.of(), findings, () -> overlay + " overlay:\n" + String.join("\n",
                findings.stream().map(Finding::toString).toList()));
    }

    @Test
    void brokenKustomizationFailsWithKustomizesMessage() throws IOException {
        Path dir = Files.createTempDirectory("broken-overlay");
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - does-not-exist.yaml\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Rendered.kustomize(dir));
        assertTrue(e.getMessage().contains("does-not-exist.yaml"), e.getMessage());
    }

    @Test
    void serviceSelectorThatMatchesNoPod() {
        assertFinding(DEV, false, o -> service(o, "supporter-service").put("selector",
                Map.of("app.kubernetes.io/name", "supporter-servic")), "Service/supporter-service",
                "matches no Deployment");
    }

    @Test
    void serviceTargetPortNoContainerDeclares() {
        assertFinding(DEV, false, o -> {
            List<Map<String, Object>> ports = list(service(o, "hashmatch-service"), "ports");
            ports.get(0).put("targetPort", "web");
        }, "Service/hashmatch-service", "targets web");
    }

    @Test
    void probePathThatIsNotSmallRyeHealth() {
        assertFinding(DEV, false, o -> map(container(o, "protocol-service"), "readinessProbe", "httpGet")
                .put("path", "/health/ready"), "Deployment/protocol-service", "readiness probe path /health/ready");
    }

    @Test
    void missingProbe() {
        assertFinding(DEV, false, o -> container(o, "report-service").remove("startupProbe"),
                "Deployment/report-service", "has no startup probe");
    }

    @Test
    void secretNameThatTheOverlayDoesNotDefine() {
        assertFinding(DEV, false, o -> {
            Map<String, Object> env = list(container(o, "supporter-service"), "env").get(0);
            map(env, "valueFrom", "secretKeyRef").put("name", "supporter-db-typo");
        }, "Deployment/supporter-service", "refers to Secret supporter-db-typo");
    }

    @Test
    void configMapThatTheOverlayDoesNotDefine() {
        assertFinding(DEV, false, o -> {
            Map<String, Object> ef = list(container(o, "hashmatch-service"), "envFrom").get(0);
            map(ef, "configMapRef").put("name", "nope");
        }, "Deployment/hashmatch-service", "refers to ConfigMap nope");
    }

    @Test
    void fieldNameTheApiDoesNotKnow() {
        assertFinding(DEV, false, o -> map(deployment(o, "supporter-service"), "spec").put("replica", 3),
                "Deployment/supporter-service", "unknown field spec.replica");
    }

    @Test
    void misspelledContainerField() {
        assertFinding(DEV, false, o -> container(o, "supporter-service").put("imagePullPolcy", "Always"),
                "Deployment/supporter-service", "unknown field spec.template.spec.containers[0].imagePullPolcy");
    }

    @Test
    void kindTheApiDoesNotKnow() {
        assertFinding(DEV, false, o -> deployment(o, "report-service").put("kind", "Deploymnet"),
                "Deploymnet/report-service", "unknown kind");
    }

    @Test
    void cloudNativePgFieldNotInItsSchema() {
        assertFinding(PRODUCTION, true, o -> map(object(o, "Cluster", "hashmatch-db"), "spec").put("instance", 3),
                "Cluster/hashmatch-db", "spec.instance");
    }

    @Test
    void latestImage() {
        assertFinding(DEV, false, o -> container(o, "hashmatch-service").put("image",
                "ghcr.io/christchurchcall/hashmatch-service:latest"), "Deployment/hashmatch-service", "latest");
    }

    @Test
    void writableRootFilesystem() {
        assertFinding(DEV, false, o -> map(container(o, "protocol-service"), "securityContext")
                .put("readOnlyRootFilesystem", false), "Deployment/protocol-service", "readOnlyRootFilesystem");
    }

    @Test
    void capabilitiesNotDropped() {
        assertFinding(DEV, false, o -> map(container(o, "protocol-service"), "securityContext").remove("capabilities"),
                "Deployment/protocol-service", "drop ALL capabilities");
    }

    @Test
    void noMemoryLimit() {
        assertFinding(DEV, false, o -> map(container(o, "supporter-service"), "resources").remove("limits"),
                "Deployment/supporter-service", "must limit memory");
    }

    @Test
    void productionWithoutDefaultDeny() {
        assertFinding(PRODUCTION, true, o -> o.removeIf(x -> "NetworkPolicy".equals(x.get("kind"))
                && "default-deny-all".equals(name(x))), "NetworkPolicy", "default-deny");
    }

    @Test
    void productionWithOneReplica() {
        assertFinding(PRODUCTION, true, o -> map(deployment(o, "report-service"), "spec").put("replicas", 1),
                "Deployment/report-service", "at least 2 replicas");
    }

    @Test
    void environmentVariableNoServiceReads() throws IOException {
        Path repo = Files.createTempDirectory("repo");
        Path props = repo.resolve("supporter-service/src/main/resources/application.properties");
        Files.createDirectories(props.getParent());
        Files.writeString(props, "quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/x\n"
                + "quarkus.datasource.username=${DB_USER:postgres}\n");
        List<Map<String, Object>> objects = new ArrayList<>(DEV.copy().objects());
        list(container(objects, "supporter-service"), "env")
                .add(new java.util.HashMap<>(Map.of("name", "QUARKUS_DATASOURCE_JDBC_URLL", "value", "x")));
        List<Finding> findings = new ManifestChecker(repo, false).check(Rendered.of(objects));
        assertTrue(findings.stream().anyMatch(f -> f.toString().contains("env QUARKUS_DATASOURCE_JDBC_URLL maps to no configuration key")),
                findings::toString);
        assertTrue(findings.stream().noneMatch(f -> f.toString().contains("env QUARKUS_DATASOURCE_JDBC_URL ")),
                findings::toString);
    }

    @Test
    void envNameFollowsSmallRyeConfig() {
        assertEquals("CCALL_SERVICE_CLIENTS__*__SECRET",
                ManifestChecker.envName("ccall.service-clients.\"protocol-service\".secret"));
        assertEquals("CCALL_SERVICE_CLIENTS__PROTOCOL_SERVICE__SECRET",
                ManifestChecker.plainEnvName("ccall.service-clients.\"protocol-service\".secret"));
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", ManifestChecker.envName("quarkus.datasource.jdbc.url"));
    }

    // ---- helpers: break one thing in a copy of a rendered overlay ----

    private static void assertFinding(Rendered base, boolean production, Consumer<List<Map<String, Object>>> breakIt,
            String object, String text) {
        List<Map<String, Object>> objects = new ArrayList<>(base.copy().objects());
        breakIt.accept(objects);
        List<Finding> findings = new ManifestChecker(Overlays.REPO, production).check(Rendered.of(objects));
        assertTrue(findings.stream().anyMatch(f -> f.object().startsWith(object) && f.toString().contains(text)),
                () -> "expected a finding on " + object + " containing '" + text + "', got:\n"
                        + String.join("\n", findings.stream().map(Finding::toString).toList()));
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(name(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
        return object(objects, "Deployment", name);
    }

    private static Map<String, Object> service(List<Map<String, Object>> objects, String name) {
        return map(object(objects, "Service", name), "spec");
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String name) {
        Map<String, Object> spec = map(deployment(objects, name), "spec", "template", "spec");
        return list(spec, "containers").get(0);
    }

    private static String name(Map<String, Object> o) {
        return String.valueOf(((Map<?, ?>) o.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String... path) {
        Map<String, Object> cur = m;
        for (String p : path) {
            cur = (Map<String, Object>) cur.get(p);
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }
}
