package org.christchurchcall.bench.pdq;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.christchurchcall.hashmatch.pdq.ImageDecoding;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;

/**
 * PDQ throughput on one thread, decoding included:
 * {@code PdqBench DIR [--seconds S] [--rounds R] [--warmup W] [--by-size]}.
 *
 * <p>The files are read into memory first (disk excluded, decoding included, as the reference's
 * "PNG decoded in process" figure). After a warm-up of W seconds (default 3: the JIT compiles
 * the decoder and the hasher), R rounds (default 5) each run a decode-only pass and a
 * decode+hash pass over the images, in alternating order, each pass lasting at least S / R
 * seconds (S default 3, 1 with {@code --by-size}). The rates are the medians over the rounds;
 * the hash overhead is the median of the rounds' ratios (the two passes of a round run back to
 * back, so a change of machine load affects both alike).
 *
 * <p>Two clocks, both printed. The unprefixed rates use the thread's CPU time
 * ({@code "clock":"thread-cpu"}) where the JVM offers it: on a shared machine, wall time also
 * counts the time other processes hold the core. The {@code wall_*} figures use the wall clock,
 * as the reference tool's throughput is timed: compare those with it, like with like.
 *
 * <p>Every hash is consumed whole (its four words and its quality go into a sink read at the
 * end), so the JIT cannot drop any part of the work.
 *
 * <p>Prints one JSON line for the whole set; with {@code --by-size}, first one line per distinct
 * image size ({@code "size":"WxH"}), each measured on its own.
 */
public final class PdqBench {

    private PdqBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        Path dir = Path.of(args[0]);
        double seconds = -1;
        int rounds = 5;
        double warmup = 3.0;
        boolean bySize = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Double.parseDouble(value(args, ++i));
                case "--by-size" -> bySize = true;
                default -> usage();
            }
        }
        if (seconds < 0) {
            seconds = bySize ? 1.0 : 3.0;
        }
        if (rounds < 1 || seconds <= 0) {
            usage();
        }
        List<Path> paths;
        try (Stream<Path> s = Files.list(dir)) {
            paths = s.filter(PdqBench::isImage).sorted().toList();
        }
        if (paths.isEmpty()) {
            System.err.println("no images in " + dir);
            System.exit(2);
        }
        ImageDecoding decoding = new ImageDecoding();
        PdqHasher hasher = new PdqHasher();
        List<Image> images = new ArrayList<>();
        for (Path p : paths) {
            byte[] bytes = Files.readAllBytes(p);
            BufferedImage img = decoding.read(bytes);
            images.add(new Image(bytes, img.getWidth(), img.getHeight()));
        }
        Bench bench = new Bench(decoding, hasher);
        bench.warmUp(images, warmup);
        if (bySize) {
            Map<String, List<Image>> groups = new LinkedHashMap<>();
            images.stream()
                    .sorted((a, b) -> a.pixels() != b.pixels() ? Long.compare(a.pixels(), b.pixels())
                            : Integer.compare(a.width, b.width))
                    .forEach(im -> groups.computeIfAbsent(im.width + "x" + im.height, k -> new ArrayList<>()).add(im));
            for (Map.Entry<String, List<Image>> g : groups.entrySet()) {
                System.out.println(bench.measure(g.getValue(), seconds, rounds).json(g.getKey()));
            }
        }
        System.out.println(bench.measure(images, seconds, rounds).json(bySize ? "all" : null));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage();
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("usage: PdqBench DIR [--seconds S] [--rounds R] [--warmup W] [--by-size]");
        System.exit(2);
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp")
                || n.endsWith(".gif") || n.endsWith(".bmp");
    }

    private record Image(byte[] bytes, int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** One pass: images handled, thread CPU and wall nanoseconds. */
    private record Pass(long images, long cpuNanos, long wallNanos) {
        double perSecond(boolean cpu) {
            return images / ((cpu ? cpuNanos : wallNanos) / 1e9);
        }
    }

    private record Result(int images, long meanPixels, int rounds, boolean cpu, double[] decode, double[] decodeHash,
            double[] wallDecode, double[] wallDecodeHash, double[] overhead, double[] wallOverhead) {

        String json(String size) {
            StringBuilder sb = new StringBuilder("{\"bench\":\"pdq\"");
            if (size != null) {
                sb.append(",\"size\":\"").append(size).append('"');
            }
            sb.append(String.format(Locale.ROOT,
                    ",\"images\":%d,\"mean_pixels\":%d,\"decode_per_s\":%.1f,\"decode_hash_per_s\":%.1f,"
                            + "\"hash_overhead_pct\":%.1f,\"hash_ms\":%.3f,\"decode_ms\":%.3f,"
                            + "\"hash_overhead_pct_range\":[%.1f,%.1f],\"rounds\":%d,\"clock\":\"%s\","
                            + "\"wall_decode_per_s\":%.1f,\"wall_decode_hash_per_s\":%.1f,"
                            + "\"wall_hash_overhead_pct\":%.1f,\"wall_hash_ms\":%.3f,\"wall_decode_ms\":%.3f,"
                            + "\"wall_hash_overhead_pct_range\":[%.1f,%.1f]}",
                    images, meanPixels, median(decode), median(decodeHash), median(overhead),
                    1000.0 / median(decodeHash) - 1000.0 / median(decode), 1000.0 / median(decode),
                    min(overhead), max(overhead), rounds, cpu ? "thread-cpu" : "wall",
                    median(wallDecode), median(wallDecodeHash), median(wallOverhead),
                    1000.0 / median(wallDecodeHash) - 1000.0 / median(wallDecode), 1000.0 / median(wallDecode),
                    min(wallOverhead), max(wallOverhead)));
            return sb.toString();
        }
    }

    private static final class Bench {
        private final ImageDecoding decoding;
        private final PdqHasher hasher;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        private long sink;

        Bench(ImageDecoding decoding, PdqHasher hasher) {
            this.decoding = decoding;
            this.hasher = hasher;
        }

        /** Alternates both passes over all images for at least {@code seconds} (and twice at least). */
        void warmUp(List<Image> images, double seconds) throws IOException {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int passes = 0;
            do {
                pass(images, false, 0);
                pass(images, true, 0);
                passes++;
            } while (passes < 2 || System.nanoTime() < end);
        }

        Result measure(List<Image> images, double seconds, int rounds) throws IOException {
            long perPass = (long) (seconds / rounds * 1e9);
            double[] decode = new double[rounds];
            double[] decodeHash = new double[rounds];
            double[] wallDecode = new double[rounds];
            double[] wallDecodeHash = new double[rounds];
            double[] overhead = new double[rounds];
            double[] wallOverhead = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Pass d;
                Pass dh;
                if (r % 2 == 0) {
                    d = pass(images, false, perPass);
                    dh = pass(images, true, perPass);
                } else {
                    dh = pass(images, true, perPass);
                    d = pass(images, false, perPass);
                }
                decode[r] = d.perSecond(cpu);
                decodeHash[r] = dh.perSecond(cpu);
                wallDecode[r] = d.perSecond(false);
                wallDecodeHash[r] = dh.perSecond(false);
                overhead[r] = 100.0 * (decode[r] / decodeHash[r] - 1.0);
                wallOverhead[r] = 100.0 * (wallDecode[r] / wallDecodeHash[r] - 1.0);
            }
            long pixels = 0;
            for (Image im : images) {
                pixels += im.pixels();
            }
            if (sink == Long.MIN_VALUE) {
                System.err.println(sink);
            }
            return new Result(images.size(), pixels / images.size(), rounds, cpu, decode, decodeHash,
                    wallDecode, wallDecodeHash, overhead, wallOverhead);
        }

        /** Whole passes over the images (decode, and hash if asked) until {@code nanos} have passed. */
        private Pass pass(List<Image> images, boolean hash, long nanos) throws IOException {
            long count = 0;
            long cpu0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long wall0 = System.nanoTime();
            long wall;
            do {
                for (Image im : images) {
                    BufferedImage img = decoding.read(im.bytes);
                    if (hash) {
                        PdqResult r = hasher.hash(img);
                        PdqHash h = r.hash();
                        sink += h.word(0) ^ h.word(1) ^ h.word(2) ^ h.word(3) ^ r.quality();
                    } else {
                        sink += img.getWidth() ^ img.getRGB(img.getWidth() - 1, img.getHeight() - 1);
                    }
                    count++;
                }
                wall = System.nanoTime() - wall0;
            } while (wall < nanos);
            long cpuNanos = cpu ? threads.getCurrentThreadCpuTime() - cpu0 : wall;
            return new Pass(count, cpuNanos, wall);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
