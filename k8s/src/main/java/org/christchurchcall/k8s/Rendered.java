package org.christchurchcall.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.databind.MappingIterator;

/** The objects of one rendered overlay, as raw maps in document order. */
public final class Rendered {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Map<String, Object>> objects;

    private Rendered(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    public List<Map<String, Object>> objects() {
        return objects;
    }

    /** Runs {@code kubectl kustomize DIR}; a kustomize error becomes an exception with its message. */
    public static Rendered kustomize(Path dir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl kustomize: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Rendered parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            MappingIterator<Object> it = YAML.readValues(parser, Object.class);
            while (it.hasNext()) {
                Object doc = it.next();
                if (doc instanceof Map<?, ?> m) {
                    docs.add((Map<String, Object>) m);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("rendered output is not YAML: " + e.getMessage(), e);
        }
        return new Rendered(docs);
    }

    public static Rendered of(List<Map<String, Object>> objects) {
        return new Rendered(objects);
    }

    public String toYaml() {
        try {
            StringBuilder sb = new StringBuilder();
            for (Map<String, Object> o : objects) {
                sb.append("---\n").append(YAML.writeValueAsString(o).replaceFirst("^---\n", ""));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy, so a test can break one thing without touching the original. */
    public Rendered copy() {
        return parse(toYaml());
    }
}
