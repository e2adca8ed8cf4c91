package org.christchurchcall.k8s;

import java.nio.file.Path;
import java.util.List;

/** {@code Main REPO_ROOT OVERLAY_DIR [--production]}: prints each finding and exits 1 if any. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Main REPO_ROOT OVERLAY_DIR [--production]");
            System.exit(2);
        }
        boolean production = args.length > 2 && args[2].equals("--production");
        List<Finding> findings = new ManifestChecker(Path.of(args[0]), production)
                .check(Rendered.kustomize(Path.of(args[1])));
        findings.forEach(f -> System.out.println(f));
        System.out.println(findings.isEmpty() ? "ok: " + args[1] : findings.size() + " finding(s) in " + args[1]);
        System.exit(findings.isEmpty() ? 0 : 1);
    }
}
