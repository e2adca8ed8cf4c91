package org.christchurchcall.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of k8s/ in a temporary folder with the git-ignored secret files an operator would
 * provide (placeholder values), so that overlays render in CI without touching the checkout.
 */
final class Overlays {

    static final Path REPO = Path.of(System.getProperty("ccall.repo.root", "..")).toAbsolutePath().normalize();

    private static Path copy;

    private Overlays() {
    }

    static synchronized Path dir(String overlay) {
        if (copy == null) {
            try {
                copy = Files.createTempDirectory("ccall-k8s");
                Path src = REPO.resolve("k8s");
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path rel = src.relativize(p);
                        if (rel.startsWith("src") || rel.startsWith("target") || rel.toString().contains("secrets/")) {
                            continue;
                        }
                        Path dst = copy.resolve(rel.toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(dst);
                        } else {
                            Files.copy(p, dst);
                        }
                    }
                }
                writeSecrets(copy.resolve("overlays/dev/secrets"), true);
                writeSecrets(copy.resolve("overlays/production/secrets"), false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return copy.resolve("overlays").resolve(overlay);
    }

    private static void writeSecrets(Path dir, boolean dev) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("signing-key.pem"), "-----BEGIN PRIVATE KEY-----\nplaceholder\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("signing-key-id.env"), "key-id=test\n");
        Files.writeString(dir.resolve("service-clients.env"), "protocol-service=x\nreport-service=y\n");
        Files.writeString(dir.resolve("contacts-encryption.env"), "key=AAAA\n");
        Files.writeString(dir.resolve("protocol-secret-keys.env"), "ACTIVE_KEY=k1\nKEYS_K1=AAAA\n");
        if (dev) {
            Files.writeString(dir.resolve("postgres-superuser.env"), "password=x\n");
            for (String d : List.of("supporter", "protocol", "hashmatch", "report")) {
                Files.writeString(dir.resolve(d + "-db.env"),
                        "username=" + d + "\npassword=x\njdbc-uri=jdbc:postgresql://postgres:5432/" + d + "\n");
            }
        } else {
            Files.writeString(dir.resolve("backup-s3.env"), "ACCESS_KEY_ID=x\nSECRET_ACCESS_KEY=y\n");
        }
    }
}
