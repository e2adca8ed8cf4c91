package org.christchurchcall.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.christchurchcall.hashmatch.pdq.ImageDecoding;
import org.christchurchcall.hashmatch.pdq.PdqDihedral;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;

/**
 * {@code PdqCli [--dihedral] FILE...}: prints {@code HASH_HEX,QUALITY,FILE} per file, the reference
 * {@code pdq-photo-hasher} format; with {@code --dihedral} the eight hashes in its
 * {@code --pdqdih-across} order, then quality and file. A file that cannot be read or decoded gets
 * a message on stderr and makes the exit status 1; the other files are still hashed.
 */
public final class PdqCli {

    private PdqCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean dihedral = false;
        List<String> files = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && (a.equals("--dihedral") || a.equals("--pdqdih-across"))) {
                dihedral = true;
            } else if (options && (a.equals("-h") || a.equals("--help"))) {
                out.println("usage: pdq [--dihedral] FILE...");
                return 0;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                err.println("pdq: unknown option " + a);
                err.println("usage: pdq [--dihedral] FILE...");
                return 2;
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            err.println("usage: pdq [--dihedral] FILE...");
            return 2;
        }
        ImageDecoding decoding = new ImageDecoding();
        PdqHasher hasher = new PdqHasher();
        int status = 0;
        for (String f : files) {
            try {
                var image = decoding.read(Path.of(f));
                if (dihedral) {
                    PdqDihedral d = hasher.dihedral(image);
                    StringJoiner line = new StringJoiner(",");
                    for (PdqHash h : d.hashes()) {
                        line.add(h.toHex());
                    }
                    out.println(line + "," + d.quality() + "," + f);
                } else {
                    PdqResult r = hasher.hash(image);
                    out.println(r.hash().toHex() + "," + r.quality() + "," + f);
                }
            } catch (IOException | RuntimeException e) {
                err.println("pdq: could not decode \"" + f + "\": " + e.getMessage());
                status = 1;
            }
            out.flush();
        }
        return status;
    }
}
