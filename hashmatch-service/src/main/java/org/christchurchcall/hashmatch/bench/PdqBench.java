package org.christchurchcall.hashmatch.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.christchurchcall.hashmatch.pdq.ImageDecoding;
import org.christchurchcall.hashmatch.pdq.PdqHasher;

/**
 * PDQ throughput on one thread: {@code PdqBench DIR [--seconds S]}. The files are read into
 * memory first (disk excluded, decoding included, as the reference's "PNG decoded in process"
 * figure). After a warm-up pass, decode-only and decode+hash passes are repeated for at least S
 * seconds each (default 3). Prints one JSON line.
 */
public final class PdqBench {

    private PdqBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PdqBench DIR [--seconds S]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        double seconds = args.length >= 3 && args[1].equals("--seconds") ? Double.parseDouble(args[2]) : 3.0;
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(PdqBench::isImage).sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        if (files.isEmpty()) {
            System.err.println("no images in " + dir);
            System.exit(2);
        }
        ImageDecoding decoding = new ImageDecoding();
        PdqHasher hasher = new PdqHasher();
        long pixels = 0;
        for (byte[] f : files) {
            BufferedImage img = decoding.read(f);
            pixels += (long) img.getWidth() * img.getHeight();
            hasher.hash(img);
        }
        double decodePerS = rate(files, seconds, decoding, null);
        double decodeHashPerS = rate(files, seconds, decoding, hasher);
        double overheadPct = 100.0 * (decodePerS / decodeHashPerS - 1.0);
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\":\"pdq\",\"images\":%d,\"mean_pixels\":%d,\"decode_per_s\":%.1f,"
                        + "\"decode_hash_per_s\":%.1f,\"hash_overhead_pct\":%.1f}",
                files.size(), pixels / files.size(), decodePerS, decodeHashPerS, overheadPct));
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp")
                || n.endsWith(".gif") || n.endsWith(".bmp");
    }

    /** Images per second over whole passes lasting at least {@code seconds} in total. */
    private static double rate(List<byte[]> files, double seconds, ImageDecoding decoding, PdqHasher hasher)
            throws IOException {
        long count = 0;
        long sink = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (byte[] f : files) {
                BufferedImage img = decoding.read(f);
                if (hasher != null) {
                    sink += hasher.hash(img).quality();
                } else {
                    sink += img.getWidth();
                }
                count++;
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < seconds * 1e9);
        if (sink == Long.MIN_VALUE) {
            System.err.println(sink);
        }
        return count / (elapsed / 1e9);
    }
}
