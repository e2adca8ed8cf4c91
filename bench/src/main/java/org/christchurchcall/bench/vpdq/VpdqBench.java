package org.christchurchcall.bench.vpdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.christchurchcall.hashmatch.video.FfmpegOptions;
import org.christchurchcall.hashmatch.video.VpdqFrame;
import org.christchurchcall.hashmatch.video.VpdqHasher;

/**
 * vPDQ throughput, decoding included: {@code VpdqBench DIR [--rounds R] [--reference README]}.
 *
 * <p>Hashes every {@code .mp4} in DIR at every frame ({@code -r 0}) and at one frame per second
 * ({@code -r 1}), R times each (default 3), after one untimed warm-up pass over the first video
 * (the JIT compiles the converter and PDQ). Times are wall clock, as the reference's are, from
 * the start of {@code ffprobe} to the last hash. FFmpeg decodes with one thread. Run it pinned
 * to one core ({@code bin/ccall bench vpdq} runs it under {@code taskset -c 1}, FFmpeg included,
 * as the reference was measured), so the decoder and the hasher share that core.
 *
 * <p>Prints one JSON line per video and mode (frames, min and median wall seconds, frames hashed
 * per second and video seconds per wall second at the median) and, when the reference's table
 * is given ({@code --reference}, the data README's "Speed anchor" section; default
 * {@code DIR/../README.md}), its median beside ours and the ratio. A last line sums up: total
 * frames over total median seconds for each mode, ours and the reference's.
 *
 * <p>Every hash is consumed (its words and quality go into a sink printed at the end), and each
 * round's frame count must equal the first round's, or the run fails.
 */
public final class VpdqBench {

    private VpdqBench() {
    }

    record Reference(int framesEvery, double medianEvery, int framesPerSecond, double medianPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("--")) {
            System.err.println("usage: VpdqBench DIR [--rounds R] [--reference README.md]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = 3;
        Path readme = dir.resolve("../README.md").normalize();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--reference" -> readme = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Path> videos;
        try (Stream<Path> s = Files.list(dir)) {
            videos = s.filter(p -> p.toString().endsWith(".mp4")).sorted().toList();
        }
        if (videos.isEmpty()) {
            throw new IllegalArgumentException("no .mp4 files in " + dir);
        }
        Map<String, Reference> reference = Files.isRegularFile(readme) ? readReference(readme) : Map.of();
        VpdqHasher hasher = new VpdqHasher();
        FfmpegOptions ffmpeg = FfmpegOptions.local().withThreads(1);
        long sink = 0;
        sink += consume(hasher.hash(videos.get(0), VpdqHasher.Options.everyFrame(), ffmpeg).frames());

        double[] ours = new double[4]; // frames every, seconds every, frames 1/s, seconds 1/s
        double[] refs = new double[4];
        boolean allReferenced = true;
        for (double secondsPerHash : new double[] {0, 1}) {
            VpdqHasher.Options options = new VpdqHasher.Options(secondsPerHash, 0);
            for (Path v : videos) {
                String name = v.getFileName().toString().replaceFirst("\\.mp4$", "");
                double[] wall = new double[rounds];
                int frames = -1;
                double duration = 0;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    VpdqHasher.Result result = hasher.hash(v, options, ffmpeg);
                    wall[r] = (System.nanoTime() - t0) / 1e9;
                    sink += consume(result.frames());
                    if (frames >= 0 && frames != result.frames().size()) {
                        throw new IllegalStateException(name + ": round " + r + " hashed " + result.frames().size()
                                + " frames, round 0 " + frames);
                    }
                    frames = result.frames().size();
                    duration = result.stream().durationSeconds();
                }
                Arrays.sort(wall);
                double median = wall[rounds / 2];
                int k = secondsPerHash == 0 ? 0 : 2;
                ours[k] += frames;
                ours[k + 1] += median;
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "{\"video\":\"%s\",\"seconds_per_hash\":%.0f,\"frames\":%d,\"wall_min_s\":%.3f,\"wall_median_s\":%.3f,"
                                + "\"frames_per_s\":%.1f,\"video_s_per_wall_s\":%.2f",
                        name, secondsPerHash, frames, wall[0], median, frames / median, duration / median));
                Reference ref = reference.get(name);
                if (ref != null) {
                    double refMedian = secondsPerHash == 0 ? ref.medianEvery() : ref.medianPerSecond();
                    int refFrames = secondsPerHash == 0 ? ref.framesEvery() : ref.framesPerSecond();
                    refs[k] += refFrames;
                    refs[k + 1] += refMedian;
                    line.append(String.format(Locale.ROOT,
                            ",\"reference_median_s\":%.2f,\"reference_frames_per_s\":%.1f,\"speedup\":%.2f",
                            refMedian, refFrames / refMedian, refMedian / median));
                } else {
                    allReferenced = false;
                }
                System.out.println(line.append('}'));
            }
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "{\"summary\":true,\"videos\":%d,\"rounds\":%d,\"every_frame_frames_per_s\":%.1f,\"one_per_s_frames_per_s\":%.1f",
                videos.size(), rounds, ours[0] / ours[1], ours[2] / ours[3]));
        if (allReferenced && !reference.isEmpty()) {
            summary.append(String.format(Locale.ROOT,
                    ",\"reference_every_frame_frames_per_s\":%.1f,\"reference_one_per_s_frames_per_s\":%.1f"
                            + ",\"speedup_every_frame\":%.2f,\"speedup_one_per_s\":%.2f",
                    refs[0] / refs[1], refs[2] / refs[3], refs[1] / ours[1], refs[3] / ours[3]));
        }
        System.out.println(summary.append(",\"sink\":").append(sink).append('}'));
    }

    private static long consume(List<VpdqFrame> frames) {
        long s = 0;
        for (VpdqFrame f : frames) {
            long[] w = f.hash().words();
            s += w[0] ^ w[1] ^ w[2] ^ w[3] ^ f.quality() ^ f.frameNumber();
        }
        return s;
    }

    /**
     * The data README's speed table: {@code | video | WxH | dur | frames | min / median | frames | min / median |}.
     */
    static Map<String, Reference> readReference(Path readme) throws IOException {
        Map<String, Reference> out = new HashMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("## ")) {
                inSection = line.toLowerCase(Locale.ROOT).contains("speed");
                continue;
            }
            if (!inSection || !line.startsWith("|")) {
                continue;
            }
            String[] c = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
            // c[0] is empty (before the first bar)
            if (c.length < 8 || !c[4].matches("\\d+") || !c[6].matches("\\d+")) {
                continue;
            }
            out.put(c[1], new Reference(Integer.parseInt(c[4]), median(c[5]), Integer.parseInt(c[6]), median(c[7])));
        }
        return out;
    }

    private static double median(String minSlashMedian) {
        String[] p = minSlashMedian.split("/");
        return Double.parseDouble(p[p.length - 1].trim());
    }
}
