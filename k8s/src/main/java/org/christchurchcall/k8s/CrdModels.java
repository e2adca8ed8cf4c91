package org.christchurchcall.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/**
 * Typed models of the custom resources the overlays use (CloudNativePG {@code Cluster} and
 * {@code ScheduledBackup}, postgresql.cnpg.io/v1), covering the fields of their published CRDs
 * that a deployment of this platform may set. An unknown field fails the parse.
 */
final class CrdModels {

    static final ObjectMapper STRICT = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    static final String CNPG = "postgresql.cnpg.io/v1";

    private CrdModels() {
    }

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, String description, String primaryUpdateStrategy,
            String primaryUpdateMethod, Storage storage, Storage walStorage, Bootstrap bootstrap, Backup backup,
            ResourceRequirements resources, Monitoring monitoring, Affinity affinity, Postgresql postgresql,
            Boolean enableSuperuserAccess, Integer startDelay, Integer stopDelay, Integer switchoverDelay,
            String logLevel, Map<String, Object> inheritedMetadata) {
    }

    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, SecretRef secret, String encoding, String localeCollate,
            String localeCType, List<String> postInitApplicationSQL, List<String> postInitSQL) {
    }

    record SecretRef(String name) {
    }

    record Backup(BarmanObjectStore barmanObjectStore, String retentionPolicy, String target) {
    }

    record BarmanObjectStore(String destinationPath, String endpointURL, S3Credentials s3Credentials,
            Compression wal, Compression data, String serverName) {
    }

    record Compression(String compression, Boolean encryption, Integer maxParallel, String encryptionType) {
    }

    record S3Credentials(SecretKeyRef accessKeyId, SecretKeyRef secretAccessKey, SecretKeyRef region,
            SecretKeyRef sessionToken, Boolean inheritFromIAMRole) {
    }

    record SecretKeyRef(String name, String key) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }

    record Postgresql(Map<String, String> parameters, List<String> pg_hba, List<String> shared_preload_libraries) {
    }

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, SecretRef cluster, String backupOwnerReference, Boolean immediate,
            Boolean suspend, String method, String target) {
    }
}
