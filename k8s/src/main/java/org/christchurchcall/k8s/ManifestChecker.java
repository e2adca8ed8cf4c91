package org.christchurchcall.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Checks a rendered overlay: every object parses against the Kubernetes API model (fabric8) or
 * the typed CloudNativePG model with no unknown field or kind, and the platform's policies hold.
 * Each finding names the object and the rule.
 *
 * <p>Over 300 lines on purpose: one short method per policy, over shared
 * parsing and finding helpers; a reviewer checks the whole policy in this one file.
 */
public final class ManifestChecker {

    static final Set<String> SERVICES = Set.of("supporter-service", "protocol-service", "hashmatch-service",
            "report-service");
    private static final Map<String, String> HEALTH = Map.of("liveness", "/q/health/live", "readiness",
            "/q/health/ready", "startup", "/q/health/started");

    private final Path repoRoot;
    private final boolean production;

    public ManifestChecker(Path repoRoot, boolean production) {
        this.repoRoot = repoRoot;
        this.production = production;
    }

    public List<Finding> check(Rendered rendered) {
        List<Finding> findings = new ArrayList<>();
        List<HasMetadata> typed = new ArrayList<>();
        List<CrdModels.Cluster> clusters = new ArrayList<>();
        List<CrdModels.ScheduledBackup> backups = new ArrayList<>();
        for (Map<String, Object> raw : rendered.objects()) {
            String id = id(raw);
            String apiVersion = String.valueOf(raw.get("apiVersion"));
            String kind = String.valueOf(raw.get("kind"));
            if (CrdModels.CNPG.equals(apiVersion)) {
                try {
                    if ("Cluster".equals(kind)) {
                        clusters.add(CrdModels.STRICT.convertValue(raw, CrdModels.Cluster.class));
                    } else if ("ScheduledBackup".equals(kind)) {
                        backups.add(CrdModels.STRICT.convertValue(raw, CrdModels.ScheduledBackup.class));
                    } else {
                        findings.add(new Finding(id, "unknown kind " + kind + " in " + apiVersion));
                    }
                } catch (IllegalArgumentException e) {
                    findings.add(new Finding(id, "does not match the CloudNativePG schema: " + unknownField(e)));
                }
                continue;
            }
            Object parsed;
            try {
                parsed = Serialization.unmarshal(Serialization.asJson(raw));
            } catch (RuntimeException e) {
                findings.add(new Finding(id, "does not parse as a Kubernetes object: " + rootMessage(e)));
                continue;
            }
            if (!(parsed instanceof HasMetadata hm) || parsed instanceof GenericKubernetesResource) {
                findings.add(new Finding(id, "unknown kind " + kind + " in " + apiVersion));
                continue;
            }
            for (String path : unknownFields(parsed, "")) {
                findings.add(new Finding(id, "unknown field " + path.substring(1)));
            }
            typed.add(hm);
        }
        configMapData.clear();
        for (HasMetadata o : typed) {
            if (o instanceof io.fabric8.kubernetes.api.model.ConfigMap cm && cm.getData() != null) {
                configMapData.put(cm.getMetadata().getName(), cm.getData());
            }
        }
        Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
        for (HasMetadata o : typed) {
            if (o instanceof Deployment d) {
                workloads.put(id(o), d.getSpec().getTemplate());
                if (production && (d.getSpec().getReplicas() == null || d.getSpec().getReplicas() < 2)) {
                    findings.add(new Finding(id(o), "production runs at least 2 replicas"));
                }
            } else if (o instanceof StatefulSet s) {
                workloads.put(id(o), s.getSpec().getTemplate());
            }
        }
        workloads.forEach((id, template) -> checkPod(id, template, findings));
        Set<String> secrets = names(typed, "Secret");
        Set<String> configMaps = names(typed, "ConfigMap");
        for (CrdModels.Cluster c : clusters) {
            // the operator creates these for every cluster
            secrets.add(c.metadata().getName() + "-app");
            secrets.add(c.metadata().getName() + "-superuser");
            Optional.ofNullable(c.spec()).map(CrdModels.ClusterSpec::backup).map(CrdModels.Backup::barmanObjectStore)
                    .map(CrdModels.BarmanObjectStore::s3Credentials).ifPresent(s3 -> {
                        for (CrdModels.SecretKeyRef ref : new CrdModels.SecretKeyRef[] { s3.accessKeyId(),
                                s3.secretAccessKey() }) {
                            if (ref != null && !names(typed, "Secret").contains(ref.name())) {
                                findings.add(new Finding("Cluster/" + c.metadata().getName(),
                                        "backup credentials refer to Secret " + ref.name() + ", which the overlay does not define"));
                            }
                        }
                    });
            if (production && (c.spec() == null || c.spec().instances() == null || c.spec().instances() < 3)) {
                findings.add(new Finding("Cluster/" + c.metadata().getName(), "production runs 3 PostgreSQL instances"));
            }
            if (production && (c.spec() == null || c.spec().backup() == null)) {
                findings.add(new Finding("Cluster/" + c.metadata().getName(), "production clusters configure backups"));
            }
        }
        Set<String> clusterNames = new HashSet<>();
        clusters.forEach(c -> clusterNames.add(c.metadata().getName()));
        for (CrdModels.ScheduledBackup b : backups) {
            String target = b.spec() == null || b.spec().cluster() == null ? null : b.spec().cluster().name();
            if (!clusterNames.contains(target)) {
                findings.add(new Finding("ScheduledBackup/" + b.metadata().getName(), "backs up cluster " + target
                        + ", which the overlay does not define"));
            }
        }
        for (HasMetadata o : typed) {
            if (o instanceof Ingress ing && ing.getSpec().getTls() != null) {
                boolean certManager = ing.getMetadata().getAnnotations() != null && ing.getMetadata().getAnnotations()
                        .keySet().stream().anyMatch(k -> k.startsWith("cert-manager.io/"));
                for (IngressTLS tls : ing.getSpec().getTls()) {
                    if (certManager) {
                        secrets.add(tls.getSecretName());
                    } else if (!secrets.contains(tls.getSecretName())) {
                        findings.add(new Finding(id(o), "TLS Secret " + tls.getSecretName() + " is not defined"));
                    }
                }
            }
        }
        workloads.forEach((id, template) -> checkReferences(id, template.getSpec(), secrets, configMaps, findings));
        checkServices(typed, workloads, findings);
        checkTargets(typed, findings);
        if (production) {
            checkProduction(typed, workloads, findings);
        }
        return findings;
    }

    private void checkPod(String id, PodTemplateSpec template, List<Finding> findings) {
        PodSpec pod = template.getSpec();
        PodSecurityContext psc = pod.getSecurityContext();
        boolean podNonRoot = psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot());
        boolean podSeccomp = psc != null && psc.getSeccompProfile() != null
                && "RuntimeDefault".equals(psc.getSeccompProfile().getType());
        Set<String> emptyDirs = new HashSet<>();
        for (Volume v : nullSafe(pod.getVolumes())) {
            if (v.getEmptyDir() != null) {
                emptyDirs.add(v.getName());
            }
        }
        List<Container> all = new ArrayList<>(nullSafe(pod.getInitContainers()));
        all.addAll(nullSafe(pod.getContainers()));
        for (Container c : all) {
            String cid = id + " container " + c.getName();
            boolean init = nullSafe(pod.getInitContainers()).contains(c);
            String image = c.getImage() == null ? "" : c.getImage();
            String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
                    ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty() || tag.equals("latest")) {
                findings.add(new Finding(cid, "image " + image + " must name a version tag, not latest or none"));
            }
            SecurityContext sc = c.getSecurityContext();
            if (sc == null) {
                findings.add(new Finding(cid, "has no securityContext"));
            } else {
                if (!podNonRoot && !Boolean.TRUE.equals(sc.getRunAsNonRoot())) {
                    findings.add(new Finding(cid, "must set runAsNonRoot: true"));
                }
                if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                    findings.add(new Finding(cid, "must set readOnlyRootFilesystem: true"));
                }
                if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                    findings.add(new Finding(cid, "must set allowPrivilegeEscalation: false"));
                }
                if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                        || !sc.getCapabilities().getDrop().contains("ALL")) {
                    findings.add(new Finding(cid, "must drop ALL capabilities"));
                }
                boolean seccomp = podSeccomp || (sc.getSeccompProfile() != null
                        && "RuntimeDefault".equals(sc.getSeccompProfile().getType()));
                if (!seccomp) {
                    findings.add(new Finding(cid, "must use seccompProfile RuntimeDefault"));
                }
            }
            var res = c.getResources();
            if (res == null || res.getRequests() == null || !res.getRequests().containsKey("cpu")
                    || !res.getRequests().containsKey("memory")) {
                findings.add(new Finding(cid, "must request cpu and memory"));
            }
            if (res == null || res.getLimits() == null || !res.getLimits().containsKey("memory")) {
                findings.add(new Finding(cid, "must limit memory"));
            }
            boolean tmp = nullSafe(c.getVolumeMounts()).stream()
                    .anyMatch(m -> "/tmp".equals(m.getMountPath()) && emptyDirs.contains(m.getName()));
            if (!tmp) {
                findings.add(new Finding(cid, "must mount an emptyDir at /tmp (the root filesystem is read-only)"));
            }
            if (init) {
                continue;
            }
            Set<String> portNames = new HashSet<>();
            Set<Integer> portNumbers = new HashSet<>();
            for (ContainerPort p : nullSafe(c.getPorts())) {
                if (p.getName() != null) {
                    portNames.add(p.getName());
                }
                portNumbers.add(p.getContainerPort());
            }
            boolean ours = SERVICES.contains(c.getName());
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("liveness", c.getLivenessProbe());
            probes.put("readiness", c.getReadinessProbe());
            probes.put("startup", c.getStartupProbe());
            probes.forEach((kind, probe) -> {
                if (probe == null) {
                    findings.add(new Finding(cid, "has no " + kind + " probe"));
                    return;
                }
                if (probe.getHttpGet() != null) {
                    IntOrString port = probe.getHttpGet().getPort();
                    if (!portMatches(port, portNames, portNumbers)) {
                        findings.add(new Finding(cid, kind + " probe targets port " + show(port)
                                + ", which the container does not declare"));
                    }
                    if (ours && !HEALTH.get(kind).equals(probe.getHttpGet().getPath())) {
                        findings.add(new Finding(cid, kind + " probe path " + probe.getHttpGet().getPath()
                                + " is not SmallRye Health's " + HEALTH.get(kind)));
                    }
                } else if (ours) {
                    findings.add(new Finding(cid, kind + " probe must be an HTTP GET on " + HEALTH.get(kind)));
                }
            });
            if (ours) {
                if (!"true".equals(annotation(template, "prometheus.io/scrape"))
                        || !"/q/metrics".equals(annotation(template, "prometheus.io/path"))) {
                    findings.add(new Finding(cid, "pod must be annotated for Prometheus scraping of /q/metrics"));
                }
                checkEnvAgainstConfig(cid, c, findings);
                checkImageAgainstConfig(cid, c, findings);
            }
        }
    }

    private static String annotation(PodTemplateSpec t, String key) {
        return t.getMetadata() == null || t.getMetadata().getAnnotations() == null ? null
                : t.getMetadata().getAnnotations().get(key);
    }

    private static boolean portMatches(IntOrString port, Set<String> names, Set<Integer> numbers) {
        if (port == null) {
            return false;
        }
        return port.getStrVal() != null ? names.contains(port.getStrVal()) : numbers.contains(port.getIntVal());
    }

    private static String show(IntOrString p) {
        return p == null ? "(none)" : p.getStrVal() != null ? p.getStrVal() : String.valueOf(p.getIntVal());
    }

    private void checkReferences(String id, PodSpec pod, Set<String> secrets, Set<String> configMaps,
            List<Finding> findings) {
        List<Container> all = new ArrayList<>(nullSafe(pod.getInitContainers()));
        all.addAll(nullSafe(pod.getContainers()));
        for (Container c : all) {
            for (EnvVar e : nullSafe(c.getEnv())) {
                if (e.getValueFrom() == null) {
                    continue;
                }
                if (e.getValueFrom().getSecretKeyRef() != null
                        && !Boolean.TRUE.equals(e.getValueFrom().getSecretKeyRef().getOptional())
                        && !secrets.contains(e.getValueFrom().getSecretKeyRef().getName())) {
                    findings.add(new Finding(id, "env " + e.getName() + " refers to Secret "
                            + e.getValueFrom().getSecretKeyRef().getName() + ", which the overlay does not define"));
                }
                if (e.getValueFrom().getConfigMapKeyRef() != null
                        && !configMaps.contains(e.getValueFrom().getConfigMapKeyRef().getName())) {
                    findings.add(new Finding(id, "env " + e.getName() + " refers to ConfigMap "
                            + e.getValueFrom().getConfigMapKeyRef().getName() + ", which the overlay does not define"));
                }
            }
            for (EnvFromSource ef : nullSafe(c.getEnvFrom())) {
                if (ef.getSecretRef() != null && !secrets.contains(ef.getSecretRef().getName())) {
                    findings.add(new Finding(id, "envFrom refers to Secret " + ef.getSecretRef().getName()
                            + ", which the overlay does not define"));
                }
                if (ef.getConfigMapRef() != null && !configMaps.contains(ef.getConfigMapRef().getName())) {
                    findings.add(new Finding(id, "envFrom refers to ConfigMap " + ef.getConfigMapRef().getName()
                            + ", which the overlay does not define"));
                }
            }
        }
        for (Volume v : nullSafe(pod.getVolumes())) {
            if (v.getSecret() != null && !secrets.contains(v.getSecret().getSecretName())) {
                findings.add(new Finding(id, "volume " + v.getName() + " refers to Secret "
                        + v.getSecret().getSecretName() + ", which the overlay does not define"));
            }
            if (v.getConfigMap() != null && !configMaps.contains(v.getConfigMap().getName())) {
                findings.add(new Finding(id, "volume " + v.getName() + " refers to ConfigMap "
                        + v.getConfigMap().getName() + ", which the overlay does not define"));
            }
            if (v.getProjected() != null) {
                for (VolumeProjection p : nullSafe(v.getProjected().getSources())) {
                    if (p.getSecret() != null && !secrets.contains(p.getSecret().getName())) {
                        findings.add(new Finding(id, "volume " + v.getName() + " refers to Secret "
                                + p.getSecret().getName() + ", which the overlay does not define"));
                    }
                }
            }
        }
    }

    private static void checkServices(List<HasMetadata> typed, Map<String, PodTemplateSpec> workloads,
            List<Finding> findings) {
        for (HasMetadata o : typed) {
            if (!(o instanceof Service svc) || svc.getSpec().getSelector() == null) {
                continue;
            }
            Map<String, String> selector = svc.getSpec().getSelector();
            List<PodTemplateSpec> matching = workloads.values().stream()
                    .filter(t -> t.getMetadata() != null && t.getMetadata().getLabels() != null
                            && t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (matching.isEmpty()) {
                findings.add(new Finding(id(o), "selector " + selector + " matches no Deployment's or StatefulSet's pod labels"));
                continue;
            }
            for (ServicePort sp : nullSafe(svc.getSpec().getPorts())) {
                IntOrString target = sp.getTargetPort() != null ? sp.getTargetPort() : new IntOrString(sp.getPort());
                boolean declared = matching.stream().flatMap(t -> nullSafe(t.getSpec().getContainers()).stream())
                        .flatMap(c -> nullSafe(c.getPorts()).stream())
                        .anyMatch(p -> target.getStrVal() != null ? target.getStrVal().equals(p.getName())
                                : Objects.equals(target.getIntVal(), p.getContainerPort()));
                if (!declared) {
                    findings.add(new Finding(id(o), "port " + sp.getName() + " targets " + show(target)
                            + ", which no selected container declares"));
                }
            }
        }
    }

    /** HPAs and PDBs must point at something that exists. */
    private static void checkTargets(List<HasMetadata> typed, List<Finding> findings) {
        Set<String> deployments = names(typed, "Deployment");
        Map<String, Map<String, String>> podLabels = new HashMap<>();
        for (HasMetadata o : typed) {
            if (o instanceof Deployment d) {
                podLabels.put(d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels());
            }
        }
        for (HasMetadata o : typed) {
            if (o instanceof HorizontalPodAutoscaler h && !deployments.contains(h.getSpec().getScaleTargetRef().getName())) {
                findings.add(new Finding(id(o), "scales Deployment " + h.getSpec().getScaleTargetRef().getName()
                        + ", which the overlay does not define"));
            }
            if (o instanceof PodDisruptionBudget p && p.getSpec().getSelector() != null) {
                Map<String, String> sel = p.getSpec().getSelector().getMatchLabels();
                boolean any = sel != null && podLabels.values().stream()
                        .anyMatch(l -> l != null && l.entrySet().containsAll(sel.entrySet()));
                if (!any) {
                    findings.add(new Finding(id(o), "selector " + sel + " matches no Deployment's pod labels"));
                }
            }
        }
    }

    private static void checkProduction(List<HasMetadata> typed, Map<String, PodTemplateSpec> workloads,
            List<Finding> findings) {
        boolean defaultDeny = typed.stream().anyMatch(o -> o instanceof NetworkPolicy np
                && (np.getSpec().getPodSelector().getMatchLabels() == null
                        || np.getSpec().getPodSelector().getMatchLabels().isEmpty())
                && np.getSpec().getPolicyTypes() != null && np.getSpec().getPolicyTypes().contains("Ingress")
                && np.getSpec().getPolicyTypes().contains("Egress") && nullSafe(np.getSpec().getIngress()).isEmpty()
                && nullSafe(np.getSpec().getEgress()).isEmpty());
        if (!defaultDeny) {
            findings.add(new Finding("NetworkPolicy", "production needs a default-deny policy for ingress and egress"));
        }
        Set<String> hpas = new HashSet<>();
        Set<String> pdbs = new HashSet<>();
        for (HasMetadata o : typed) {
            if (o instanceof HorizontalPodAutoscaler h) {
                hpas.add(h.getSpec().getScaleTargetRef().getName());
            }
            if (o instanceof PodDisruptionBudget p) {
                pdbs.add(p.getMetadata().getName());
            }
        }
        for (String s : SERVICES) {
            if (!workloads.containsKey("Deployment/" + s)) {
                findings.add(new Finding("Deployment/" + s, "production deploys every service"));
                continue;
            }
            if (!hpas.contains(s)) {
                findings.add(new Finding("Deployment/" + s, "production has a HorizontalPodAutoscaler for it"));
            }
            if (!pdbs.contains(s)) {
                findings.add(new Finding("Deployment/" + s, "production has a PodDisruptionBudget for it"));
            }
        }
        boolean tlsIngress = typed.stream().anyMatch(o -> o instanceof Ingress i && i.getSpec().getTls() != null
                && !i.getSpec().getTls().isEmpty());
        if (!tlsIngress) {
            findings.add(new Finding("Ingress", "production serves the APIs through an Ingress with TLS"));
        }
    }

    /** Every environment variable of a service container must be a configuration key that service reads. */
    private void checkEnvAgainstConfig(String cid, Container c, List<Finding> findings) {
        Set<String> names = configEnvNames(c.getName());
        if (names.isEmpty()) {
            return;
        }
        List<Pattern> patterns = names.stream().filter(n -> n.contains("*"))
                .map(n -> Pattern.compile(n.replace("*", "[A-Z0-9_]+"))).toList();
        java.util.function.Predicate<String> known = n -> names.contains(n)
                || patterns.stream().anyMatch(p -> p.matcher(n).matches());
        for (EnvVar e : nullSafe(c.getEnv())) {
            if (!known.test(e.getName())) {
                findings.add(new Finding(cid, "env " + e.getName() + " maps to no configuration key that "
                        + c.getName() + " reads"));
            }
        }
        for (EnvFromSource ef : nullSafe(c.getEnvFrom())) {
            if (ef.getConfigMapRef() == null) {
                continue;
            }
            for (String key : configMapData.getOrDefault(ef.getConfigMapRef().getName(), Map.of()).keySet()) {
                if (!known.test(key)) {
                    findings.add(new Finding(cid, "env " + key + " from ConfigMap " + ef.getConfigMapRef().getName()
                            + " maps to no configuration key that " + c.getName() + " reads"));
                }
            }
        }
    }

    private final Map<String, Map<String, String>> configMapData = new HashMap<>();

    private void checkImageAgainstConfig(String cid, Container c, List<Finding> findings) {
        Properties p = properties(repoRoot.resolve(c.getName()).resolve("src/main/resources/application.properties"));
        String group = p.getProperty("quarkus.container-image.group");
        if (group == null) {
            return;
        }
        String expected = p.getProperty("quarkus.container-image.registry", "") + "/" + group + "/"
                + p.getProperty("quarkus.container-image.name", c.getName());
        String image = c.getImage() == null ? "" : c.getImage();
        String repo = image.contains("@") ? image.substring(0, image.indexOf('@'))
                : image.substring(0, Math.max(image.lastIndexOf(':'), 0));
        if (!repo.endsWith(expected.replaceFirst("^/", "")) && !image.contains("-native") && !repo.equals(expected)) {
            findings.add(new Finding(cid, "image " + image + " does not match quarkus.container-image.* (" + expected + ")"));
        }
    }

    private final Map<String, Set<String>> envNamesCache = new HashMap<>();

    /** The environment variable names that map to keys in the service's and the platform's configuration. */
    Set<String> configEnvNames(String service) {
        return envNamesCache.computeIfAbsent(service, s -> {
            Path props = repoRoot.resolve(s).resolve("src/main/resources/application.properties");
            if (!Files.exists(props)) {
                return Set.of();
            }
            Set<String> names = new HashSet<>();
            Pattern ref = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(:[^}]*)?}");
            for (Path file : List.of(props,
                    repoRoot.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
                Properties p = properties(file);
                for (String key : p.stringPropertyNames()) {
                    names.add(envName(key.replaceFirst("^%[^.]+\\.", "")));
                    Matcher m = ref.matcher(p.getProperty(key));
                    while (m.find()) {
                        names.add(envName(m.group(1)));
                    }
                }
            }
            return names;
        });
    }

    /**
     * SmallRye Config's mapping of a property name to an environment variable. A quoted map key
     * of the example configuration ({@code a."key".b}) stands for any key: it becomes {@code A__*__B}.
     */
    static String envName(String key) {
        return plainEnvName(key.replaceAll("\"[^\"]*\"", "\"*\""));
    }

    static String plainEnvName(String key) {
        StringBuilder sb = new StringBuilder();
        for (char ch : key.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) || ch == '*' ? Character.toUpperCase(ch) : '_');
        }
        return sb.toString();
    }

    private static Properties properties(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }

    /** Paths of non-empty additionalProperties: fields the API model does not know. */
    static List<String> unknownFields(Object o, String path) {
        List<String> out = new ArrayList<>();
        walk(o, path, out, 0);
        return out;
    }

    private static void walk(Object o, String path, List<String> out, int depth) {
        if (o == null || depth > 40) {
            return;
        }
        if (o instanceof Collection<?> col) {
            int i = 0;
            for (Object e : col) {
                walk(e, path + "[" + i++ + "]", out, depth + 1);
            }
            return;
        }
        if (o instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), out, depth + 1);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> out.add(path + "." + k));
                    }
                } else {
                    walk(v, path + "." + field, out, depth + 1);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Set<String> names(List<HasMetadata> typed, String kind) {
        Set<String> s = new HashSet<>();
        for (HasMetadata o : typed) {
            if (kind.equals(o.getKind())) {
                s.add(o.getMetadata().getName());
            }
        }
        return s;
    }

    private static String id(Map<String, Object> raw) {
        Object md = raw.get("metadata");
        Object name = md instanceof Map<?, ?> m ? m.get("name") : null;
        return raw.get("kind") + "/" + name;
    }

    private static String id(HasMetadata o) {
        return o.getKind() + "/" + o.getMetadata().getName();
    }

    private static String unknownField(IllegalArgumentException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        if (t instanceof JsonMappingException jme) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : jme.getPath()) {
                sb.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
            }
            return "unknown or invalid field " + (sb.length() > 0 ? sb.substring(1) : "?");
        }
        return t.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m.lines().findFirst().orElse(m);
    }

    private static <T> List<T> nullSafe(List<T> l) {
        return l == null ? List.of() : l;
    }
}
