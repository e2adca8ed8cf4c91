package org.christchurchcall.bench.pdq;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.christchurchcall.hashmatch.pdq.ImageDecoding;
import org.christchurchcall.hashmatch.pdq.PdqHash;
import org.christchurchcall.hashmatch.pdq.PdqHasher;
import org.christchurchcall.hashmatch.pdq.PdqResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * PDQ on one image per operation, in JMH ({@code bin/ccall bench jmh PdqJmh}), wall clock like
 * the reference tool's figures: decoding alone, decoding and hashing (the service's and the
 * reference's unit of work), and hashing an image already decoded. The images are in memory:
 * {@code -p dir=DIR} reads a directory's images (e.g. the reference set from
 * {@code make_images.py}); by default {@link BenchImages} renders {@code count} PNGs of
 * {@code size}. Every hash is consumed whole: its four words and quality go into the blackhole.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PdqJmh {

    /** A directory of images; empty: rendered ones. */
    @Param("")
    public String dir;

    @Param({"512x512", "1024x768"})
    public String size;

    @Param("10")
    public int count;

    private final ImageDecoding decoding = new ImageDecoding();
    private final PdqHasher hasher = new PdqHasher();
    private byte[][] files;
    private BufferedImage[] decoded;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        if (dir.isEmpty()) {
            String[] wh = size.split("x");
            int w = Integer.parseInt(wh[0]);
            int h = Integer.parseInt(wh[1]);
            for (int i = 0; i < count; i++) {
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(BenchImages.render(w, h, new SplittableRandom(1000L * w + i)), "png", png);
                bytes.add(png.toByteArray());
            }
        } else {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(PdqJmh::isImage).sorted().toList()) {
                    bytes.add(Files.readAllBytes(p));
                }
            }
        }
        if (bytes.isEmpty()) {
            throw new IllegalStateException("no images in " + dir);
        }
        files = bytes.toArray(new byte[0][]);
        decoded = new BufferedImage[files.length];
        for (int i = 0; i < files.length; i++) {
            decoded[i] = decoding.read(files[i]);
        }
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp");
    }

    /** Each benchmark thread walks the images in turn. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next(int n) {
            if (next == n) {
                next = 0;
            }
            return next++;
        }
    }

    @Benchmark
    public BufferedImage decode(Cursor c) throws IOException {
        return decoding.read(files[c.next(files.length)]);
    }

    @Benchmark
    public void decodeAndHash(Cursor c, Blackhole bh) throws IOException {
        consume(hasher.hash(decoding.read(files[c.next(files.length)])), bh);
    }

    @Benchmark
    public void hash(Cursor c, Blackhole bh) {
        consume(hasher.hash(decoded[c.next(decoded.length)]), bh);
    }

    private static void consume(PdqResult r, Blackhole bh) {
        PdqHash h = r.hash();
        bh.consume(h.word(0) ^ h.word(1) ^ h.word(2) ^ h.word(3) ^ r.quality());
    }
}
