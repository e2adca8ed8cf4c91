package org.christchurchcall.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.christchurchcall.hashmatch.video.FfmpegOptions;
import org.christchurchcall.hashmatch.video.VideoRejectedException;
import org.christchurchcall.hashmatch.video.VpdqHasher;
import org.christchurchcall.hashmatch.video.VpdqLines;

/**
 * {@code VpdqCli [-r SECONDS] [-s N] [-t THREADS] [-o OUT | -d DIR] FILE...}: vPDQ hashes of video
 * files in the reference {@code vpdq-hash-video} format ({@code frameNumber,quality,pdqHex,timestamp}
 * per hashed frame). The options mean what the reference's do: {@code -r} seconds per hash (default
 * 0, every frame, as the reference's command line; HMA uses 1), {@code -s} resize every frame to
 * N x N first (default 0, native size), {@code -t} decoder threads (default 1). One file's lines go
 * to standard output, or to OUT; with {@code -d} each FILE's lines go to {@code DIR/<name>.txt}.
 * A file that cannot be hashed gets a message on stderr and makes the exit status 1.
 */
public final class VpdqCli {

    private static final String USAGE = "usage: vpdq [-r SECONDS_PER_HASH] [-s DOWNSAMPLE] [-t THREADS] [-o OUT | -d DIR] FILE...";

    private VpdqCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        double seconds = 0;
        int downsample = 0;
        int threads = 1;
        Path outFile = null;
        Path outDir = null;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "-r", "--seconds-per-hash" -> seconds = Double.parseDouble(value(args, ++i, a));
                    case "-s", "--downsample-frame-dimension" -> downsample = Integer.parseInt(value(args, ++i, a));
                    case "-t", "--threads" -> threads = Integer.parseInt(value(args, ++i, a));
                    case "-o", "--output-hash-file" -> outFile = Path.of(value(args, ++i, a));
                    case "-d", "--output-dir" -> outDir = Path.of(value(args, ++i, a));
                    case "-i", "--input-video-file" -> files.add(Path.of(value(args, ++i, a)));
                    default -> {
                        if (a.startsWith("-") && a.length() > 1) {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                        files.add(Path.of(a));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no video file given");
            }
            if (outFile != null && (outDir != null || files.size() > 1)) {
                throw new IllegalArgumentException("-o takes one input file; use -d DIR for several");
            }
            if (outDir == null && outFile == null && files.size() > 1) {
                throw new IllegalArgumentException("several files need -d DIR");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException included
            err.println("vpdq: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        VpdqHasher.Options options;
        try {
            options = new VpdqHasher.Options(seconds, downsample);
        } catch (IllegalArgumentException e) {
            err.println("vpdq: " + e.getMessage());
            return 2;
        }
        FfmpegOptions ffmpeg = FfmpegOptions.local().withThreads(Math.max(0, threads));
        VpdqHasher hasher = new VpdqHasher();
        int status = 0;
        for (Path f : files) {
            try {
                String lines = VpdqLines.format(hasher.hash(f, options, ffmpeg).frames());
                if (outDir != null) {
                    Files.createDirectories(outDir);
                    String name = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    Files.writeString(outDir.resolve(name + ".txt"), lines);
                } else if (outFile != null) {
                    Files.writeString(outFile, lines);
                } else {
                    out.print(lines);
                    out.flush();
                }
            } catch (IOException | VideoRejectedException e) {
                err.println("vpdq: could not hash \"" + f + "\": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
